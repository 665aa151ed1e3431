package org.gatehouse.delivery.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.delivery.internal.DeliveryMonitor;

@Command(scope = "gatehouse", name = "delivery-status",
        description = "Shows connections per destination and the messages waiting for delivery")
@Service
public class DeliveryStatusCommand implements Action {

    @Reference
    DeliveryMonitor delivery;

    @Option(name = "-n", description = "How many waiting messages to list")
    int limit = 50;

    @Override
    public Object execute() {
        ShellTable destinations = new ShellTable();
        destinations.column("Destination");
        destinations.column("Connections");
        destinations.column("Idle");
        destinations.column("Queued");
        delivery.destinations().forEach(d -> destinations.addRow()
                .addContent(d.domain(), d.activeConnections(), d.idleConnections(), d.queued()));
        destinations.print(System.out);

        ShellTable waiting = new ShellTable();
        waiting.column("MID");
        waiting.column("Recipients");
        waiting.column("Next retry");
        var messages = delivery.waiting();
        messages.stream().limit(limit).forEach(w -> waiting.addRow()
                .addContent(w.mid(), w.recipients(), w.nextRetry() == null ? "in flight" : w.nextRetry()));
        System.out.println();
        System.out.println(messages.size() + " message(s) waiting for delivery");
        waiting.print(System.out);
        return null;
    }
}
