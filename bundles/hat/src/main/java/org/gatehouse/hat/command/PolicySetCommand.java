package org.gatehouse.hat.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.hat.internal.HatAdministration;

@Command(scope = "gatehouse", name = "policy-set",
        description = "Sets one parameter of a mail flow policy (see policy-show for the names), or --inherit to unset it")
@Service
public class PolicySetCommand implements Action {

    @Reference
    HatAdministration hat;

    @Argument(index = 0, name = "listener", required = true)
    String listener;

    @Argument(index = 1, name = "policy", required = true)
    String policy;

    @Argument(index = 2, name = "parameter", required = true, description = "e.g. tls, max.recipients.per.hour, access")
    String parameter;

    @Argument(index = 3, name = "value", description = "The new value; several words are joined (banners, replies)",
            multiValued = true)
    List<String> value;

    @Option(name = "--inherit", description = "Unset the parameter: take the listener's value again")
    boolean inherit;

    @Override
    public Object execute() {
        if (inherit == (value != null && !value.isEmpty())) {
            System.err.println("Error: give either a value or --inherit (nothing changed)");
            return null;
        }
        String v = inherit ? null : String.join(" ", value);
        return ConsoleErrors.run(() -> hat.setPolicy(listener, policy, parameter, v),
                inherit ? policy + " now inherits " + parameter : "Set " + parameter + " = " + v + " on policy " + policy,
                System.out, System.err);
    }
}
