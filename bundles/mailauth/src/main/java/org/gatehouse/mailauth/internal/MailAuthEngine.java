package org.gatehouse.mailauth.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPF, DKIM and DMARC against the configured DNS server. One instance per configuration: a
 * change of dns.server makes Declarative Services build a new one.
 */
@Component(service = MailAuth.class, configurationPid = "org.gatehouse.mailauth",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailAuthConfig.class)
public final class MailAuthEngine implements MailAuth {

    private static final Logger LOG = LoggerFactory.getLogger(MailAuthEngine.class);

    private final MailAuthSettings settings;
    private final Dns dns;
    private final PublicSuffixList suffixes;
    private final SpfChecker spf;
    private final DkimVerifier dkim;
    private final DmarcEvaluator dmarc;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Activate
    public MailAuthEngine(MailAuthConfig config) {
        this(MailAuthSettings.from(config), Clock.systemUTC(), () -> ThreadLocalRandom.current().nextInt(100));
        settings.problems().forEach(p -> LOG.error("org.gatehouse.mailauth: {}", p));
    }

    MailAuthEngine(MailAuthSettings settings, Clock clock, IntSupplier percentRoll) {
        this(settings, resolver(settings), clock, percentRoll);
    }

    MailAuthEngine(MailAuthSettings settings, Dns dns, Clock clock, IntSupplier percentRoll) {
        this.settings = dns.server().equals("system resolver") && !settings.dnsServer().isBlank()
                ? settings.withProblem("dns.server '" + settings.dnsServer() + "' is unusable; the system resolver answers")
                : settings;
        this.dns = dns;
        this.suffixes = PublicSuffixList.shipped();
        this.spf = new SpfChecker(dns, settings.authservId());
        this.dkim = new DkimVerifier(dns, clock);
        this.dmarc = new DmarcEvaluator(dns, suffixes, percentRoll);
    }

    /**
     * The configured server; an unusable one falls back to the system resolver (logged, shown by
     * the console) rather than stopping a stage the work queue waits for.
     */
    private static Dns resolver(MailAuthSettings settings) {
        try {
            return new DnsjavaDns(settings.dnsServer(), settings.dnsTimeout());
        } catch (IllegalArgumentException e) {
            LOG.error("org.gatehouse.mailauth: {}; the system resolver answers instead", e.getMessage());
            return new DnsjavaDns("", settings.dnsTimeout());
        }
    }

    @Override
    public SpfVerdict checkSpf(InetAddress ip, String mailFrom, String helo) {
        return spf.check(ip, mailFrom, helo);
    }

    @Override
    public List<DkimVerdict> verifyDkim(InputStream content) throws IOException {
        InputStream in = new BufferedInputStream(content, 64 * 1024);
        return dkim.verify(HeaderSection.read(in), in);
    }

    @Override
    public Authentication authenticate(Content content, InetAddress ip, String mailFrom, String helo, Switches switches)
            throws IOException {
        SpfVerdict spfVerdict = null;
        if (switches.spf() || switches.dmarc()) {
            spfVerdict = ip == null ? SpfVerdict.none("mailfrom", mailFrom, "client address unknown")
                    : spf.check(ip, mailFrom, helo);
            count("spf." + spfVerdict.result().label());
        }
        List<DkimVerdict> signatures = List.of();
        DmarcVerdict dmarcVerdict = null;
        if (switches.dkim() || switches.dmarc()) {
            try (InputStream in = new BufferedInputStream(content.open(), 64 * 1024)) {
                HeaderSection header = HeaderSection.read(in);
                signatures = dkim.verify(header, in);
                if (switches.dmarc()) {
                    dmarcVerdict = dmarc.evaluate(FromDomain.of(header.all("From")), spfVerdict, signatures);
                    count("dmarc." + dmarcVerdict.result().label());
                }
            }
            count("dkim." + DkimVerifier.overall(signatures).label());
        }
        count("messages");
        return new Authentication(switches, spfVerdict, signatures, dmarcVerdict);
    }

    @Override
    public String authenticationResults(Authentication authentication) {
        return AuthenticationResults.of(settings.authservId(), authentication);
    }

    @Override
    public MailAuthSettings settings() {
        return settings;
    }

    @Override
    public Status status() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((k, v) -> snapshot.put(k, v.sum()));
        return new Status(settings, dns.server(), suffixes.version(), suffixes.size(), snapshot);
    }

    private void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }
}
