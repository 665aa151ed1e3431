package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "hat-list", description = "Lists the sender groups of the HAT, in the order they are read")
@Service
public class HatListCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", description = "Only this listener")
    String listener;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Listener");
        table.column("Order").alignRight();
        table.column("Sender group");
        table.column("Policy");
        table.column("Entries").alignRight();
        table.column("Comment");
        hat.groups(listener).forEach(g -> table.addRow().addContent(g.listener(), g.order(), g.name(), g.policy(),
                g.entries().size(), g.comment()));
        table.print(System.out);
        return null;
    }
}
