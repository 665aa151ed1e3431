package org.gatehouse.queue.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.Recipient;
import org.gatehouse.queue.internal.MessageView;
import org.gatehouse.queue.internal.QueueAdmin;
import org.gatehouse.queue.internal.RecipientOutcome;
import org.gatehouse.queue.internal.RecipientProgress;

@Command(scope = "gatehouse", name = "queue-list", description = "Lists the messages in the queue, oldest first.")
@Service
public class QueueListCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("MID").alignRight();
        table.column("Sender");
        table.column("Recipients").maxSize(60);
        table.column("Age").alignRight();
        table.column("Attempts").alignRight();
        table.column("Last error").maxSize(50);
        table.column("State");
        for (MessageView m : queue.list()) {
            table.addRow().addContent(m.mid(), "<" + m.envelope().mailFrom() + ">", pending(m), Ages.since(m.received()),
                    m.attempts(), Ages.orDash(m.lastError()), m.phase().label());
        }
        table.print(System.out);
        return null;
    }

    private static String pending(MessageView m) {
        StringBuilder out = new StringBuilder();
        for (RecipientProgress r : m.recipients()) {
            if (r.outcome() == RecipientOutcome.PENDING) {
                Recipient rcpt = r.recipient();
                out.append(out.length() == 0 ? "" : ", ").append(rcpt.address());
            }
        }
        return out.toString();
    }
}
