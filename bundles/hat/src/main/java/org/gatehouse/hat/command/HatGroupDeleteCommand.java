package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "hat-group-delete", description = "Deletes a sender group")
@Service
public class HatGroupDeleteCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "group", required = true)
    String group;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.deleteGroup(listener, group), "Deleted sender group " + group + " of " + listener,
                System.out, System.err);
    }
}
