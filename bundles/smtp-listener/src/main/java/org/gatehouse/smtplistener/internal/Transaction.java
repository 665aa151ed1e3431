package org.gatehouse.smtplistener.internal;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.Recipient;

/** One mail transaction: from MAIL to the end of DATA (or the last BDAT chunk). */
final class Transaction {

    long mid;
    final String from;
    final boolean smtpUtf8;
    final String body;
    /** Content limit in octets (the client's content, not our Received header). */
    final long sizeLimit;
    final List<Recipient> recipients = new ArrayList<>();
    IncomingMessage message;
    /** Octets of content received from the client. */
    long octets;
    /** BDAT was used: DATA is no longer allowed in this transaction (RFC 3030). */
    boolean chunked;
    /** The reply to give at the end of the content instead of accepting it. */
    String refusal;

    Transaction(long mid, String from, boolean smtpUtf8, String body, long sizeLimit) {
        this.mid = mid;
        this.from = from;
        this.smtpUtf8 = smtpUtf8;
        this.body = body;
        this.sizeLimit = sizeLimit;
    }

    int addRecipient(String address) {
        int rid = recipients.size();
        recipients.add(new Recipient(rid, address));
        return rid;
    }

    Envelope envelope() {
        return new Envelope(from, recipients, smtpUtf8, body);
    }

    /** Refuses the content: what was written is discarded now, the reply is given at its end. */
    void refuse(String reply) {
        if (refusal == null) {
            refusal = reply;
        }
        abort();
    }

    /** Discards the message being written, if any. */
    void abort() {
        if (message != null) {
            message.abort();
        }
    }
}
