package org.gatehouse.reputation.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.reputation.internal.Reputation;

@Command(scope = "gatehouse", name = "reputation-forget",
        description = "Forgets a host's local history and cached zone answers (the next connection asks DNS again).")
@Service
public class ReputationForgetCommand implements Action {

    @Argument(index = 0, name = "ip", description = "The host's IPv4 or IPv6 address", required = true)
    String ip;

    @Reference
    Reputation reputation;

    @Override
    public Object execute() {
        try {
            boolean known = reputation.forget(ip);
            System.out.println(known ? "Forgot " + ip + ": history and cached answers cleared." : "Nothing was known about " + ip + ".");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
