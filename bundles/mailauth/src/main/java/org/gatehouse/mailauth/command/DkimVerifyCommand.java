package org.gatehouse.mailauth.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.mailauth.internal.DkimVerdict;
import org.gatehouse.mailauth.internal.MailAuth;

@Command(scope = "gatehouse", name = "dkim-verify", description = "Verifies every DKIM signature of a message file (RFC 5322, as received).")
@Service
public class DkimVerifyCommand implements Action {

    @Reference
    MailAuth mailAuth;

    @Argument(index = 0, name = "file", description = "The message file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("Error: no such file " + file);
            return null;
        }
        List<DkimVerdict> verdicts;
        try (InputStream in = Files.newInputStream(path)) {
            verdicts = mailAuth.verifyDkim(new CrlfInputStream(in));
        }
        print(verdicts);
        return null;
    }

    static void print(List<DkimVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            System.out.println("DKIM: no signature");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Result");
        table.column("d=");
        table.column("s=");
        table.column("i=");
        table.column("a=");
        table.column("Why");
        for (DkimVerdict v : verdicts) {
            table.addRow().addContent(v.result().label(), v.domain(), v.selector(), v.identity(), v.algorithm(), v.reason());
        }
        table.print(System.out);
    }
}
