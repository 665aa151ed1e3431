package org.gatehouse.smtplistener.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.smtplistener.internal.ListenerControl;

/** Completes listener names. */
@Service
public class ListenerNameCompleter implements Completer {

    @Reference(optional = true)
    List<ListenerControl> listeners;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (listeners != null) {
            listeners.forEach(l -> names.getStrings().add(l.status().name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}
