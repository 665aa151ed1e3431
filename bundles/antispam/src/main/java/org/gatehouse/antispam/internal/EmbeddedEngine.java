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
        double probability = classifier.spamProbability(model, tokenizer.tokens(mail));
        List<Rule> hits = rules.hits(mail);
        hits.sort(Comparator.comparingInt((Rule r) -> -Math.abs(r.points())));
        List<String> names = new ArrayList<>();
        int score = 0;
        if (!Double.isNaN(probability)) {
            score += BayesBand.points(probability);
            names.add(BayesBand.name(probability));
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

    /** Learns a message as spam or ham into the model (the caller saves the model). */
    SpamModel.Learned learn(InputStream content, boolean spam) throws IOException {
        Set<String> tokens = tokenizer.tokens(parser.parse(content));
        return model.learn(tokens, spam);
    }

    SpamModel model() {
        return model;
    }

    @Override
    public String describe() {
        return "embedded (" + model.spamMessages() + " spam, " + model.hamMessages() + " ham learned)";
    }
}
