package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "policy-list", description = "Lists the mail flow policies")
@Service
public class PolicyListCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", description = "Only this listener")
    String listener;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Listener");
        table.column("Policy");
        table.column("Access");
        table.column("Used by groups").alignRight();
        hat.policies(listener).forEach(p -> table.addRow().addContent(p.listener(), p.name(), p.access(), p.usedBy()));
        table.print(System.out);
        return null;
    }
}
