package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "policy-delete", description = "Deletes a mail flow policy that no sender group uses")
@Service
public class PolicyDeleteCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "policy", required = true)
    String policy;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.deletePolicy(listener, policy), "Deleted policy " + policy + " of " + listener,
                System.out, System.err);
    }
}
