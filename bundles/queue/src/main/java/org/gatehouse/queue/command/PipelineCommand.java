package org.gatehouse.queue.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.queue.internal.QueueAdmin;
import org.gatehouse.queue.internal.StageView;

@Command(scope = "gatehouse", name = "pipeline",
        description = "The work queue's stages as they are: order, bundle version, licensed, active or waiting, "
                + "and how many messages wait for a missing stage.")
@Service
public class PipelineCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Stage");
        table.column("Order").alignRight();
        table.column("Feature");
        table.column("Licensed");
        table.column("State");
        table.column("Version");
        table.column("Waiting").alignRight();
        for (StageView s : queue.pipeline()) {
            table.addRow().addContent(s.name(), s.order(), s.feature() == null ? "-" : s.feature(), s.licensed(),
                    s.state(), s.version(), s.waiting());
        }
        table.emptyTableText("No stages: messages go straight to delivery.");
        table.print(System.out);
        return null;
    }
}
