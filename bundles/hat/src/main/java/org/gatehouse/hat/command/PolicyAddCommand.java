package org.gatehouse.hat.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "policy-add",
        description = "Adds a mail flow policy; every parameter is inherited from the listener until set with policy-set")
@Service
public class PolicyAddCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "name", required = true)
    String name;

    @Argument(index = 2, name = "access", required = true, description = "ACCEPT, REJECT, TCPREFUSE, RELAY or CONTINUE")
    @Completion(value = StringsCompleter.class, values = {"ACCEPT", "REJECT", "TCPREFUSE", "RELAY", "CONTINUE"})
    String access;

    @Override
    public Object execute() {
        return ConsoleErrors.run(() -> hat.addPolicy(listener, name, access), "Added policy " + name + " (" + access + ") on "
                + listener, System.out, System.err);
    }
}
