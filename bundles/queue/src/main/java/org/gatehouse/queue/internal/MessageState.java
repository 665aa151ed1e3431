package org.gatehouse.queue.internal;

import java.util.List;
import java.util.Map;

/** What the per-message state file holds: everything about a message that changes after commit. */
record MessageState(Phase phase, String holdReason, List<RecipientProgress> recipients,
                    List<AddedHeader> headers, Map<String, String> annotations) {
}
