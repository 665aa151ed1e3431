package org.gatehouse.reputation.internal;

import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line SBRS lookup without OSGi, for bench/ and admins:
 * <pre>
 * java -cp gatehouse-reputation.jar:dnsjava.jar:slf4j-api.jar:gatehouse-api.jar \
 *   org.gatehouse.reputation.internal.SbrsTool [--server host:port] [--timeout ms] \
 *   --zone 'sbrs.example.net 127.0.0.2=-8.5 127.0.0.10=+3' [--zone ...] IP...
 * </pre>
 * Prints one line per zone and the score for each address (DNS only: there is no history here).
 * Exit status 2 on bad arguments.
 */
public final class SbrsTool {

    private SbrsTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String server = "";
        int timeout = 1000;
        List<String> zones = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--server" -> server = args[++i];
                    case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                    case "--zone" -> zones.add(args[++i]);
                    default -> hosts.add(args[i]);
                }
            }
            if (zones.isEmpty() || hosts.isEmpty()) {
                throw new IllegalArgumentException("give at least one --zone and one IP address");
            }
            ReputationZone.parseAll(zones.toArray(String[]::new));
            ReputationEngine engine = new ReputationEngine(settings(zones.toArray(String[]::new), server, timeout),
                    Clock.systemUTC(), null);
            for (String host : hosts) {
                Reputation.Explanation why = engine.explain(host);
                for (ZoneAnswer zone : why.zones()) {
                    out.println(why.address() + " " + zone.zone() + ": " + zone.describe());
                }
                out.println(why.address() + " SBRS " + Scores.format(why.score()));
            }
            return 0;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println("sbrs: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
            err.println("usage: SbrsTool [--server host:port] [--timeout ms] --zone 'zone answer=score ...' IP...");
            return 2;
        }
    }

    /** The defaults of {@link ReputationConfig} with the given zones. */
    static ReputationConfig settings(String[] zones, String server, int timeout) {
        return new ReputationConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ReputationConfig.class; }
            @Override public boolean enabled() { return true; }
            @Override public String dns_server() { return server; }
            @Override public int dns_timeout_millis() { return timeout; }
            @Override public String[] zones() { return zones; }
            @Override public int cache_ttl_seconds() { return 900; }
            @Override public int cache_failure_ttl_seconds() { return 30; }
            @Override public int cache_max_hosts() { return 50000; }
            @Override public int history_half_life_hours() { return 24; }
            @Override public int history_min_messages() { return 5; }
            @Override public double history_max_points() { return 5.0; }
            @Override public String history_file() { return "none"; }
            @Override public int history_max_hosts() { return 50000; }
        };
    }
}
