package org.gatehouse.featurekey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatehouse.featurekey.FeatureKeyTool.UsageException;
import org.gatehouse.licensing.internal.FeatureKeyException;
import org.gatehouse.licensing.internal.FeatureKeyFormat;
import org.gatehouse.licensing.internal.SignedFeatureKey;

/** {@code show <file>}: what a key says, for support questions. The signature is not checked. */
final class ShowCommand {

    private final PrintStream out;
    private final PrintStream err;

    ShowCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException {
        if (args.size() != 1) {
            throw new UsageException("show takes one key file");
        }
        try {
            SignedFeatureKey key = FeatureKeyFormat.read(Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8));
            out.print(new String(key.body(), StandardCharsets.UTF_8));
            return 0;
        } catch (FeatureKeyException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
