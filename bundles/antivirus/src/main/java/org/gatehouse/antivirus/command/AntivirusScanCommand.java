package org.gatehouse.antivirus.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.antivirus.internal.Antivirus;
import org.gatehouse.antivirus.internal.ScanResult;

@Command(scope = "gatehouse", name = "antivirus-scan",
        description = "Scans a file (a message, an archive, a bare executable) with the configured engine and prints the verdict.")
@Service
public class AntivirusScanCommand implements Action {

    @Reference
    Antivirus antivirus;

    @Argument(index = 0, name = "file", required = true, description = "The file to scan")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        ScanResult result;
        try (InputStream in = Files.newInputStream(path)) {
            result = antivirus.scan(path.getFileName().toString(), in);
        }
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Verdict");
        table.column("Signature");
        table.column("Where / why");
        table.column("Engine");
        table.addRow().addContent(path, result.verdict().label(), result.signature() == null ? "" : result.signature(),
                result.detail(), antivirus.engineName());
        table.print(System.out);
        return null;
    }
}
