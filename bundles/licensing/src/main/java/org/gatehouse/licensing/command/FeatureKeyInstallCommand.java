package org.gatehouse.licensing.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.licensing.internal.FeatureKey;
import org.gatehouse.licensing.internal.FeatureKeyException;
import org.gatehouse.licensing.internal.FeatureKeyFormat;
import org.gatehouse.licensing.internal.FeatureKeys;

@Command(scope = "gatehouse", name = "featurekey-install",
        description = "Installs a feature key, given as a file path or as the key text itself, and starts what it unlocks.")
@Service
public class FeatureKeyInstallCommand implements Action {

    @Reference
    FeatureKeys featureKeys;

    @Argument(index = 0, name = "key", required = true, multiValued = true,
            description = "Path of a key file, or the key text (-----BEGIN GATEHOUSE FEATURE KEY----- ...)")
    @Completion(FileCompleter.class)
    List<String> key;

    /** Refusals are thrown so the console (and ssh exit status) shows them as errors. */
    @Override
    public Object execute() {
        String text;
        try {
            text = keyText(String.join(" ", key));
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("cannot read the key file: " + e.getMessage() + ". Nothing was changed.", e);
        }
        try {
            FeatureKey installed = featureKeys.install(text);
            System.out.println("Feature key " + installed.keyId() + " installed:");
            installed.features().forEach((feature, expires) -> System.out.println("  " + feature + " until " + expires));
        } catch (FeatureKeyException e) {
            throw new IllegalArgumentException("feature key refused, " + e.getMessage() + ". Nothing was changed.", e);
        }
        return null;
    }

    /**
     * Key text as pasted, else the content of the file it names. The console takes an argument
     * starting with "-" for an option, so pasted text may leave out the BEGIN and END lines.
     */
    private static String keyText(String argument) throws IOException {
        if (argument.contains(FeatureKeyFormat.BEGIN)) {
            return argument;
        }
        if (argument.matches("(?s)\\s*[A-Za-z0-9+/=]+(\\s+[A-Za-z0-9+/=]+)*\\s+=[A-Za-z0-9+/=]+\\s*")) {
            return FeatureKeyFormat.BEGIN + "\n" + argument + "\n" + FeatureKeyFormat.END + "\n";
        }
        Path file = Path.of(argument.trim());
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file + " (and the argument is not key text)");
        }
        if (Files.size(file) > FeatureKeyFormat.MAX_TEXT) {
            throw new IOException(file + " is too large to be a feature key");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
