package org.gatehouse.featurekey;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The vendor's feature key tool. Makes a signing key pair, mints keys bound to a customer's
 * installation id, and shows what a key says. It never runs inside Gatehouse.
 */
public final class FeatureKeyTool {

    static final String USAGE = String.join("\n",
            "Usage: java -jar gatehouse-featurekey-tool.jar <command> ...",
            "  keygen <dir>",
            "      writes a new Ed25519 signing key pair: <dir>/featurekey-private.pem (keep it secret)",
            "      and <dir>/featurekey-public.pem, and prints the trusted.keys line for etc/",
            "  mint --private-key <file> --installation <id> --feature <name>=<date|instant> [--feature ...]",
            "       [--key-id <id>] [--out <file>]",
            "      prints a feature key, e.g. --feature antispam=2027-01-01 (expires at 00:00 UTC that day)",
            "  show <key file>",
            "      prints what a key says (its body), without checking its signature");

    private FeatureKeyTool() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command; returns the process exit status (0 ok, 1 refused/failed, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "keygen":
                    return new KeygenCommand(out, err).run(rest);
                case "mint":
                    return new MintCommand(out, err).run(rest);
                case "show":
                    return new ShowCommand(out).run(rest);
                case "help":
                case "-h":
                case "--help":
                    out.println(USAGE);
                    return 0;
                default:
                    err.println("Unknown command " + args[0]);
                    err.println(USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    /** A command line that does not say what the command needs. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
