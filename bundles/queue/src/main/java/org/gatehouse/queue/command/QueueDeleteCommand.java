package org.gatehouse.queue.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.queue.internal.QueueAdmin;

@Command(scope = "gatehouse", name = "queue-delete",
        description = "Deletes a message from the queue; its pending recipients get nothing and no bounce.")
@Service
public class QueueDeleteCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Argument(index = 0, name = "mid", description = "The message ID", required = true)
    @Completion(MidCompleter.class)
    long mid;

    @Override
    public Object execute() {
        if (queue.delete(mid)) {
            System.out.println("MID " + mid + " deleted.");
        } else {
            throw new IllegalArgumentException("No message MID " + mid + " in the queue.");
        }
        return null;
    }
}
