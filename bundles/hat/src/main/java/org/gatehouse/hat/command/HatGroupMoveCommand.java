package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "hat-group-move", description = "Moves a sender group before or after another, or to the top")
@Service
public class HatGroupMoveCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "group", required = true)
    String group;

    @Option(name = "--before", description = "Put it just above this group")
    String before;

    @Option(name = "--after", description = "Put it just below this group")
    String after;

    @Option(name = "--top", description = "Make it the first group read")
    boolean top;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.moveGroup(listener, group, before, after, top), "Moved sender group " + group,
                System.out, System.err);
    }
}
