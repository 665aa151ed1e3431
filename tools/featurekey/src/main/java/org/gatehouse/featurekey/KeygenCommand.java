package org.gatehouse.featurekey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.gatehouse.featurekey.FeatureKeyTool.UsageException;
import org.gatehouse.licensing.internal.Ed25519Keys;

/** {@code keygen <dir>}: a new vendor signing key pair. Never overwrites an existing key. */
final class KeygenCommand {

    static final String PRIVATE_FILE = "featurekey-private.pem";
    static final String PUBLIC_FILE = "featurekey-public.pem";

    private final PrintStream out;
    private final PrintStream err;

    KeygenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException {
        if (args.size() != 1) {
            throw new UsageException("keygen takes one folder");
        }
        Path dir = Path.of(args.get(0));
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new FileAlreadyExistsException(privateFile + " or " + publicFile
                    + " exists; keys already issued depend on it, so it is not replaced");
        }
        Ed25519PrivateKeyParameters key = Ed25519Keys.generate(new SecureRandom());
        Ed25519PublicKeyParameters publicKey = key.generatePublicKey();
        writeSecret(privateFile, Ed25519Keys.privateKeyPem(key));
        Files.writeString(publicFile, Ed25519Keys.publicKeyPem(publicKey), StandardCharsets.UTF_8);
        err.println("Wrote " + privateFile + " (keep it secret) and " + publicFile
                + "; signer id " + Ed25519Keys.signerId(publicKey));
        err.println("Add this line to etc/org.gatehouse.licensing.cfg of installations that trust it:");
        out.println("trusted.keys = " + Ed25519Keys.publicKeyBase64(publicKey));
        return 0;
    }

    /** Owner-only where the file system has POSIX permissions. */
    private static void writeSecret(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
