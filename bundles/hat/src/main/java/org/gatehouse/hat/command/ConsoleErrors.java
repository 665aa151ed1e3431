package org.gatehouse.hat.command;

import java.io.PrintStream;

/**
 * Runs a console edit and turns a refusal (bad input, unknown name, an edit that would break the
 * HAT) into one clear line instead of a stack trace. Nothing was changed when it is refused.
 */
final class ConsoleErrors {

    interface Edit {
        void run();
    }

    private ConsoleErrors() {
    }

    static Object run(Edit edit, String done, PrintStream out, PrintStream err) {
        try {
            edit.run();
            out.println(done);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage() + " (nothing changed)");
        }
        return null;
    }
}
