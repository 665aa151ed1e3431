package org.gatehouse.smtplistener.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.smtplistener.internal.ListenerControl;

@Command(scope = "gatehouse", name = "listener-suspend", description = "Stops accepting new connections on a listener; open sessions finish")
@Service
public class ListenerSuspendCommand implements Action {

    @Reference(optional = true)
    List<ListenerControl> listeners;

    @Argument(index = 0, name = "name", description = "The listener's name", required = true)
    @Completion(ListenerNameCompleter.class)
    String name;

    @Override
    public Object execute() throws Exception {
        ListenerControl listener = Listeners.named(listeners, name);
        listener.suspend();
        System.out.println("Listener " + name + " suspended");
        return null;
    }
}
