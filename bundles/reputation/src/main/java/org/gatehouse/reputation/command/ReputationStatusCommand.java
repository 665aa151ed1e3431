package org.gatehouse.reputation.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.reputation.internal.Reputation;

@Command(scope = "gatehouse", name = "reputation-status",
        description = "Shows the reputation zones and how they answer, the DNS server, and how many hosts are cached and known.")
@Service
public class ReputationStatusCommand implements Action {

    @Reference
    Reputation reputation;

    @Override
    public Object execute() {
        Reputation.Status status = reputation.status();
        System.out.println("Reputation: " + (status.enabled() ? "enabled" : "disabled (every host scores none)")
                + ", DNS server " + status.server());
        for (String error : status.configErrors()) {
            System.out.println("Configuration problem: " + error);
        }
        System.out.println("Hosts with cached zone answers: " + status.cachedHosts());
        System.out.println("Hosts in local history: " + status.knownHosts() + " (half-life " + status.halfLife().toHours()
                + " h, counts from " + status.history().minMessages() + " messages, at most "
                + status.history().maxPoints() + " points)");
        ShellTable table = new ShellTable();
        table.column("Zone");
        table.column("Answers -> score");
        table.column("Failures in a row").alignRight();
        table.column("Failures").alignRight();
        table.column("Last error");
        for (Reputation.ZoneStatus zone : status.zones()) {
            table.addRow().addContent(zone.zone(), zone.mapping(), zone.failuresInRow(), zone.failuresTotal(), zone.lastError());
        }
        if (status.zones().isEmpty()) {
            System.out.println("No zones configured: scores come from local history only.");
        } else {
            table.print(System.out);
        }
        return null;
    }
}
