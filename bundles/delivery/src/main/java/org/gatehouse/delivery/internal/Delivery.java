package org.gatehouse.delivery.internal;

import java.util.List;

import org.gatehouse.api.Recipient;

/** One message's recipients at one destination domain: what one SMTP transaction carries. */
record Delivery(PendingMessage pending, String domain, List<Recipient> recipients) {

    Delivery {
        recipients = List.copyOf(recipients);
    }

    List<Integer> rids() {
        return recipients.stream().map(Recipient::rid).toList();
    }
}
