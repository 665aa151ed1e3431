package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "rat-delete", description = "Deletes a RAT entry (never the final ALL)")
@Service
public class RatDeleteCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "recipient", required = true, description = "The entry's recipient, e.g. example.com")
    String recipient;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.deleteRat(listener, recipient), "Deleted RAT entry " + recipient, System.out,
                System.err);
    }
}
