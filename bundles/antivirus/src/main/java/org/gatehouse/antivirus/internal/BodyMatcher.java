package org.gatehouse.antivirus.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the first body signature that occurs in an object, in one pass whatever their number:
 * each signature's anchor (its longest run of plain bytes) is searched for all at once, by the
 * four-byte prefix index for anchors of four bytes or more and an Aho-Corasick automaton for the
 * shorter ones; the full pattern and offset then verify each place found. Signatures with no
 * plain byte to anchor on (rare) are tried at every position.
 */
final class BodyMatcher {

    /** Anchors longer than this only grow the automaton; the pattern verifies the rest. */
    static final int MAX_ANCHOR = 16;

    private final List<BodySignature> anchored = new ArrayList<>();
    private final List<BodySignature> unanchored = new ArrayList<>();
    private final AnchorAutomaton shortAnchors;
    private final PrefixIndex longAnchors;

    BodyMatcher(List<BodySignature> signatures) {
        List<byte[]> anchors = new ArrayList<>();
        for (BodySignature s : signatures) {
            if (s.pattern().anchorLength() == 0) {
                unanchored.add(s);
            } else {
                anchored.add(s);
                anchors.add(s.pattern().anchor(MAX_ANCHOR));
            }
        }
        List<byte[]> shorter = new ArrayList<>();
        List<byte[]> longer = new ArrayList<>();
        for (byte[] a : anchors) {
            boolean isLong = a.length >= PrefixIndex.WIDTH;
            shorter.add(isLong ? new byte[0] : a);
            longer.add(isLong ? a : null);
        }
        shortAnchors = new AnchorAutomaton(shorter);
        longAnchors = new PrefixIndex(longer);
    }

    int size() {
        return anchored.size() + unanchored.size();
    }

    private static boolean verify(BodySignature s, byte[] data, int length, int at, int checked, String[] found) {
        if (s.pattern().matchesAround(data, length, at, checked, start -> s.offset().allows(start, length))) {
            found[0] = s.name();
            return true;
        }
        return false;
    }

    /** The name of the first signature found in {@code data[0..length)}, or null. */
    String firstMatch(byte[] data, int length) {
        String[] found = new String[1];
        // The index reports candidates found by any gram of the anchor: verify it all.
        longAnchors.scan(data, length, (index, anchorStart) -> verify(anchored.get(index), data, length, anchorStart, 0, found));
        if (found[0] == null && shortAnchors.nodes() > 1) {
            shortAnchors.scan(data, length, (index, anchorEnd) -> {
                int checked = anchored.get(index).pattern().anchorLength();
                return verify(anchored.get(index), data, length, anchorEnd - checked, checked, found);
            });
        }
        if (found[0] != null) {
            return found[0];
        }
        for (BodySignature s : unanchored) {
            for (int start = 0; start < length; start++) {
                if (s.offset().allows(start, length) && s.pattern().matchesFrom(data, length, start)) {
                    return s.name();
                }
            }
        }
        return null;
    }
}
