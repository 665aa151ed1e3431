package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SubjectPrefixTest {

    @Test
    void prefixesOnce() {
        assertEquals("[SPAM] cheap pills", SubjectPrefix.apply("cheap pills", "[SPAM]"));
        assertNull(SubjectPrefix.apply("[SPAM] cheap pills", "[SPAM]"), "already tagged");
        assertEquals("[SPAM] =?utf-8?q?caf=C3=A9?=", SubjectPrefix.apply("=?utf-8?q?caf=C3=A9?=", "[SPAM]"));
    }

    @Test
    void aMissingSubjectBecomesThePrefixAndNoPrefixChangesNothing() {
        assertEquals("[SUSPECTED SPAM]", SubjectPrefix.apply(null, "[SUSPECTED SPAM]"));
        assertNull(SubjectPrefix.apply("x", ""));
        assertNull(SubjectPrefix.apply("x", null));
    }
}
