package org.gatehouse.antivirus.internal;

import java.time.Duration;

/**
 * How far one scan may go before the message is {@code unscannable} rather than the gateway
 * overwhelmed: nesting depth, bytes unpacked in all, compression ratio of a member (zip bombs;
 * only past {@link #RATIO_FLOOR} bytes, as small text compresses well), objects looked at, time.
 */
public record ScanLimits(int maxDepth, long maxExpandedBytes, int maxRatio, int maxFiles, Duration maxTime,
        long maxUnpackMemoryKb) {

    /** Members smaller than this are never called bombs, however well they compressed. */
    public static final long RATIO_FLOOR = 1024 * 1024;

    public static ScanLimits defaults() {
        return new ScanLimits(16, 200L * 1024 * 1024, 250, 5000, Duration.ofSeconds(60), 256 * 1024);
    }

    /** {@link #maxUnpackMemoryKb} as the int the Commons Compress decoders take. */
    int unpackMemoryLimitKb() {
        return (int) Math.min(Integer.MAX_VALUE, maxUnpackMemoryKb);
    }
}
