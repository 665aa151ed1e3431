package org.gatehouse.hat.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "rat-add", description = "Adds a RAT entry (domain, .subdomain, user@domain, user@ or [IP]) "
        + "above the final ALL -> REJECT, or at --before <position>")
@Service
public class RatAddCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "recipient", required = true)
    String recipient;

    @Argument(index = 2, name = "action", required = true, description = "ACCEPT or REJECT")
    @Completion(value = StringsCompleter.class, values = {"ACCEPT", "REJECT"})
    String action;

    @Argument(index = 3, name = "reply", description = "REJECT only: the full reply, e.g. 550 5.1.1 Gone", multiValued = true)
    List<String> reply;

    @Option(name = "--bypass-throttling", description = "ACCEPT only: do not count against the host's hourly limit")
    boolean bypass;

    @Option(name = "--before", description = "Insert at this position (see rat-list)")
    Integer before;

    @Override
    public Object execute() {
        StringBuilder entry = new StringBuilder(recipient).append(' ').append(action);
        if (bypass) {
            entry.append(" bypass-throttling");
        }
        if (reply != null && !reply.isEmpty()) {
            entry.append(' ').append(String.join(" ", reply));
        }
        return ConsoleErrors.run(() -> hat.addRat(listener, entry.toString(), before), "Added RAT entry " + entry, System.out,
                System.err);
    }
}
