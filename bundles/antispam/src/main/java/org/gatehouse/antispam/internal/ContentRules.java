package org.gatehouse.antispam.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Rules on the text: sales talk, shouting and money. */
final class ContentRules {

    private static final Pattern MONEY = Pattern.compile("\\$\\s?\\d[\\d,.]*");

    private ContentRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("SALES_TALK", 3, "three or more advertising phrases",
                        m -> m.salesPhrases() >= 3),
                new Rule("SALES_TALK_HEAVY", 5, "eight or more advertising phrases",
                        m -> m.salesPhrases() >= 8),
                new Rule("MONEY_AMOUNTS", 2, "three or more dollar amounts",
                        m -> Phrases.count(MONEY, m.allText()) >= 3),
                new Rule("SHOUTING", 15, "a large share of words in capitals", ContentRules::shouting),
                new Rule("EXCLAMATIONS", 6, "runs of exclamation marks", m -> m.allText().contains("!!!")));
    }

    /** Words of four or more letters (between whitespace), and whether a quarter of them are capitals. */
    private static boolean shouting(ParsedMail m) {
        String text = m.allText();
        int n = text.length();
        int words = 0;
        int capitals = 0;
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            boolean letters = true;
            boolean upper = true;
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                char c = text.charAt(i);
                letters &= Character.isLetter(c);
                upper &= Character.isUpperCase(c);
                i++;
            }
            if (i - start >= 4 && letters) {
                words++;
                if (upper) {
                    capitals++;
                }
            }
        }
        return words >= 20 && capitals * 4 >= words;
    }

    /** What {@code \s} matches: the text was split on it before, the counts must not change. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == (char) 0x0B || c == '\f' || c == '\r';
    }
}
