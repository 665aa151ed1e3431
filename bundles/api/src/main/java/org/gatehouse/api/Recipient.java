package org.gatehouse.api;

/**
 * One envelope recipient. The RID is its index in the envelope, as in the mail log
 * ({@code MID 6 ICID 5 RID 0 To: <b@example.com>}).
 */
public record Recipient(int rid, String address) {
    /** The part after the last {@code @}, lower case; empty for a bare local part. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
