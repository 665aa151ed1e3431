package org.gatehouse.antispam.internal;

import java.util.function.Predicate;

/**
 * One scored test, SpamAssassin style: a name admins see in {@code X-Gatehouse-Spam-Rules},
 * points added to the 0-100 score when it hits (negative for signs of ham), and the test.
 *
 * @param name        upper-case rule name
 * @param points      points on the 0-100 scale
 * @param description what it looks for, in words
 * @param test        true when the message shows it
 */
record Rule(String name, int points, String description, Predicate<ParsedMail> test) {

    Rule withPoints(int newPoints) {
        return new Rule(name, newPoints, description, test);
    }
}
