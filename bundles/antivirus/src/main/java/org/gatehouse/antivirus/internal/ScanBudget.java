package org.gatehouse.antivirus.internal;

/** What one scan has used of its {@link ScanLimits}; each scan has its own, on one thread. */
final class ScanBudget {

    private final ScanLimits limits;
    private final long deadline;
    private long expanded;
    private int files;

    ScanBudget(ScanLimits limits, long nowNanos) {
        this.limits = limits;
        this.deadline = nowNanos + limits.maxTime().toNanos();
    }

    /** Called for each object before it is looked at. */
    void enter(int depth) {
        if (depth > limits.maxDepth()) {
            throw new UnscannableException("nested deeper than " + limits.maxDepth() + " levels");
        }
        if (++files > limits.maxFiles()) {
            throw new UnscannableException("more than " + limits.maxFiles() + " files");
        }
        checkTime();
    }

    void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new UnscannableException("scan took longer than " + limits.maxTime().toSeconds() + "s");
        }
    }

    /** Counts unpacked bytes; past the limit the scan ends. */
    void charge(long bytes) {
        expanded += bytes;
        if (expanded > limits.maxExpandedBytes()) {
            throw new UnscannableException("more than " + limits.maxExpandedBytes() / (1024 * 1024) + " MB unpacked");
        }
    }

    /** Ends the scan when a member expands past the ratio (and the floor): a compression bomb. */
    void checkRatio(long expandedBytes, long compressedBytes) {
        if (compressedBytes > 0 && expandedBytes > ScanLimits.RATIO_FLOOR
                && expandedBytes / compressedBytes > limits.maxRatio()) {
            throw new UnscannableException("compression ratio over " + limits.maxRatio() + ":1 (compression bomb)");
        }
    }
}
