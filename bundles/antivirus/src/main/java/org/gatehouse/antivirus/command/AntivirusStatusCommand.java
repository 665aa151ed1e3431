package org.gatehouse.antivirus.command;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.antivirus.internal.Antivirus;
import org.gatehouse.antivirus.internal.SignatureDatabase;

@Command(scope = "gatehouse", name = "antivirus-status",
        description = "Shows the engines, the signature database (files, signature counts, when it was loaded) "
                + "and the verdict actions and notifications in force.")
@Service
public class AntivirusStatusCommand implements Action {

    @Reference
    Antivirus antivirus;

    @Override
    public Object execute() {
        Antivirus.Status status = antivirus.status();
        SignatureDatabase db = status.database();
        System.out.println("Engine: " + status.engine() + (status.clamd().isEmpty() ? "" : " (" + status.clamd() + ")"));
        System.out.println("Engines: " + String.join(", ", antivirus.engines()) + " (a mail flow policy may pick one)");
        System.out.println("Signature folder: " + status.folder());
        System.out.println("Database: " + db.signatureCount() + " signatures, loaded at " + db.loadedAt()
                + (db.skipped() > 0 ? ", " + db.skipped() + " skipped (unsupported offsets)" : ""));
        if (!status.lastError().isEmpty()) {
            System.out.println("Last load failed (previous database kept): " + status.lastError());
        }
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Signatures").alignRight();
        for (SignatureDatabase.SourceFile f : db.sources()) {
            table.addRow().addContent(f.name(), f.signatures());
        }
        table.print(System.out);
        System.out.println();
        ShellTable settings = new ShellTable();
        settings.column("Setting");
        settings.column("Value");
        for (Map.Entry<String, String> setting : antivirus.settings().entrySet()) {
            settings.addRow().addContent(setting.getKey(), setting.getValue());
        }
        settings.print(System.out);
        return null;
    }
}
