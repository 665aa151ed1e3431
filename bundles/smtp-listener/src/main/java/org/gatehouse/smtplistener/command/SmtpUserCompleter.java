package org.gatehouse.smtplistener.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.smtplistener.internal.SmtpUsers;

/** Completes SMTP AUTH user names. */
@Service
public class SmtpUserCompleter implements Completer {

    @Reference(optional = true)
    SmtpUsers users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (users != null) {
            users.list().forEach(a -> names.getStrings().add(a.user()));
        }
        return names.complete(session, commandLine, candidates);
    }
}
