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
                new Rule("SALES_TALK", 6, "three or more advertising phrases",
                        m -> m.salesPhrases() >= 3),
                new Rule("SALES_TALK_HEAVY", 8, "eight or more advertising phrases",
                        m -> m.salesPhrases() >= 8),
                new Rule("MONEY_AMOUNTS", 4, "three or more dollar amounts",
                        m -> Phrases.count(MONEY, m.allText()) >= 3),
                new Rule("SHOUTING", 6, "a large share of words in capitals", ContentRules::shouting),
                new Rule("EXCLAMATIONS", 4, "runs of exclamation marks", m -> m.allText().contains("!!!")));
    }

    private static boolean shouting(ParsedMail m) {
        String text = m.allText();
        int words = 0;
        int capitals = 0;
        for (String w : text.split("\\s+")) {
            if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                words++;
                if (w.chars().allMatch(Character::isUpperCase)) {
                    capitals++;
                }
            }
        }
        return words >= 20 && capitals * 4 >= words;
    }
}
