package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The engine inside the gateway, no daemon needed: Mime4j parses the message, the classifier
 * weighs its tokens against the model, the rules add their points, and the sender's
 * reputation (when known) moves the sum. The 0-100 score is their sum, clamped.
 */
final class EmbeddedEngine implements SpamEngine {

    private final MailParser parser = new MailParser();
    private final Tokenizer tokenizer = new Tokenizer();
    private final ChiSquareClassifier classifier = new ChiSquareClassifier();
    private final SpamModel model;
    private final RuleSet rules;
    private final SenderReputation reputation;

    EmbeddedEngine(SpamModel model, RuleSet rules, SenderReputation reputation) {
        this.model = model;
        this.rules = rules;
        this.reputation = reputation;
    }

    @Override
    public SpamScore check(InputStream content, MessageFacts facts) throws IOException {
        ParsedMail mail = parser.parse(content);
        Statistics statistics = statistics(tokenizer.tokens(mail));
        List<Rule> hits = rules.hits(mail);
        hits.sort(Comparator.comparingInt((Rule r) -> -Math.abs(r.points())));
        List<String> names = new ArrayList<>();
        int score = 0;
        if (statistics.known()) {
            score += statistics.points();
            names.add(statistics.band());
        }
        for (Rule hit : hits) {
            score += hit.points();
            names.add(hit.name());
        }
        int sbrsPoints = reputation.points(facts.sbrs());
        if (sbrsPoints != 0) {
            score += sbrsPoints;
            names.add(sbrsPoints > 0 ? "SBRS_POOR" : "SBRS_GOOD");
        }
        return new SpamScore(score, names);
    }

    /** What the chi-square classifier and the token weights say about these tokens. */
    Statistics statistics(Set<String> tokens) {
        long[] hashes = SpamModel.hashes(tokens);
        return new Statistics(classifier.spamProbability(model, hashes), model.margin(hashes));
    }

    /** Learns a message as spam or ham into the model (the caller saves the model). */
    SpamModel.Learned learn(InputStream content, boolean spam) throws IOException {
        return model.learn(tokens(content), spam);
    }

    /** The tokens the classifiers weigh for a message. */
    Set<String> tokens(InputStream content) throws IOException {
        return tokenizer.tokens(parser.parse(content));
    }

    SpamModel model() {
        return model;
    }

    @Override
    public String describe() {
        return "embedded (" + model.spamMessages() + " spam, " + model.hamMessages() + " ham learned)";
    }
}
