package org.gatehouse.queue.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.queue.internal.MessageView;
import org.gatehouse.queue.internal.QueueAdmin;

/** Completes the MIDs of the messages in the queue. */
@Service
public class MidCompleter implements Completer {

    @Reference
    QueueAdmin queue;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter mids = new StringsCompleter();
        for (MessageView m : queue.list()) {
            mids.getStrings().add(Long.toString(m.mid()));
        }
        return mids.complete(session, commandLine, candidates);
    }
}
