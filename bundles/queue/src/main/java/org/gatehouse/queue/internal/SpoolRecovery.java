package org.gatehouse.queue.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the spool back at activation, after a clean stop or a {@code kill -9}:
 * {@code incoming/} is garbage (never acknowledged) and is emptied; every message in
 * {@code active/} and {@code hold/} comes back with its state; temporary and orphan state
 * files go; files that cannot be read are set aside in {@code corrupt/}, never deleted.
 */
final class SpoolRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecovery.class);

    record Result(List<SpooledMessage> messages, long highestMid, int discardedIncoming, int setAside) {
    }

    private final SpoolDirectory spool;
    private final Clock clock;
    private final SpooledMessage.Owner owner;
    private long highestMid;
    private int setAside;

    SpoolRecovery(SpoolDirectory spool, Clock clock, SpooledMessage.Owner owner) {
        this.spool = spool;
        this.clock = clock;
        this.owner = owner;
    }

    Result recover() throws IOException {
        int discarded = 0;
        for (Path f : list(spool.incoming())) {
            highestMid = Math.max(highestMid, SpoolDirectory.midOf(f));
            Files.delete(f);
            discarded++;
        }
        spool.syncDirectory(spool.incoming());
        List<SpooledMessage> messages = new ArrayList<>();
        messages.addAll(recoverDirectory(spool.active()));
        messages.addAll(recoverDirectory(spool.hold()));
        for (Path f : list(spool.root().resolve("corrupt"))) {
            highestMid = Math.max(highestMid, SpoolDirectory.midOf(f));
        }
        messages.sort(Comparator.comparingLong(SpooledMessage::mid));
        return new Result(messages, highestMid, discarded, setAside);
    }

    private List<SpooledMessage> recoverDirectory(Path dir) throws IOException {
        Map<Long, Path> messageFiles = new TreeMap<>();
        Map<Long, Path> stateFiles = new LinkedHashMap<>();
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            long mid = SpoolDirectory.midOf(f);
            highestMid = Math.max(highestMid, mid);
            if (name.endsWith(SpoolDirectory.TMP)) {
                Files.delete(f); // a state rewrite that never got renamed: the old state stands
            } else if (mid > 0 && name.endsWith(SpoolDirectory.MESSAGE)) {
                messageFiles.put(mid, f);
            } else if (mid > 0 && name.endsWith(SpoolDirectory.STATE)) {
                stateFiles.put(mid, f);
            } else {
                LOG.warn("Unknown file {} in the spool; left alone", f);
            }
        }
        List<SpooledMessage> out = new ArrayList<>();
        for (Map.Entry<Long, Path> e : messageFiles.entrySet()) {
            SpooledMessage m = recoverMessage(dir, e.getKey(), e.getValue(), stateFiles.remove(e.getKey()));
            if (m != null) {
                out.add(m);
            }
        }
        for (Path orphan : stateFiles.values()) {
            Files.delete(orphan); // its message was delivered or moved; the state is stale
        }
        return out;
    }

    private SpooledMessage recoverMessage(Path dir, long mid, Path file, Path stateFile) throws IOException {
        MessageHeader header;
        try {
            header = EnvelopeFormat.read(file);
            if (header.mid() != mid) {
                throw new IOException("file name says MID " + mid + " but the envelope says " + header.mid());
            }
        } catch (IOException e) {
            Path aside = spool.setAside(file);
            if (stateFile != null) {
                spool.setAside(stateFile);
            }
            setAside++;
            LOG.error("Spool file {} cannot be read ({}); moved to {} for inspection", file, e.getMessage(), aside);
            return null;
        }
        MessageState state = null;
        if (stateFile != null) {
            try {
                state = StateFormat.decode(Files.readAllBytes(stateFile), header.envelope().recipients());
            } catch (IOException e) {
                // Only an unforced pipeline state can be torn: running the stages again is safe.
                LOG.warn("State of MID {} is unreadable ({}); the message runs through the stages again", mid,
                        e.getMessage());
                Files.delete(stateFile);
            }
        }
        if (state == null && dir.equals(spool.hold())) {
            state = new MessageState(Phase.HELD, "held (state lost in a crash)",
                    RecipientProgress.allFresh(header.envelope().recipients()), List.of(), Map.of());
        }
        return new SpooledMessage(header, spool, dir, Files.size(file), state, clock, owner);
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            files.forEach(out::add);
        }
        return out;
    }
}
