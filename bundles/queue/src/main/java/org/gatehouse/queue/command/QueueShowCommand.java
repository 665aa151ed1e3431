package org.gatehouse.queue.command;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.Connection;
import org.gatehouse.queue.internal.AddedHeader;
import org.gatehouse.queue.internal.MessageView;
import org.gatehouse.queue.internal.QueueAdmin;
import org.gatehouse.queue.internal.RecipientProgress;

@Command(scope = "gatehouse", name = "queue-show",
        description = "Shows one queued message: envelope, connection, recipients' status, size, added headers.")
@Service
public class QueueShowCommand implements Action {

    @Reference
    QueueAdmin queue;

    @Argument(index = 0, name = "mid", description = "The message ID", required = true)
    @Completion(MidCompleter.class)
    long mid;

    @Override
    public Object execute() {
        Optional<MessageView> found = queue.show(mid);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No message MID " + mid + " in the queue.");
        }
        MessageView m = found.get();
        PrintStream out = System.out;
        out.println("MID          " + m.mid());
        out.println("State        " + m.phase().label() + (m.lastError() == null ? "" : " (" + m.lastError() + ")"));
        out.println("Received     " + m.received() + " (" + Ages.since(m.received()) + " ago)");
        out.println("Size         " + m.size() + " octets");
        out.println("From         <" + m.envelope().mailFrom() + ">");
        out.println("SMTPUTF8     " + m.envelope().smtpUtf8() + ", BODY " + Ages.orDash(m.envelope().body()));
        Connection c = m.connection();
        if (c != null) {
            out.println("ICID         " + c.icid() + " on listener " + c.listener());
            out.println("Client       " + c.remoteIp() + " rDNS " + Ages.orDash(c.reverseDns())
                    + (c.reverseDnsVerified() ? " (verified)" : " (not verified)") + " HELO " + Ages.orDash(c.helo()));
            out.println("TLS          " + Ages.orDash(c.tlsProtocol()));
            out.println("HAT          sender group " + Ages.orDash(c.senderGroup()) + ", policy "
                    + Ages.orDash(c.policy()) + ", SBRS " + (c.sbrs() == null ? "none" : c.sbrs()));
        }
        ShellTable rcpts = new ShellTable();
        rcpts.column("RID").alignRight();
        rcpts.column("Recipient");
        rcpts.column("Status");
        rcpts.column("Attempts").alignRight();
        rcpts.column("Next attempt");
        rcpts.column("Last reply").maxSize(60);
        for (RecipientProgress r : m.recipients()) {
            rcpts.addRow().addContent(r.recipient().rid(), r.recipient().address(), r.outcome().name().toLowerCase(),
                    r.attempts(), Ages.until(r.nextAttempt()), Ages.orDash(r.lastReply()));
        }
        rcpts.print(out);
        if (!m.headers().isEmpty()) {
            out.println("Added headers:");
            for (AddedHeader h : m.headers()) {
                out.println("  " + h.name() + ": " + h.value());
            }
        }
        if (!m.annotations().isEmpty()) {
            out.println("Annotations:");
            for (Map.Entry<String, String> a : m.annotations().entrySet()) {
                out.println("  " + a.getKey() + " = " + a.getValue());
            }
        }
        return null;
    }
}
