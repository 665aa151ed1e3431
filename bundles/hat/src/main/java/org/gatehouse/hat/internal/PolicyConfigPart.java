package org.gatehouse.hat.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One mail flow policy (factory PID {@code org.gatehouse.hat.policy}). */
@Component(configurationPid = PolicyConfigPart.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HatConfigPart.class)
@Designate(ocd = PolicyConfig.class, factory = true)
public final class PolicyConfigPart extends ConfigPartHolder {

    public static final String PID = "org.gatehouse.hat.policy";

    @Override
    public Kind kind() {
        return Kind.POLICY;
    }
}
