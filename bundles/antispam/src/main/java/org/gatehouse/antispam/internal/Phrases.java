package org.gatehouse.antispam.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts how often a text uses phrases typical of bulk advertising. */
final class Phrases {

    static final Pattern SALES = Pattern.compile("(?i)\\b(?:click here|click below|order now|order today|act now"
            + "|limited time|risk[- ]free|money[- ]back|100% (?:free|guaranteed|satisfied)|credit card"
            + "|no obligation|free (?:gift|trial|quote|info|access|consultation)|special promotion"
            + "|to be removed|remove me|removal instructions|opt[- ]?out|opt[- ]?in|unsubscribe"
            + "|this is not spam|not a spam|dear friend|dear sir|amazing|incredible|lowest (?:price|rate)"
            + "|save up to|earn \\$|make money|extra income|home based|work from home|business opportunity"
            + "|increase your|debt|mortgage|refinanc\\w*|loan|insurance|viagra|pharmacy|prescription"
            + "|weight loss|lose weight|casino|million dollars|wire transfer|bank account|sincerely yours"
            + "|you have been selected|congratulations|winner|prize|guarantee\\w*|bonus|discount|cheap"
            + "|offer expires|once in a lifetime|apply now|call now|call toll[- ]free|toll free|investment"
            + "|adult|xxx|live webcam|marketing|bulk email|mailing list was|per cent|stock|penny)\\b");

    private Phrases() {
    }

    static int count(Pattern pattern, CharSequence text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find() && count < 100) {
            count++;
        }
        return count;
    }
}
