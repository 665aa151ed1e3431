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

/**
 * {@code show <file>}: what a key says, for support questions. The signature is not checked; a
 * malformed key is reported by {@link FeatureKeyTool#run} like any other failure.
 */
final class ShowCommand {

    private final PrintStream out;

    ShowCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException, FeatureKeyException {
        if (args.size() != 1) {
            throw new UsageException("show takes one key file");
        }
        SignedFeatureKey key = FeatureKeyFormat.read(Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8));
        out.print(new String(key.body(), StandardCharsets.UTF_8));
        return 0;
    }
}
