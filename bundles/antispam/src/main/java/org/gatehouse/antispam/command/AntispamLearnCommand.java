package org.gatehouse.antispam.command;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.antispam.internal.AntispamConsole;
import org.gatehouse.antispam.internal.LearnSummary;

@Command(scope = "gatehouse", name = "antispam-learn",
        description = "Teaches the embedded engine's site model that messages are spam or ham, then saves the model.")
@Service
public class AntispamLearnCommand implements Action {

    @Reference
    AntispamConsole antispam;

    @Option(name = "--spam", description = "The messages are spam")
    boolean spam;

    @Option(name = "--ham", description = "The messages are good mail")
    boolean ham;

    @Argument(index = 0, name = "path", required = true, description = "A message file or a folder of them")
    @Completion(FileCompleter.class)
    String path;

    @Override
    public Object execute() throws IOException {
        if (spam == ham) {
            throw new IllegalArgumentException("say either --spam or --ham");
        }
        LearnSummary summary = antispam.learn(Path.of(path), spam);
        System.out.printf("Learned as %s: %d new, %d moved from %s, %d already known, %d unreadable. Model saved to %s%n",
                spam ? "spam" : "ham", summary.learned(), summary.relearned(), spam ? "ham" : "spam",
                summary.alreadyKnown(), summary.unreadable(), summary.model());
        return null;
    }
}
