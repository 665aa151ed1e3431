package org.gatehouse.delivery.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.delivery.internal.DeliveryMonitor;

@Command(scope = "gatehouse", name = "route-list", description = "Lists the SMTP routes (domain -> hosts)")
@Service
public class RouteListCommand implements Action {

    @Reference
    DeliveryMonitor delivery;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Domain");
        table.column("Hosts");
        delivery.routes().forEach(r -> table.addRow().addContent(r.domain(), r.hosts()));
        table.print(System.out);
        return null;
    }
}
