package org.gatehouse.hat.internal;

/**
 * The hourly counts of one remote host, shared by every listener: recipients accepted, invalid
 * recipients (directory harvest prevention) and, once it tripped, the DHAP cut-off. Each method
 * is a short synchronized step, so sessions of the same host never see a torn state.
 */
final class HostRecord {

    static final long HOUR = 3_600_000L;

    private final SlidingHour recipients;
    private final SlidingHour invalid;
    private long cutOffUntil;
    private long limitWarnedAt = Long.MIN_VALUE;
    private volatile long lastSeen;

    HostRecord(long now) {
        this(now, new SlidingHour(), new SlidingHour(), 0);
    }

    private HostRecord(long lastSeen, SlidingHour recipients, SlidingHour invalid, long cutOffUntil) {
        this.lastSeen = lastSeen;
        this.recipients = recipients;
        this.invalid = invalid;
        this.cutOffUntil = cutOffUntil;
    }

    /** One line for a restart: last seen, cut-off end, recipients and invalid recipients of the hour. */
    synchronized String save() {
        return lastSeen + " " + cutOffUntil + " " + recipients.save() + " " + invalid.save();
    }

    /** Reads what {@link #save()} wrote. @throws IllegalArgumentException for a line it did not write */
    static HostRecord restore(String saved) {
        String[] f = saved.trim().split(" ");
        if (f.length != 4) {
            throw new IllegalArgumentException("expected 4 fields, got " + f.length);
        }
        return new HostRecord(Long.parseLong(f[0]), SlidingHour.restore(f[2]), SlidingHour.restore(f[3]),
                Long.parseLong(f[1]));
    }

    synchronized boolean cutOff(long now) {
        lastSeen = Math.max(lastSeen, now);
        return now < cutOffUntil;
    }

    synchronized long cutOffUntil() {
        return cutOffUntil;
    }

    /**
     * Counts one invalid recipient; when the count reaches the limit, cuts the host off for an hour.
     *
     * @return true when this recipient tripped the cut-off
     */
    synchronized boolean invalidRecipient(long now, int limit) {
        lastSeen = Math.max(lastSeen, now);
        int n = invalid.add(now);
        if (limit > 0 && n >= limit && now >= cutOffUntil) {
            cutOffUntil = now + HOUR;
            return true;
        }
        return false;
    }

    synchronized int invalidRecipients(long now) {
        return invalid.count(now);
    }

    /** Counts one recipient when the hourly limit allows it (0 = none); false when over it. */
    synchronized boolean recipient(long now, int limit) {
        lastSeen = Math.max(lastSeen, now);
        if (limit > 0 && recipients.count(now) >= limit) {
            return false;
        }
        recipients.add(now);
        return true;
    }

    synchronized int recipients(long now) {
        return recipients.count(now);
    }

    /** True once per hour: the first refusal past the hourly limit is logged, not every RCPT. */
    synchronized boolean shouldWarnLimit(long now) {
        if (limitWarnedAt != Long.MIN_VALUE && now - limitWarnedAt < HOUR) {
            return false;
        }
        limitWarnedAt = now;
        return true;
    }

    /** Nothing to remember: no activity and no cut-off for an hour. */
    synchronized boolean idle(long now) {
        return now - lastSeen >= HOUR && now >= cutOffUntil;
    }

    long lastSeen() {
        return lastSeen;
    }
}
