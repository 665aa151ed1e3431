package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "rat-list", description = "Lists the recipient access tables of public listeners, top-down")
@Service
public class RatListCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", description = "Only this listener")
    String listener;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Listener");
        table.column("#").alignRight();
        table.column("Entry");
        hat.rat(listener).forEach(r -> table.addRow().addContent(r.listener(), r.position() < 0 ? "last" : r.position(),
                r.entry()));
        table.print(System.out);
        return null;
    }
}
