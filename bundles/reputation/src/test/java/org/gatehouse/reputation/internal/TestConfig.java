package org.gatehouse.reputation.internal;

import java.lang.annotation.Annotation;

/** A {@link ReputationConfig} with the shipped defaults, each field changeable by a test. */
final class TestConfig implements ReputationConfig {
    boolean enabled = true;
    String dnsServer = "";
    int dnsTimeoutMillis = 1000;
    String[] zones = {};
    int cacheTtlSeconds = 900;
    int cacheFailureTtlSeconds = 30;
    int cacheMaxHosts = 50000;
    int halfLifeHours = 24;
    int minMessages = 5;
    double maxPoints = 5.0;
    int maxHosts = 50000;
    String historyFile = "none";

    TestConfig zones(String... z) {
        this.zones = z;
        return this;
    }

    @Override public Class<? extends Annotation> annotationType() { return ReputationConfig.class; }
    @Override public boolean enabled() { return enabled; }
    @Override public String dns_server() { return dnsServer; }
    @Override public int dns_timeout_millis() { return dnsTimeoutMillis; }
    @Override public String[] zones() { return zones; }
    @Override public int cache_ttl_seconds() { return cacheTtlSeconds; }
    @Override public int cache_failure_ttl_seconds() { return cacheFailureTtlSeconds; }
    @Override public int cache_max_hosts() { return cacheMaxHosts; }
    @Override public int history_half_life_hours() { return halfLifeHours; }
    @Override public int history_min_messages() { return minMessages; }
    @Override public double history_max_points() { return maxPoints; }
    @Override public int history_max_hosts() { return maxHosts; }
    @Override public String history_file() { return historyFile; }
}
