package org.gatehouse.hat.internal;

/**
 * A client's PTR name and whether it is forward-confirmed (the name resolves back to the client).
 *
 * @param name     the PTR name in lower case without the final dot, or null when there is none
 * @param verified the name's A/AAAA records include the client's address
 */
record ReverseDnsName(String name, boolean verified) {

    static final ReverseDnsName NONE = new ReverseDnsName(null, false);
}
