package org.gatehouse.queue.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.queue.internal.QueueAdmin;

@Command(scope = "gatehouse", name = "queue-deliver-now",
        description = "Tries a message now instead of at its retry time; releases a held message to delivery.")
@Service
public class QueueDeliverNowCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Argument(index = 0, name = "mid", description = "The message ID", required = false)
    @Completion(MidCompleter.class)
    Long mid;

    @Option(name = "--all", description = "Every message waiting for a retry (held messages stay held)")
    boolean all;

    @Override
    public Object execute() {
        if (all == (mid != null)) {
            throw new IllegalArgumentException("Give a MID or --all.");
        } else if (all) {
            System.out.println(queue.deliverAllNow() + " messages scheduled for delivery now.");
        } else if (queue.deliverNow(mid)) {
            System.out.println("MID " + mid + " scheduled for delivery now.");
        } else {
            throw new IllegalArgumentException(
                    "MID " + mid + " is not in the queue, already in line, or no delivery queue is running.");
        }
        return null;
    }
}
