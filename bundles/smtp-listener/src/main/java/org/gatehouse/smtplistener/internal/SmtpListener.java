package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.gatehouse.api.HostAccess;
import org.gatehouse.api.ListeningSockets;
import org.gatehouse.api.MailLog;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP listener per factory configuration {@code org.gatehouse.listener}. Its port is held
 * by {@link ListeningSockets}, so updating this bundle refuses no connection: the old version
 * hands the port over and finishes its open sessions, the new one claims the port. Spool, mail
 * log and HAT are dynamic references, so replacing any of them never closes a session; while
 * the spool is away, a message at DATA waits {@code spool.wait.seconds} for it.
 */
@Component(configurationPid = "org.gatehouse.listener", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ListenerControl.class, immediate = true)
@Designate(ocd = ListenerConfig.class, factory = true)
public class SmtpListener implements ListenerControl, MailServices {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpListener.class);
    /** Service property of HostAccess services naming the listener they serve (absent: all). */
    static final String LISTENER_PROPERTY = "gatehouse.listener";
    static final Duration DRAIN = Duration.ofSeconds(20);
    /** How long sessions of a version being replaced may go on before they are asked to end. */
    static final Duration HAND_OVER = Duration.ofSeconds(60);
    /** DS deactivation reasons (ComponentConstants) after which the listener is gone for good. */
    private static final int DISABLED = 1;
    private static final int CONFIGURATION_DELETED = 4;

    private final AtomicReference<Spool> spool = new AtomicReference<>();
    private final AtomicReference<MailLog> mailLog = new AtomicReference<>();
    private final AtomicReference<HostAccess> hostAccess = new AtomicReference<>();
    private final AtomicReference<SmtpUsers> smtpUsers = new AtomicReference<>();
    private final Object spoolChanged = new Object();
    private final ListenerSettings settings;
    private final SmtpServer server;
    /** Set once this version stops serving: its draining sessions keep the services they have. */
    private volatile boolean retired;

    @Activate
    public SmtpListener(@Reference(name = "connectionIds") ConnectionIds connectionIds,
                        @Reference(name = "sockets") ListeningSockets sockets, ListenerConfig config) {
        this(connectionIds, sockets, ListenerSettings.from(config, defaultKeystoreDirectory()));
    }

    /** For tests and for the activation above: settings already checked. */
    SmtpListener(ConnectionIds connectionIds, ListeningSockets sockets, ListenerSettings settings) {
        this.settings = settings;
        this.server = new SmtpServer(settings, this, connectionIds, tlsContext(settings), sockets);
    }

    /** Binds once the references are in place, so the first session already sees the spool. */
    @Activate
    void start() throws IOException {
        server.start();
    }

    /** A broken key store costs STARTTLS, not the listener: mail keeps flowing in clear text. */
    private static ListenerTls tlsContext(ListenerSettings settings) {
        try {
            return ListenerTls.load(settings);
        } catch (IOException | GeneralSecurityException e) {
            LOG.error("Listener {}: cannot use key store {}; STARTTLS is not offered", settings.name(),
                    settings.tlsKeystore(), e);
            return null;
        }
    }

    private static Path defaultKeystoreDirectory() {
        String etc = System.getProperty("karaf.etc");
        return Path.of(etc != null ? etc : System.getProperty("java.io.tmpdir"));
    }

    /**
     * Deleted or disabled: the port closes and open sessions are drained. Anything else (bundle
     * update, new configuration, a reference replaced): the port is handed to the next version
     * and the open sessions finish here in the background.
     */
    @Deactivate
    void deactivate(int reason) {
        retired = true;
        if (reason == CONFIGURATION_DELETED
                || reason == DISABLED) {
            server.stop(DRAIN);
        } else {
            server.handOver(HAND_OVER, DRAIN);
        }
    }

    /** Tests stop with a short drain. */
    void stop(Duration drain) {
        server.stop(drain);
    }

    int localPort() {
        return server.localPort();
    }

    // ---- ListenerControl ----------------------------------------------------------------------

    @Override
    public ListenerStatus status() {
        return server.status();
    }

    @Override
    public void suspend() {
        server.suspend();
    }

    @Override
    public void resume() throws IOException {
        server.start();
    }

    // ---- MailServices -------------------------------------------------------------------------

    @Override
    public Spool spool() {
        return spool.get();
    }

    @Override
    public Spool awaitSpool() {
        Spool present = spool.get();
        if (present != null) {
            return present; // every message but those in an update's gap: no lock, no clock
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.spoolWaitSeconds());
        synchronized (spoolChanged) {
            Spool s;
            long left;
            while ((s = spool.get()) == null && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(spoolChanged, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return s;
        }
    }

    @Override
    public MailLog mailLog() {
        return mailLog.get();
    }

    @Override
    public HostAccess hostAccess() {
        return hostAccess.get();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSpool(Spool s) {
        synchronized (spoolChanged) {
            spool.set(s);
            spoolChanged.notifyAll();
        }
    }

    void unbindSpool(Spool s) {
        if (!retired) {
            spool.compareAndSet(s, null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMailLog(MailLog log) {
        mailLog.set(log);
    }

    void unbindMailLog(MailLog log) {
        if (!retired) {
            mailLog.compareAndSet(log, null);
        }
    }

    @Override
    public SmtpUsers smtpUsers() {
        return smtpUsers.get();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSmtpUsers(SmtpUsers users) {
        smtpUsers.set(users);
    }

    void unbindSmtpUsers(SmtpUsers users) {
        if (!retired) {
            smtpUsers.compareAndSet(users, null);
        }
    }

    /** A HAT for this listener (property gatehouse.listener = our name) or for all (no property). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHostAccess(HostAccess access, Map<String, Object> properties) {
        if (serves(properties.get(LISTENER_PROPERTY))) {
            hostAccess.set(access);
            LOG.debug("Listener {} uses host access table {}", settings.name(), access);
        }
    }

    void unbindHostAccess(HostAccess access) {
        if (!retired) {
            hostAccess.compareAndSet(access, null);
        }
    }

    private boolean serves(Object listeners) {
        if (listeners == null) {
            return true;
        }
        if (listeners instanceof String[] names) {
            for (String n : names) {
                if (settings.name().equals(n)) {
                    return true;
                }
            }
            return false;
        }
        return settings.name().equals(String.valueOf(listeners));
    }
}
