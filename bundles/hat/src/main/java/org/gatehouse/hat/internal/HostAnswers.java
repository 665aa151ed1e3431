package org.gatehouse.hat.internal;

/**
 * The DNS answers one decision may need about one connecting host. Asked all at once when the
 * decision starts; each answer is waited for only when a sender group gets to it.
 */
interface HostAnswers extends AutoCloseable {

    /** The PTR name and whether it is forward-confirmed; {@link ReverseDnsName#NONE} when unknown. */
    ReverseDnsName reverseName();

    /** True when the host is listed in the DNS list zone (one of those asked). */
    boolean listed(String zone);

    /** Frees what the questions held (a socket); answers not yet waited for are dropped. */
    @Override
    void close();
}
