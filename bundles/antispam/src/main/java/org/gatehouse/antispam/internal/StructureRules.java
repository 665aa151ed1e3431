package org.gatehouse.antispam.internal;

import java.util.List;
import java.util.Set;

/** Rules on the MIME and HTML structure. */
final class StructureRules {

    private static final Set<String> EXECUTABLE = Set.of("exe", "scr", "pif", "bat", "com", "vbs", "cmd", "js", "lnk", "cpl");
    private static final Set<String> FAR_EAST = Set.of("gb2312", "big5", "ks_c_5601-1987", "euc-kr", "gbk", "iso-2022-jp", "euc-jp", "shift_jis");

    private StructureRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("HTML_ONLY", 8, "HTML without a plain text alternative",
                        ParsedMail::isHtmlOnly),
                new Rule("HTML_IMAGES_LITTLE_TEXT", 12, "images with little text",
                        m -> m.imageTags > 0 && m.allText().strip().length() < 400),
                new Rule("HTML_HIDDEN_TEXT", 10, "hidden or tiny text in HTML",
                        m -> m.markup.contains("style:hidden") || m.markup.contains("style:tinyfont")),
                new Rule("BASE64_TEXT", 12, "text parts in base64",
                        m -> m.parts.stream().anyMatch(p -> p.mimeType().startsWith("text/") && !p.isAttachment()
                                && p.transferEncoding().equals("base64"))),
                new Rule("CHARSET_UNKNOWN", 8, "a charset nobody knows", m -> m.unknownCharsets > 0),
                new Rule("CHARSET_FAR_EAST", 10, "an East Asian charset",
                        m -> m.parts.stream().anyMatch(p -> FAR_EAST.contains(p.charset()))),
                new Rule("ATTACHMENT_EXECUTABLE", 25, "an executable attachment",
                        m -> m.parts.stream().anyMatch(p -> EXECUTABLE.contains(p.extension()))),
                new Rule("MIME_BROKEN", 5, "MIME structure the parser could not follow",
                        m -> m.markup.contains("mime:broken")));
    }
}
