package org.gatehouse.queue.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.queue.internal.Phase;
import org.gatehouse.queue.internal.QueueAdmin;
import org.gatehouse.queue.internal.QueueStatus;

@Command(scope = "gatehouse", name = "queue-status", description = "The queue at a glance: counts by state, oldest message.")
@Service
public class QueueStatusCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Override
    public Object execute() {
        QueueStatus s = queue.status();
        ShellTable table = new ShellTable();
        table.column("State");
        table.column("Messages").alignRight();
        int total = 0;
        for (Map.Entry<Phase, Integer> e : s.byPhase().entrySet()) {
            table.addRow().addContent(e.getKey().label(), e.getValue());
            total += e.getValue();
        }
        table.addRow().addContent("total", total);
        table.print(System.out);
        System.out.println("Oldest message:   " + (s.oldest() == null ? "-" : Ages.since(s.oldest()) + " old"));
        System.out.println("Spooled size:     " + s.bytes() + " octets");
        System.out.println("Worker backlog:   " + s.workBacklog());
        System.out.println("Stages:           " + (s.stages().isEmpty() ? "none" : String.join(" -> ", s.stages())));
        System.out.println("Delivery queue:   " + (s.deliveryBound() ? "running" : "absent: messages wait"));
        return null;
    }
}
