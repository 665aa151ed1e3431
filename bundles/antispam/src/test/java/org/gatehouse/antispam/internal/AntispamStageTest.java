package org.gatehouse.antispam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatehouse.api.Entitlement;
import org.gatehouse.api.MailEvent;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.StageResult;
import org.gatehouse.api.Verdict;
import org.junit.jupiter.api.Test;

class AntispamStageTest {

    private static final Entitlement LICENCE = new Entitlement() {
        @Override
        public String feature() {
            return "antispam";
        }

        @Override
        public Instant expires() {
            return Instant.MAX;
        }
    };

    /** Scores by a number in the Subject ("Subject: score 95"); records what it learns. */
    private static final class ScriptedEngine implements Antispam {
        final List<String> learned = new ArrayList<>();
        final List<String> choices = new ArrayList<>();
        boolean down;

        @Override
        public SpamEngine engine(String choice) {
            choices.add(String.valueOf(choice));
            if (choice != null && !List.of("embedded", "spamd", "rspamd").contains(choice)) {
                throw new IllegalArgumentException("engine must be embedded, spamd or rspamd, not " + choice);
            }
            return new SpamEngine() {
                @Override
                public SpamScore check(InputStream content, MessageFacts facts) throws IOException {
                    return ScriptedEngine.this.check(content, facts);
                }

                @Override
                public String describe() {
                    return choice == null ? engineName() : "scripted " + choice;
                }
            };
        }

        @Override
        public SpamScore check(InputStream content, MessageFacts facts) throws IOException {
            if (down) {
                throw new IOException("spamd at 127.0.0.1:783 failed: Connection refused");
            }
            String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            int at = text.indexOf("score ");
            int score = Integer.parseInt(text.substring(at + 6, text.indexOf('\r', at)));
            return new SpamScore(score, List.of("BAYES_99", "HTML_ONLY"));
        }

        @Override
        public Thresholds thresholds() {
            return Thresholds.DEFAULT;
        }

        @Override
        public String engineName() {
            return down ? "spamd 127.0.0.1:1" : "scripted";
        }

        @Override
        public SpamModel.Learned learn(InputStream content, boolean spam) throws IOException {
            learned.add((spam ? "spam:" : "ham:") + new String(content.readAllBytes(), StandardCharsets.UTF_8));
            return SpamModel.Learned.LEARNED;
        }
    }

    private final ScriptedEngine engine = new ScriptedEngine();

    private AntispamStage stage(Map<String, Object> config) {
        return new AntispamStage(TestConfig.with(config), LICENCE, engine);
    }

    private static FakeMessage scored(int score) {
        return new FakeMessage("From: a@example.org\nSubject: score " + score + "\n\nbody\n", "UNKNOWNLIST", "b@example.com");
    }

    @Test
    void addsVerdictHeadersAndAppliesTheDefaultActions() throws IOException {
        AntispamStage stage = stage(Map.of());
        List<MailEvent> log = new ArrayList<>();
        stage.mailLog = new MailLog() {
            @Override
            public void info(MailEvent event) {
                log.add(event);
            }

            @Override
            public void warning(MailEvent event) {
                log.add(event);
            }
        };
        FakeMessage spam = scored(95);
        StageResult result = stage.process(spam);
        assertEquals(Verdict.QUARANTINE, result.verdict());
        assertEquals("spam", result.quarantine());
        assertEquals("95", spam.added("X-Gatehouse-Spam-Score"));
        assertEquals("positive", spam.added("X-Gatehouse-Spam-Verdict"));
        assertEquals("BAYES_99, HTML_ONLY", spam.added("X-Gatehouse-Spam-Rules"));
        assertEquals("scripted", spam.added("X-Gatehouse-Spam-Engine"));
        assertEquals("[SPAM] score 95", spam.added("Subject"));
        assertEquals("MID 6 antispam positive score 95", log.get(0).text());

        FakeMessage suspected = scored(63);
        assertEquals(Verdict.CONTINUE, stage.process(suspected).verdict());
        assertEquals("suspected", suspected.added("X-Gatehouse-Spam-Verdict"));
        assertTrue(suspected.added("Subject").startsWith("[SUSPECTED SPAM] score "));

        FakeMessage ham = scored(3);
        assertEquals(Verdict.CONTINUE, stage.process(ham).verdict());
        assertEquals("negative", ham.annotations.get("antispam.verdict"));
        assertEquals(null, ham.added("Subject"), "ham keeps its subject");
    }

    @Test
    void actionsComeFromConfiguration() throws IOException {
        AntispamStage stage = stage(Map.of("positive_action", "drop", "suspected_action", "bounce",
                "add_headers", false, "quarantine", "held"));
        assertEquals(Verdict.DROP, stage.process(scored(99)).verdict());
        FakeMessage suspected = scored(50);
        assertEquals(Verdict.BOUNCE, stage.process(suspected).verdict());
        assertTrue(suspected.addedHeaders.stream().noneMatch(h -> h[0].startsWith("X-Gatehouse")), "no verdict headers");
        StageResult held = stage(Map.of("suspected_action", "quarantine", "quarantine", "held")).process(scored(70));
        assertEquals("held", held.quarantine());
        assertThrows(IllegalArgumentException.class, () -> stage(Map.of("positive_action", "deliver-later")));
    }

    @Test
    void anEngineThatCannotAnswerMakesTheStageThrow() {
        engine.down = true;
        IOException e = assertThrows(IOException.class, () -> stage(Map.of()).process(scored(1)));
        assertTrue(e.getMessage().contains("spamd"));
    }

    @Test
    void learnsFromTrustedReportsAndDropsThem() throws IOException {
        AntispamStage stage = stage(Map.of("report_spam_address", "spam-report@example.com",
                "report_ham_address", "ham-report@example.com"));
        String attached = "From: admin@example.com\nSubject: Fwd: missed\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee attached\n"
                + "--b\nContent-Type: message/rfc822\n\nFrom: x@spam.example\nSubject: cheap pills\n\nbuy now\n--b--\n";
        StageResult result = stage.process(new FakeMessage(attached, "RELAYLIST", "Spam-Report@example.com"));
        assertEquals(Verdict.DROP, result.verdict());
        assertTrue(engine.learned.get(0).startsWith("spam:From: x@spam.example"), engine.learned.get(0));
        assertTrue(engine.learned.get(0).contains("buy now"));

        FakeMessage inline = new FakeMessage("From: x@example.org\nSubject: score 97\n\nfalse positive\n", "RELAYLIST", "ham-report@example.com");
        assertEquals(Verdict.DROP, stage.process(inline).verdict());
        assertTrue(engine.learned.get(1).startsWith("ham:From: x@example.org"));

        FakeMessage outsider = new FakeMessage("From: x@example.org\nSubject: score 97\n\npoison\n", "UNKNOWNLIST", "ham-report@example.com");
        assertEquals(Verdict.QUARANTINE, stage.process(outsider).verdict(), "untrusted senders cannot teach the model");
        assertEquals(2, engine.learned.size());
    }

    @Test
    void aPolicyChoosesItsOwnEngineAndThresholds() throws Exception {
        AntispamStage stage = stage(Map.of());
        FakeMessage partner = scored(70).policySettings(Map.of("antispam.engine", "spamd", "antispam.positive.threshold", "60"));
        StageResult r = stage.process(partner);
        assertEquals(Verdict.QUARANTINE, r.verdict(), "70 is spam where the policy says 60");
        assertEquals("scripted spamd", partner.added(AntispamStage.ENGINE_HEADER));
        assertEquals("positive", partner.annotations.get("antispam.verdict"));

        FakeMessage other = scored(70);
        assertEquals(Verdict.CONTINUE, stage.process(other).verdict(), "the config's 90 for everyone else");
        assertEquals("suspected", other.annotations.get("antispam.verdict"));
        assertEquals("scripted", other.added(AntispamStage.ENGINE_HEADER));

        FakeMessage low = scored(45).policySettings(Map.of("antispam.positive.threshold", "55",
                "antispam.suspected.threshold", "40"));
        stage.process(low);
        assertEquals("suspected", low.annotations.get("antispam.verdict"));
        assertEquals(List.of("spamd", "null", "null"), engine.choices);
    }
}
