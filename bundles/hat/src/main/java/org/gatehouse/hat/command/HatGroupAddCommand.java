package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "hat-group-add",
        description = "Adds a sender group (without entries) just above the catch-all ALL group, or at --order")
@Service
public class HatGroupAddCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "group", required = true)
    String group;

    @Argument(index = 2, name = "policy", required = true, description = "The mail flow policy of its hosts")
    String policy;

    @Option(name = "--order", description = "Position: lower is read first (see hat-list)")
    Integer order;

    @Option(name = "--comment", description = "What the group is for")
    String comment;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.addGroup(listener, group, policy, order, comment),
                "Added sender group " + group + " -> " + policy + " on " + listener, System.out, System.err);
    }
}
