package org.gatehouse.hat.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One listener's HAT settings and RAT (factory PID {@code org.gatehouse.hat.listener}). */
@Component(configurationPid = ListenerConfigPart.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HatConfigPart.class)
@Designate(ocd = ListenerHatConfig.class, factory = true)
public final class ListenerConfigPart extends ConfigPartHolder {

    public static final String PID = "org.gatehouse.hat.listener";

    @Override
    public Kind kind() {
        return Kind.LISTENER;
    }
}
