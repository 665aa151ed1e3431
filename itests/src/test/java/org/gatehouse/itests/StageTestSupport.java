package org.gatehouse.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.gatehouse.itests.support.Console;

/**
 * What the tests of a pipeline stage (anti-spam, anti-virus, licensing of stages) read back from
 * a running Gatehouse: the console, queue rows, the pipeline, installed features and the mail
 * log lines of one message. Subclasses open {@link #console} before their tests.
 */
public abstract class StageTestSupport extends MailTestSupport {

    protected Console console;

    /** The mail log lines about one message. */
    protected static String mailLogOf(long mid) throws IOException {
        return String.join("\n", mailLog().lines().filter(l -> l.contains("MID " + mid + " ")).toList());
    }

    /** The message's gatehouse:queue-list row ("" when it is not listed); State is the last column. */
    protected String queueRow(long mid) throws Exception {
        return console.run("gatehouse:queue-list").output().lines().map(String::trim)
                .filter(l -> l.startsWith(mid + " ")).findFirst().orElse("");
    }

    protected String queueShow(long mid) throws Exception {
        return console.run("gatehouse:queue-show " + mid).output();
    }

    protected String installedFeatures() throws Exception {
        return console.run("feature:list -i --no-format").output().replace('\t', ' ');
    }

    /** The gatehouse:pipeline row of a stage, or "" when it is not listed. */
    protected String stageRow(String stage) throws Exception {
        return console.run("gatehouse:pipeline").output().lines()
                .filter(l -> l.trim().startsWith(stage + " ")).findFirst().orElse("");
    }

    protected static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
