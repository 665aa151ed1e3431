package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "policy-show",
        description = "Shows every effective parameter of a mail flow policy and whether it is inherited from the listener")
@Service
public class PolicyShowCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "policy", required = true)
    String policy;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Parameter");
            table.column("Value");
            table.column("Source");
            hat.policy(listener, policy).forEach(r -> table.addRow().addContent(r.key(), r.value(),
                    r.inherited() ? "inherited from listener " + listener : "policy " + policy));
            table.print(System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
        }
        return null;
    }
}
