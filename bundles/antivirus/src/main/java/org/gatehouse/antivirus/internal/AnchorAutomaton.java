package org.gatehouse.antivirus.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over the anchors of all body signatures: one pass over the data reports
 * every place where some anchor ends, whatever the number of signatures. The root has a full
 * transition table (most bytes leave it at once); deeper nodes keep their few children sorted.
 */
final class AnchorAutomaton {

    /** Receives (signature index, end position of its anchor); returns true to stop the pass. */
    interface Hits {
        boolean at(int signature, int anchorEnd);
    }

    private static final int[] NONE = new int[0];

    private int count = 1;
    private byte[][] childKeys = new byte[1024][];
    private int[][] childNodes = new int[1024][];
    private int[] fail;
    private int[][] output = new int[1024][];
    private final int[] rootNext = new int[256];
    /**
     * Complete transition tables (failures folded in) for the shallow nodes, where the scan spends
     * nearly all its time; deeper nodes keep sparse children and failure links.
     */
    private int[][] full;
    /** Depth-2 nodes get full tables while there are at most this many (1 KB each). */
    private static final int FULL_DEPTH2_LIMIT = 32_768;

    AnchorAutomaton(List<byte[]> anchors) {
        childKeys[0] = new byte[0];
        childNodes[0] = NONE;
        for (int i = 0; i < anchors.size(); i++) {
            byte[] a = anchors.get(i);
            if (a.length > 0) {
                int end = insert(a);
                output[end] = append(output[end], i);
            }
        }
        link();
    }

    private int insert(byte[] word) {
        int node = 0;
        for (byte b : word) {
            int next = child(node, b);
            if (next < 0) {
                next = newNode();
                addChild(node, b, next);
            }
            node = next;
        }
        return node;
    }

    private int newNode() {
        if (count == childKeys.length) {
            int size = count * 2;
            childKeys = Arrays.copyOf(childKeys, size);
            childNodes = Arrays.copyOf(childNodes, size);
            output = Arrays.copyOf(output, size);
        }
        childKeys[count] = new byte[0];
        childNodes[count] = NONE;
        return count++;
    }

    private void addChild(int node, byte b, int target) {
        byte[] keys = childKeys[node];
        int[] nodes = childNodes[node];
        int at = 0;
        while (at < keys.length && (keys[at] & 0xFF) < (b & 0xFF)) {
            at++;
        }
        byte[] k = new byte[keys.length + 1];
        int[] n = new int[nodes.length + 1];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(nodes, 0, n, 0, at);
        k[at] = b;
        n[at] = target;
        System.arraycopy(keys, at, k, at + 1, keys.length - at);
        System.arraycopy(nodes, at, n, at + 1, nodes.length - at);
        childKeys[node] = k;
        childNodes[node] = n;
    }

    private int child(int node, byte b) {
        byte[] keys = childKeys[node];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == b) {
                return childNodes[node][i];
            }
        }
        return -1;
    }

    /** Breadth-first: failure links, and each node's output extended with its failure chain's. */
    private void link() {
        fail = new int[count];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] depth = new int[count];
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int b = 0; b < 256; b++) {
            int c = child(0, (byte) b);
            rootNext[b] = Math.max(c, 0);
            if (c > 0) {
                fail[c] = 0;
                depth[c] = 1;
                queue.add(c);
            }
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            order.add(node);
            byte[] keys = childKeys[node];
            for (int i = 0; i < keys.length; i++) {
                int c = childNodes[node][i];
                int f = fail[node];
                int t;
                while ((t = f == 0 ? rootNext[keys[i] & 0xFF] : child(f, keys[i])) < 0) {
                    f = fail[f];
                }
                fail[c] = t == c ? 0 : t;
                if (output[fail[c]] != null) {
                    int[] merged = output[c] == null ? output[fail[c]] : concat(output[c], output[fail[c]]);
                    output[c] = merged;
                }
                depth[c] = depth[node] + 1;
                queue.add(c);
            }
        }
        fullTables(order, depth);
    }

    private void fullTables(java.util.List<Integer> order, int[] depth) {
        full = new int[count][];
        full[0] = rootNext;
        long depth2 = order.stream().filter(n -> depth[n] == 2).count();
        int maxDepth = depth2 <= FULL_DEPTH2_LIMIT ? 2 : 1;
        for (int node : order) {
            if (depth[node] > maxDepth) {
                break;
            }
            int[] table = full[fail[node]].clone();
            for (int i = 0; i < childKeys[node].length; i++) {
                table[childKeys[node][i] & 0xFF] = childNodes[node][i];
            }
            full[node] = table;
        }
    }

    /** Runs the data through the automaton, reporting each anchor end until {@code hits} says stop. */
    void scan(byte[] data, int length, Hits hits) {
        int node = 0;
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            while (true) {
                int[] table = full[node];
                if (table != null) {
                    node = table[b & 0xFF];
                    break;
                }
                int next = child(node, b);
                if (next >= 0) {
                    node = next;
                    break;
                }
                node = fail[node];
            }
            int[] out = output[node];
            if (out != null) {
                for (int s : out) {
                    if (hits.at(s, i + 1)) {
                        return;
                    }
                }
            }
        }
    }

    int nodes() {
        return count;
    }

    private static int[] append(int[] a, int v) {
        if (a == null) {
            return new int[] {v};
        }
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = v;
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
