package org.gatehouse.maillog.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.maillog.internal.MailLogTail;

@Command(scope = "gatehouse", name = "maillog-tail", description = "Shows the last lines of the mail log.")
@Service
public class MailLogTailCommand implements Action {

    @Reference
    MailLogTail mailLog;

    @Option(name = "-n", aliases = "--lines", description = "How many lines (default 20)")
    int lines = 20;

    @Override
    public Object execute() throws Exception {
        if (lines < 1) {
            throw new IllegalArgumentException("-n must be at least 1");
        }
        mailLog.tail(lines).forEach(System.out::println);
        return null;
    }
}
