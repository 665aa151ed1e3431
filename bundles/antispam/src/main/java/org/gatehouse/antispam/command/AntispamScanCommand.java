package org.gatehouse.antispam.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.antispam.internal.AntispamConsole;

@Command(scope = "gatehouse", name = "antispam-scan",
        description = "Scores message files (.eml, or mbox-style with a From line) and prints one JSON line per message: file, score, verdict, rules.")
@Service
public class AntispamScanCommand implements Action {

    @Reference
    AntispamConsole antispam;

    @Argument(index = 0, name = "path", required = true, multiValued = true, description = "Message files or folders of them")
    @Completion(FileCompleter.class)
    List<String> paths;

    @Override
    public Object execute() throws IOException, InterruptedException {
        for (String path : paths) {
            antispam.scan(Path.of(path), System.out::println);
        }
        return null;
    }
}
