package org.gatehouse.antispam.internal;

/**
 * The Subject a message gets when its verdict asks for a prefix such as {@code [SPAM]}: the
 * prefix, a space, then the subject as the sender wrote it (encoded words stay as they are).
 */
final class SubjectPrefix {

    private SubjectPrefix() {
    }

    /**
     * @param subject the current Subject value, or null when the message has none
     * @return the subject to set, or null when there is nothing to change (no prefix
     *         configured, or the subject already starts with it: a message scanned twice is tagged once)
     */
    static String apply(String subject, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        if (subject == null || subject.isBlank()) {
            return prefix;
        }
        return subject.startsWith(prefix) ? null : prefix + " " + subject;
    }
}
