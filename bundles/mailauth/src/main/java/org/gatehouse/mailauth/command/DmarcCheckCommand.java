package org.gatehouse.mailauth.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.mailauth.internal.DmarcVerdict;
import org.gatehouse.mailauth.internal.MailAuth;
import org.gatehouse.mailauth.internal.MailAuthSettings;
import org.gatehouse.mailauth.internal.SpfVerdict;

@Command(scope = "gatehouse", name = "dmarc-check",
        description = "Runs SPF, DKIM and DMARC on a message file as if it came from <ip> with <mail-from>, and shows the policy that would apply.")
@Service
public class DmarcCheckCommand implements Action {

    @Reference
    MailAuth mailAuth;

    @Argument(index = 0, name = "file", description = "The message file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Argument(index = 1, name = "ip", description = "The client's IP address", required = true)
    String ip;

    @Argument(index = 2, name = "mail-from", description = "The MAIL FROM address; \"\" or <> for the null sender", required = true)
    String mailFrom;

    @Option(name = "--helo", description = "The HELO/EHLO name")
    String helo = "";

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("Error: no such file " + file);
            return null;
        }
        String from = mailFrom == null || mailFrom.equals("<>") ? "" : mailFrom.replaceAll("^<|>$", "");
        MailAuth.Authentication result;
        try {
            result = mailAuth.authenticate(() -> new CrlfInputStream(Files.newInputStream(path)), MailAuth.address(ip), from,
                    helo, new MailAuth.Switches(true, true, true));
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return null;
        }
        SpfVerdict spf = result.spf();
        System.out.println("SPF:   " + spf.identity() + " identity " + spf.sender() + " " + spf.result().logWord() + " (" + spf.explanation() + ")");
        System.out.println("DKIM:");
        DkimVerifyCommand.print(result.dkim());
        DmarcVerdict dmarc = result.dmarc();
        System.out.println("DMARC: " + dmarc.logText());
        if (dmarc.record() != null) {
            System.out.println("Record at _dmarc." + dmarc.record().domain() + ": p=" + dmarc.record().policy().label()
                    + (dmarc.record().subdomainPolicy() == null ? "" : " sp=" + dmarc.record().subdomainPolicy().label())
                    + " pct=" + dmarc.record().percent() + " adkim=" + (dmarc.record().strictDkim() ? "s" : "r")
                    + " aspf=" + (dmarc.record().strictSpf() ? "s" : "r"));
        }
        MailAuthSettings settings = mailAuth.settings();
        String action = settings.action(dmarc.applied()).label();
        System.out.println("Policy: " + (dmarc.result().name().equals("FAIL")
                ? dmarc.requested().label() + " requested, " + dmarc.applied().label() + " applied (pct sampling): " + action
                : "none (" + dmarc.result().label() + ")"));
        System.out.println("Authentication-Results: " + mailAuth.authenticationResults(result));
        return null;
    }
}
