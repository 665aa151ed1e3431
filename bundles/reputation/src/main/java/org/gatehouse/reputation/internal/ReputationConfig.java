package org.gatehouse.reputation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.gatehouse.reputation}: DNS reputation zones, cache and local history. */
@ObjectClassDefinition(name = "Gatehouse sender reputation (SBRS)",
        description = "Scores connecting hosts -10..+10 from DNS reputation zones and what this gateway saw from them.")
public @interface ReputationConfig {

    @AttributeDefinition(description = "Score senders and learn from the pipeline (false: every host scores none, "
            + "the history stage is neither run nor waited for)")
    boolean enabled() default true;

    @AttributeDefinition(name = "dns.server", description = "DNS server for zone queries, host or host:port ([v6]:port); empty: the system resolver")
    String dns_server() default "";

    @AttributeDefinition(name = "dns.timeout.millis", description = "Longest wait for all zones to answer one lookup, milliseconds")
    int dns_timeout_millis() default 1000;

    @AttributeDefinition(description = "Reputation zones, each 'zone answer=score ...', e.g. "
            + "'sbrs.example.net 127.0.0.2=-8.5 127.0.0.3=-4 127.0.0.10=+3' ('*=score' for any other answer); "
            + "several zones in one value may be separated by commas")
    String[] zones() default {};

    @AttributeDefinition(name = "cache.ttl.seconds", description = "How long a zone answer (listed or not listed) is kept, seconds")
    int cache_ttl_seconds() default 900;

    @AttributeDefinition(name = "cache.failure.ttl.seconds", description = "How long a failed lookup (timeout, SERVFAIL) is kept before DNS is asked again, seconds")
    int cache_failure_ttl_seconds() default 30;

    @AttributeDefinition(name = "cache.max.hosts", description = "Most hosts whose zone answers are cached (least recently looked up go first)")
    int cache_max_hosts() default 50000;

    @AttributeDefinition(name = "history.half.life.hours", description = "Local history decays: a message counts half after this many hours")
    int history_half_life_hours() default 24;

    @AttributeDefinition(name = "history.min.messages", description = "Messages (decayed) a host needs before its history moves its score")
    int history_min_messages() default 5;

    @AttributeDefinition(name = "history.max.points", description = "Most points history can add to or take from a score (0: history off)")
    double history_max_points() default 5.0;

    @AttributeDefinition(name = "history.file", description = "Where the local history is saved (every 5 minutes and on stop) "
            + "and read back on start; empty: ${karaf.data}/reputation/history.txt; none: kept in memory only")
    String history_file() default "";

    @AttributeDefinition(name = "history.max.hosts", description = "Most hosts remembered in the local history (least recently seen go first)")
    int history_max_hosts() default 50000;
}
