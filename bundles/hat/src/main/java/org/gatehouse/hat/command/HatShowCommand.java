package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "hat-show", description = "Shows one sender group with all its entries")
@Service
public class HatShowCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "group", required = true)
    String group;

    @Override
    public Object execute() {
        try {
            HatAdministration.GroupRow g = hat.group(listener, group);
            System.out.println("Sender group " + g.name() + " (listener " + g.listener() + ", order " + g.order() + ")");
            System.out.println("Policy:  " + g.policy());
            System.out.println("Comment: " + g.comment());
            System.out.println("Entries (" + g.entries().size() + "):");
            g.entries().forEach(e -> System.out.println("  " + e));
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
        }
        return null;
    }
}
