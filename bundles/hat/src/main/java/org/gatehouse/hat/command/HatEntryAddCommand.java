package org.gatehouse.hat.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "hat-entry-add", description = "Adds entries to a sender group: addresses, "
        + "partial addresses (10.1.1.), ranges (10.1.1.10-20), CIDR, host names, .partial host names, SBRS[a:b], "
        + "SBRS[none], dnslist[zone], ALL")
@Service
public class HatEntryAddCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "group", required = true)
    String group;

    @Argument(index = 2, name = "entries", required = true, multiValued = true)
    List<String> entries;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.addEntries(listener, group, entries),
                "Added " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies") + " to " + group, System.out, System.err);
    }
}
