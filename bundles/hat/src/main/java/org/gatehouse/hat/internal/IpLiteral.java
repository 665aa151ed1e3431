package org.gatehouse.hat.internal;

/** Console check of an address argument. */
public final class IpLiteral {

    private IpLiteral() {
    }

    public static boolean invalid(String text) {
        return IpAddresses.parse(text) == null;
    }
}
