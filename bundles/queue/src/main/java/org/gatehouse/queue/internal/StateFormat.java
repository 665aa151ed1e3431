package org.gatehouse.queue.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Recipient;

/**
 * Writes and reads the small state file of a message (delivery progress, headers added by
 * stages, annotations). The last line is {@code end}: a file without it was torn by a crash
 * and is not trusted.
 *
 * <pre>
 * GATEHOUSE-STATE 1
 * phase delivery
 * header X-Gatehouse-Spam negative
 * annotation antispam.score 3
 * rcpt 0 pending 2 1790000000000 451%204.4.1%20timeout
 * end
 * </pre>
 */
final class StateFormat {

    static final String MAGIC = "GATEHOUSE-STATE";
    static final int VERSION = 1;

    private StateFormat() {
    }

    static byte[] encode(MessageState state) {
        StringBuilder out = new StringBuilder(256);
        out.append(MAGIC).append(' ').append(VERSION).append('\n');
        SpoolText.field(out, "phase", state.phase().name());
        SpoolText.field(out, "hold-reason", state.holdReason());
        for (AddedHeader h : state.headers()) {
            out.append(h.replaces() ? "header-set " : "header ").append(SpoolText.escape(h.name())).append(' ')
                    .append(SpoolText.escape(h.value())).append('\n');
        }
        for (Map.Entry<String, String> a : state.annotations().entrySet()) {
            out.append("annotation ").append(SpoolText.escape(a.getKey())).append(' ')
                    .append(SpoolText.escape(a.getValue())).append('\n');
        }
        for (RecipientProgress r : state.recipients()) {
            out.append("rcpt ").append(r.recipient().rid()).append(' ').append(r.outcome().name()).append(' ')
                    .append(r.attempts()).append(' ')
                    .append(r.nextAttempt() == null ? "-" : Long.toString(r.nextAttempt().toEpochMilli())).append(' ')
                    .append(r.lastReply() == null ? "" : SpoolText.escape(r.lastReply())).append('\n');
        }
        out.append("end\n");
        return SpoolText.utf8(out);
    }

    /** Reads a state file against the message's envelope recipients. */
    static MessageState decode(byte[] data, List<Recipient> envelope) throws IOException {
        String[] lines = SpoolText.lines(data, 0, data.length);
        if (lines.length < 2 || !lines[0].startsWith(MAGIC + ' ') || !lines[lines.length - 1].equals("end")) {
            throw new IOException("state file is torn or not a Gatehouse state file");
        }
        if (EnvelopeFormat.parseInt(lines[0].substring(MAGIC.length() + 1)) > VERSION) {
            throw new IOException("state file version is newer than " + VERSION);
        }
        Map<Integer, RecipientProgress> byRid = new LinkedHashMap<>();
        for (Recipient r : envelope) {
            byRid.put(r.rid(), RecipientProgress.fresh(r));
        }
        Phase phase = Phase.DELIVERY;
        String holdReason = null;
        List<AddedHeader> headers = new ArrayList<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] p = lines[i].split(" ", -1);
            if (p.length < 2 || (p[0].startsWith("header") || p[0].equals("annotation")) && p.length < 3) {
                throw new IOException("bad line in state file: " + p[0]);
            }
            switch (p[0]) {
                case "phase" -> phase = parsePhase(p);
                case "hold-reason" -> holdReason = SpoolText.unescape(p[1]);
                case "header" -> headers.add(new AddedHeader(SpoolText.unescape(p[1]), SpoolText.unescape(p[2])));
                case "header-set" -> headers.add(new AddedHeader(SpoolText.unescape(p[1]), SpoolText.unescape(p[2]), true));
                case "annotation" -> annotations.put(SpoolText.unescape(p[1]), SpoolText.unescape(p[2]));
                case "rcpt" -> {
                    if (p.length != 6) {
                        throw new IOException("bad recipient line in state file");
                    }
                    RecipientProgress known = byRid.get(EnvelopeFormat.parseInt(p[1]));
                    if (known == null) {
                        throw new IOException("state file names an unknown RID " + p[1]);
                    }
                    RecipientOutcome outcome;
                    try {
                        outcome = RecipientOutcome.valueOf(p[2]);
                    } catch (IllegalArgumentException e) {
                        throw new IOException("bad recipient outcome " + p[2], e);
                    }
                    Instant next = p[4].equals("-") ? null : Instant.ofEpochMilli(EnvelopeFormat.parseLong(p[4]));
                    String reply = p[5].isEmpty() ? null : SpoolText.unescape(p[5]);
                    byRid.put(known.recipient().rid(), new RecipientProgress(known.recipient(), outcome,
                            EnvelopeFormat.parseInt(p[3]), reply, next));
                }
                default -> {
                    // a field from a newer minor format: ignored, as the format promises
                }
            }
        }
        return new MessageState(phase, holdReason, List.copyOf(byRid.values()), headers, annotations);
    }

    private static Phase parsePhase(String[] p) throws IOException {
        try {
            return Phase.valueOf(p[1]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("bad phase in state file", e);
        }
    }
}
