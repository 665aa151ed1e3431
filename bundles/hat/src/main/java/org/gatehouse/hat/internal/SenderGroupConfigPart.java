package org.gatehouse.hat.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One sender group (factory PID {@code org.gatehouse.hat.sendergroup}). */
@Component(configurationPid = SenderGroupConfigPart.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HatConfigPart.class)
@Designate(ocd = SenderGroupConfig.class, factory = true)
public final class SenderGroupConfigPart extends ConfigPartHolder {

    public static final String PID = "org.gatehouse.hat.sendergroup";

    @Override
    public Kind kind() {
        return Kind.SENDER_GROUP;
    }
}
