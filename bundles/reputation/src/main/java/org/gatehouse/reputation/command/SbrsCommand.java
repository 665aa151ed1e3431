package org.gatehouse.reputation.command;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.reputation.internal.HostHistory;
import org.gatehouse.reputation.internal.Reputation;
import org.gatehouse.reputation.internal.Scores;
import org.gatehouse.reputation.internal.ZoneAnswer;

@Command(scope = "gatehouse", name = "sbrs",
        description = "Shows a host's sender reputation score and why: each zone's answer, the local history, the cache age. "
                + "Works without a reputation licence (diagnosis).")
@Service
public class SbrsCommand implements Action {

    @Argument(index = 0, name = "ip", description = "The host's IPv4 or IPv6 address", required = true)
    String ip;

    @Reference
    Reputation reputation;

    @Override
    public Object execute() {
        Reputation.Explanation why;
        try {
            why = reputation.explain(ip);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        System.out.println("SBRS " + why.address() + ": " + Scores.format(why.score())
                + (reputation.status().enabled() ? "" : "  (enabled=false: the HAT sees none)"));
        ShellTable zones = new ShellTable();
        zones.column("Zone");
        zones.column("Answer");
        zones.column("Score").alignRight();
        for (ZoneAnswer zone : why.zones()) {
            zones.addRow().addContent(zone.zone(), zone.describe(), Scores.format(zone.score()));
        }
        if (!why.zones().isEmpty()) {
            zones.print(System.out);
        }
        System.out.println("Zones combined: " + Scores.format(why.dnsScore())
                + (why.zones().isEmpty() ? " (no zones configured)" : ", answers " + why.cacheAge().toSeconds() + " s old"));
        HostHistory h = why.history();
        System.out.println(String.format(Locale.ROOT, "History (decayed): %.1f clean, %.1f spam, %.1f virus -> %s",
                h.clean(), h.spam(), h.virus(),
                why.historyPoints() == null ? "too little to count" : Scores.format(why.historyPoints()) + " points"));
        return null;
    }
}
