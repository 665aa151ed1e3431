package org.gatehouse.mailauth.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.mailauth.internal.MailAuth;
import org.gatehouse.mailauth.internal.MailAuthSettings;

@Command(scope = "gatehouse", name = "mailauth-status",
        description = "Shows which of SPF, DKIM and DMARC run by default, the DNS server, the DMARC actions and the results counted so far.")
@Service
public class MailAuthStatusCommand implements Action {

    @Reference
    MailAuth mailAuth;

    @Override
    public Object execute() {
        MailAuth.Status status = mailAuth.status();
        MailAuthSettings s = status.settings();
        System.out.println("SPF: " + onOff(s.spf()) + ", DKIM: " + onOff(s.dkim()) + ", DMARC: " + onOff(s.dmarc())
                + " (a mail flow policy's mailauth.spf|dkim|dmarc overrides)");
        System.out.println("DNS server: " + status.dnsServer() + ", timeout " + s.dnsTimeout().toMillis() + " ms");
        System.out.println("Authentication-Results: " + (s.addHeader() ? "added, authserv-id " + s.authservId() : "not added"));
        System.out.println("DMARC p=reject: " + s.rejectAction().label() + ", p=quarantine: " + s.quarantineAction().label()
                + " (quarantine " + s.quarantineName() + ", tag prefix '" + s.tagPrefix() + "')");
        System.out.println("Public Suffix List: " + status.publicSuffixListVersion() + " (" + status.publicSuffixRules() + " rules)");
        for (String problem : s.problems()) {
            System.out.println("Configuration problem: " + problem);
        }
        if (status.counts().isEmpty()) {
            System.out.println("No messages checked since the last start.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Result");
        table.column("Messages").alignRight();
        for (Map.Entry<String, Long> e : status.counts().entrySet()) {
            table.addRow().addContent(e.getKey(), e.getValue());
        }
        table.print(System.out);
        return null;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
