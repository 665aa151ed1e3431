package org.gatehouse.hat.command;

import java.io.PrintStream;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.hat.internal.HatInspector;
import org.gatehouse.hat.internal.HostStatus;
import org.gatehouse.hat.internal.IpLiteral;
import org.gatehouse.hat.internal.HostTrace;
import org.gatehouse.hat.internal.PolicyParameter;

@Command(scope = "gatehouse", name = "hat-test", description = "Shows which sender group and policy a host gets and why, "
        + "every effective parameter, and whether the host is cut off or over its hourly limit. Counts nothing.")
@Service
public class HatTestCommand implements Action {

    @Reference
    HatInspector hat;

    @Argument(index = 0, name = "ip", required = true, description = "The connecting host's address")
    String ip;

    @Argument(index = 1, name = "hostname", description = "Take this as the host's verified reverse DNS name instead of looking it up")
    String hostname;

    @Option(name = "--listener", description = "The listener (default public)")
    String listener = "public";

    @Override
    public Object execute() {
        if (IpLiteral.invalid(ip)) {
            System.err.println("Error: '" + ip + "' is not an IPv4 or IPv6 address");
            return null;
        }
        print(hat.trace(listener, ip, hostname), System.out);
        return null;
    }

    static void print(HostTrace t, PrintStream out) {
        HostDecision d = t.decision();
        MailFlowPolicy p = d.policy();
        out.println("Listener:       " + t.listener());
        out.println("Host:           " + d.remoteIp());
        out.println("Reverse DNS:    " + (d.reverseDns() == null ? "none"
                : d.reverseDns() + (d.reverseDnsVerified() ? " (verified)" : " (not verified: does not resolve back)")));
        out.println("SBRS:           " + (d.sbrs() == null ? "none" : d.sbrs()));
        t.passed().forEach(g -> out.println("Passed:         " + g + " (policy says CONTINUE)"));
        out.println("Sender group:   " + d.senderGroup());
        out.println("Matched entry:  " + d.matchedRule());
        out.println("Policy:         " + p.name() + " (" + p.access() + ")");
        HostStatus s = t.status();
        out.println("Recipients this hour:         " + s.recipientsThisHour()
                + (p.maxRecipientsPerHour() > 0 ? " of " + p.maxRecipientsPerHour()
                + (s.recipientsThisHour() >= p.maxRecipientsPerHour() ? " - OVER THE LIMIT: further RCPTs get '"
                + p.recipientsPerHourReply() + "'" : "") : " (no limit)"));
        out.println("Invalid recipients this hour: " + s.invalidThisHour()
                + (p.maxInvalidRecipientsPerHour() > 0 ? " of " + p.maxInvalidRecipientsPerHour() : " (DHAP off)"));
        out.println("DHAP:           " + (s.cutOffUntilMillis() > 0 ? "CUT OFF until " + Instant.ofEpochMilli(s.cutOffUntilMillis())
                + " after too many invalid recipients: every RCPT gets '" + p.dhapReply() + "'" : "not cut off"));
        if (t.effective() == null) {
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Parameter");
        table.column("Value");
        table.column("Source");
        for (PolicyParameter param : PolicyParameter.values()) {
            boolean own = t.effective().ownValues().contains(param);
            table.addRow().addContent(param.key(), String.valueOf(t.effective().values().get(param)),
                    own ? "policy " + p.name() : "listener " + t.listener());
        }
        table.print(out);
    }
}
