package org.gatehouse.mailauth.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.mailauth.internal.MailAuth;
import org.gatehouse.mailauth.internal.SpfVerdict;

@Command(scope = "gatehouse", name = "spf-check",
        description = "Checks SPF for a client address and MAIL FROM (HELO when MAIL FROM is empty) and shows the record walk.")
@Service
public class SpfCheckCommand implements Action {

    @Reference
    MailAuth mailAuth;

    @Argument(index = 0, name = "ip", description = "The client's IP address", required = true)
    String ip;

    @Argument(index = 1, name = "mail-from", description = "The MAIL FROM address; \"\" or <> for the null sender", required = true)
    String mailFrom;

    @Argument(index = 2, name = "helo", description = "The HELO/EHLO name", required = false)
    String helo;

    @Override
    public Object execute() {
        String from = mailFrom == null || mailFrom.equals("<>") ? "" : mailFrom.replaceAll("^<|>$", "");
        SpfVerdict verdict;
        try {
            verdict = mailAuth.checkSpf(MailAuth.address(ip), from, helo == null ? "" : helo);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return null;
        }
        System.out.println("SPF: " + verdict.identity() + " identity " + verdict.sender() + " " + verdict.result().logWord());
        System.out.println("Why: " + verdict.explanation());
        if (!verdict.walk().isEmpty()) {
            System.out.println("Record walk:");
            verdict.walk().forEach(line -> System.out.println("  " + line));
        }
        System.out.println(verdict.authResult());
        return null;
    }
}
