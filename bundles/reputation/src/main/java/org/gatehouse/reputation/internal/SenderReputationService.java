package org.gatehouse.reputation.internal;

import org.gatehouse.api.Entitlement;
import org.gatehouse.api.SenderReputation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The SBRS the HAT asks on connect, registered only while the {@code reputation} feature is
 * licensed (without it the HAT sees no service and treats every host as "none").
 */
@Component(service = SenderReputation.class)
public final class SenderReputationService implements SenderReputation {

    private final Reputation reputation;

    @Activate
    public SenderReputationService(@Reference(name = "reputation") Reputation reputation,
            @Reference(name = "licence", target = "(gatehouse.feature=reputation)") Entitlement licence) {
        this.reputation = reputation;
    }

    /** Null (none) also for something that is not an IP address: the HAT then matches SBRS[none]. */
    @Override
    public Double score(String remoteIp) {
        if (remoteIp == null || remoteIp.isBlank()) {
            return null;
        }
        try {
            return reputation.score(remoteIp);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
