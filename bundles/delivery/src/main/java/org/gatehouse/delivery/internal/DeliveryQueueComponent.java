package org.gatehouse.delivery.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.api.DeliveryQueue;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.QueuedMessage;
import org.gatehouse.api.Spool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The delivery queue service: wires configuration, SMTP routes, the spool (for DSNs) and the
 * mail log to the {@link DeliveryEngine}. Routes, spool and mail log come and go without
 * restarting delivery.
 */
@Component(service = {DeliveryQueue.class, DeliveryMonitor.class}, immediate = true,
        configurationPid = "org.gatehouse.delivery",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DeliveryConfig.class)
public class DeliveryQueueComponent implements DeliveryQueue, DeliveryMonitor {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Spool spool;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailLog mailLog;

    /** One DNS question never waits longer than this (dnsjava retries within it). */
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(10);

    private final List<ConfiguredRoute> configuredRoutes = new CopyOnWriteArrayList<>();
    private final DeliveryEngine engine;

    @Activate
    public DeliveryQueueComponent(DeliveryConfig config) throws IOException, GeneralSecurityException {
        DeliverySettings settings = DeliverySettings.from(config);
        engine = new DeliveryEngine(settings,
                new DnsjavaLookup(settings.dnsServers(), DNS_TIMEOUT),
                OpportunisticTls.socketFactory(), () -> spool, () -> mailLog, Clock.systemUTC());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addRoute(ConfiguredRoute route) {
        configuredRoutes.add(route);
        publishRoutes();
    }

    synchronized void removeRoute(ConfiguredRoute route) {
        configuredRoutes.remove(route);
        publishRoutes();
    }

    private void publishRoutes() {
        engine.routes(new RouteTable(configuredRoutes.stream().map(ConfiguredRoute::route).toList()));
    }

    @Deactivate
    void deactivate() {
        engine.close();
    }

    @Override
    public void enqueue(QueuedMessage message) {
        engine.enqueue(message);
    }

    @Override
    public boolean deliverNow(long mid) {
        return engine.deliverNow(mid);
    }

    @Override
    public void remove(long mid) {
        engine.remove(mid);
    }

    @Override
    public List<RouteView> routes() {
        return engine.routes().routes().stream().map(r -> new RouteView(r.domain(), r.hostsText())).toList();
    }

    @Override
    public List<DestinationView> destinations() {
        return engine.destinations();
    }

    @Override
    public List<WaitingView> waiting() {
        return engine.waiting();
    }
}
