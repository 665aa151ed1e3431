package org.gatehouse.hat.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.api.SenderReputation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link HostAccess} of all listeners. It compiles the HAT configurations it is given
 * into per-listener tables (swapped whole on every change, so open connections keep their
 * decision), decides on hosts with {@link HostDecider} and checks recipients with
 * {@link RecipientGate} against the shared {@link HostCounters}.
 */
@Component(configurationPid = HostAccessTable.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {HostAccess.class, HatInspector.class})
@Designate(ocd = HatConfig.class)
public final class HostAccessTable implements HostAccess, HatInspector {

    static final String PID = "org.gatehouse.hat";
    private static final Logger LOG = LoggerFactory.getLogger(HostAccessTable.class);

    private final HostDecider decider;
    private final RecipientGate gate;
    private final Map<HatConfigPart, Map<String, Object>> parts = new ConcurrentHashMap<>();
    private final Map<String, String> reportedProblems = new ConcurrentHashMap<>();
    private volatile Map<String, ListenerTable> tables = Map.of();
    private volatile SenderReputation reputation;
    private volatile MailLog mailLog;

    @Activate
    public HostAccessTable(HatConfig config, @Reference(name = "counters") HostCounters counters) {
        this(new HatDns(config.dns_server(), Duration.ofMillis(Math.max(1, config.dns_timeout_millis())),
                Duration.ofSeconds(Math.max(0, config.dns_cache_seconds())), Clock.systemUTC()), counters);
    }

    HostAccessTable(HostLookups dns, HostCounters counters) {
        this.decider = new HostDecider(dns, ip -> {
            SenderReputation r = reputation;
            return r == null ? null : r.score(ip);
        });
        this.gate = new RecipientGate(counters, () -> mailLog);
    }

    // ---- HostAccess ---------------------------------------------------------------------------

    @Override
    public HostDecision decide(String listener, String remoteIp) {
        return decideFor(listener, remoteIp, null).decision();
    }

    @Override
    public RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host, String address) {
        ListenerTable table = tables.get(listener);
        RecipientAccessTable rat = table == null ? null : table.rat();
        return gate.check(listener, publicListener, rat, host, address);
    }

    // ---- console ------------------------------------------------------------------------------

    @Override
    public HostTrace trace(String listener, String ip, String hostname) {
        HostTrace trace = decideFor(listener, ip, hostname);
        return new HostTrace(trace.listener(), trace.decision(), trace.effective(), trace.passed(), gate.status(ip));
    }

    /** The decision without the host's counters: those are for the console, not for every connection. */
    private HostTrace decideFor(String listener, String ip, String hostname) {
        ListenerTable table = tables.get(listener);
        if (table == null) {
            warnOnce(listener, "no HAT for listener " + listener);
        } else if (!table.usable()) {
            warnOnce(listener, table.problem());
        }
        return decider.decide(listener, table, ip, hostname);
    }

    @Override
    public Set<String> listeners() {
        return tables.keySet();
    }

    // ---- configuration parts ------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPart(HatConfigPart part, Map<String, Object> properties) {
        parts.put(part, Map.copyOf(properties));
        rebuild();
    }

    /** A part's configuration changed in place (its component has a modified method), so it is never missing meanwhile. */
    void updatedPart(HatConfigPart part, Map<String, Object> properties) {
        addPart(part, properties);
    }

    void removePart(HatConfigPart part) {
        parts.remove(part);
        rebuild();
    }

    private synchronized void rebuild() {
        List<Map<String, Object>> listeners = ofKind(HatConfigPart.Kind.LISTENER);
        Map<String, ListenerTable> compiled = HatCompiler.compile(listeners, ofKind(HatConfigPart.Kind.POLICY),
                ofKind(HatConfigPart.Kind.SENDER_GROUP));
        // Problems are logged when a host meets them, not here: while the parts bind one by one at
        // start-up, a group often arrives before its policy.
        compiled.values().stream().filter(ListenerTable::usable).forEach(t -> reportedProblems.remove(t.listener()));
        tables = Collections.unmodifiableMap(compiled);
    }

    private List<Map<String, Object>> ofKind(HatConfigPart.Kind kind) {
        return parts.entrySet().stream().filter(e -> e.getKey().kind() == kind).map(Map.Entry::getValue).toList();
    }

    private void warnOnce(String listener, String problem) {
        if (!problem.equals(reportedProblems.put(listener, problem))) {
            LOG.error("HAT of listener {} cannot be used, every host gets 421 until it is fixed: {}", listener, problem);
        }
    }

    // ---- optional services --------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setReputation(SenderReputation service) {
        this.reputation = service;
    }

    void unsetReputation(SenderReputation service) {
        if (this.reputation == service) {
            this.reputation = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMailLog(MailLog service) {
        this.mailLog = service;
    }

    void unsetMailLog(MailLog service) {
        if (this.mailLog == service) {
            this.mailLog = null;
        }
    }
}
