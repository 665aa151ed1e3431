package org.gatehouse.queue.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.queue.internal.QueueAdmin;

@Command(scope = "gatehouse", name = "pipeline-forget",
        description = "Messages stop waiting for a stage that was uninstalled on purpose (a licensed stage "
                + "that is away is otherwise waited for, so that no message skips it).")
@Service
public class PipelineForgetCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Argument(index = 0, name = "stage", description = "The stage's name, as gatehouse:pipeline shows it", required = true)
    String stage;

    @Override
    public Object execute() {
        if (!queue.forgetStage(stage)) {
            throw new IllegalArgumentException("Stage " + stage
                    + " is running (set enabled=false in its configuration instead) or not known.");
        }
        System.out.println("Messages no longer wait for stage " + stage + ".");
        return null;
    }
}
