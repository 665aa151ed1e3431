package org.gatehouse.antivirus.command;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.antivirus.internal.Antivirus;
import org.gatehouse.antivirus.internal.SignatureDatabase;
import org.gatehouse.antivirus.internal.SignatureFormatException;

@Command(scope = "gatehouse", name = "antivirus-update",
        description = "Loads ClamAV-format signature files (a file or a folder), copies them into the signature folder "
                + "and swaps the database in use, without a restart. A file that does not load changes nothing.")
@Service
public class AntivirusUpdateCommand implements Action {

    @Reference
    Antivirus antivirus;

    @Argument(index = 0, name = "path", required = true, description = "A .hdb/.hsb/.ndb/.db/.ign2/.cvd file, or a folder of them")
    @Completion(FileCompleter.class)
    String path;

    @Override
    public Object execute() {
        try {
            SignatureDatabase db = antivirus.update(Path.of(path));
            System.out.println("Signatures updated: " + db.signatureCount() + " signatures from " + db.sources().size()
                    + " files, loaded at " + db.loadedAt());
        } catch (IOException | SignatureFormatException e) {
            throw new IllegalArgumentException("signatures not updated, the previous ones stay in use: " + e.getMessage(), e);
        }
        return null;
    }
}
