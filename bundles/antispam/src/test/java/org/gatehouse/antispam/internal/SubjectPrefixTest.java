package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubjectPrefixTest {

    @Test
    void prefixesTheSubjectOnce() {
        String header = "From: a@example.org\r\nSubject: Hello\r\nTo: b@example.com\r\n";
        String once = SubjectPrefix.apply(header, "[SPAM]");
        assertEquals("From: a@example.org\r\nSubject: [SPAM] Hello\r\nTo: b@example.com\r\n", once);
        assertEquals(once, SubjectPrefix.apply(once, "[SPAM]"));
        assertEquals("subject:[SPAM] x\n", SubjectPrefix.apply("subject:x\n", "[SPAM]"));
    }

    @Test
    void addsASubjectWhenThereIsNone() {
        assertEquals("From: a@example.org\nSubject: [SUSPECTED SPAM]\n", SubjectPrefix.apply("From: a@example.org\n", "[SUSPECTED SPAM]"));
        assertEquals("X: y\n", SubjectPrefix.apply("X: y\n", ""));
    }
}
