package org.gatehouse.smtplistener.command;

import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.smtplistener.internal.ListenerControl;
import org.gatehouse.smtplistener.internal.ListenerStatus;

@Command(scope = "gatehouse", name = "listener-list", description = "Lists the SMTP listeners and their state")
@Service
public class ListenerListCommand implements Action {

    @Reference(optional = true)
    List<ListenerControl> listeners;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Type");
        table.column("Address");
        table.column("State");
        table.column("Connections").alignRight();
        table.column("Accepted").alignRight();
        if (listeners != null) {
            listeners.stream().map(ListenerControl::status)
                    .sorted(Comparator.comparing(ListenerStatus::name))
                    .forEach(s -> table.addRow().addContent(s.name(), s.type(), s.address() + ":" + s.port(),
                            s.active() ? "active" : "suspended", s.openConnections(), s.messagesAccepted()));
        }
        table.print(System.out);
        return null;
    }
}
