package org.gatehouse.itests.support;

import java.util.List;

/** A message as the sink received it: envelope and content (dot-unstuffed, CRLF line ends). */
public record ReceivedMail(String mailFrom, List<String> recipients, String content) {

    public boolean contains(String text) {
        return content.contains(text);
    }
}
