package org.gatehouse.reputation.internal;

import org.gatehouse.api.Connection;
import org.gatehouse.api.Entitlement;
import org.gatehouse.api.MailMessage;
import org.gatehouse.api.MessageStage;
import org.gatehouse.api.StageResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the local history from the pipeline (band 950, after anti-spam and anti-virus): it reads
 * their verdict annotations and counts the message against the sending host. It only learns:
 * it always says CONTINUE and never throws, so it can never hold mail up.
 *
 * <p>It sees only messages the earlier stages let through: a message they dropped, bounced or
 * quarantined never reaches band 950 (see README, "what the api lacks").
 */
@Component(service = MessageStage.class, configurationPid = "org.gatehouse.reputation",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {MessageStage.NAME + "=reputation", MessageStage.ORDER + ":Integer=950",
            MessageStage.FEATURE + "=reputation", MessageStage.OBSERVER + ":Boolean=true"})
public final class ReputationStage implements MessageStage {

    private static final Logger LOG = LoggerFactory.getLogger(ReputationStage.class);

    private final Reputation reputation;

    @Activate
    public ReputationStage(@Reference(name = "reputation") Reputation reputation,
            @Reference(name = "licence", target = "(gatehouse.feature=reputation)") Entitlement licence) {
        this.reputation = reputation;
    }

    ReputationStage(Reputation reputation) {
        this.reputation = reputation;
    }

    @Override
    public StageResult process(MailMessage message) {
        try {
            Connection connection = message.connection();
            MessageOutcome outcome = MessageOutcome.of(message.annotations());
            // ICID 0: mail the gateway made itself (DSNs, notifications) says nothing about a sender.
            if (connection != null && connection.icid() > 0 && connection.remoteIp() != null && outcome != null) {
                reputation.learn(connection.remoteIp(), message.mid(), outcome);
                message.annotate("reputation.learned", outcome.name().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (RuntimeException e) {
            // Learning is best effort: a failure here must never hold or lose a message. It is
            // still recorded on the message for tracking and in the Karaf log.
            LOG.warn("MID {}: reputation history not updated", message.mid(), e);
            message.annotate("reputation.error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return StageResult.proceed();
    }
}
