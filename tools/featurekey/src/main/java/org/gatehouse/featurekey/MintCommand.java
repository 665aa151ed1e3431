package org.gatehouse.featurekey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.gatehouse.featurekey.FeatureKeyTool.UsageException;
import org.gatehouse.licensing.internal.Ed25519Keys;
import org.gatehouse.licensing.internal.FeatureKey;
import org.gatehouse.licensing.internal.FeatureKeyFormat;

/** {@code mint}: signs a key for one installation with the vendor's private key. */
final class MintCommand {

    private final PrintStream out;
    private final PrintStream err;

    MintCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException {
        Path privateKeyFile = null;
        Path outFile = null;
        String installation = null;
        String keyId = null;
        Map<String, Instant> features = new LinkedHashMap<>();
        for (Iterator<String> it = args.iterator(); it.hasNext();) {
            String option = it.next();
            if (!it.hasNext()) {
                throw new UsageException(option + " needs a value");
            }
            String value = it.next();
            switch (option) {
                case "--private-key" -> privateKeyFile = Path.of(value);
                case "--installation" -> installation = value;
                case "--key-id" -> keyId = value;
                case "--out" -> outFile = Path.of(value);
                case "--feature" -> addFeature(features, value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (privateKeyFile == null || installation == null || features.isEmpty()) {
            throw new UsageException("mint needs --private-key, --installation and at least one --feature");
        }
        Ed25519PrivateKeyParameters privateKey = Ed25519Keys.readPrivateKey(
                Files.readString(privateKeyFile, StandardCharsets.UTF_8));
        FeatureKey key;
        try {
            key = new FeatureKey(keyId == null ? newKeyId() : keyId,
                    Ed25519Keys.signerId(privateKey.generatePublicKey()), installation,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), features);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        byte[] body = FeatureKeyFormat.body(key);
        String text = FeatureKeyFormat.armor(body, Ed25519Keys.sign(privateKey, body));
        if (outFile != null) {
            Files.writeString(outFile, text, StandardCharsets.UTF_8);
            err.println("Wrote key " + key.keyId() + " to " + outFile);
        } else {
            out.print(text);
        }
        err.println("Key " + key.keyId() + " for installation " + installation + ": " + features);
        return 0;
    }

    private static void addFeature(Map<String, Instant> features, String value) throws UsageException {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--feature wants name=expiry, e.g. antispam=2027-01-01, got " + value);
        }
        String name = value.substring(0, eq);
        if (features.put(name, expiry(value.substring(eq + 1))) != null) {
            throw new UsageException("feature " + name + " given twice");
        }
    }

    /** A date means 00:00 UTC that day; a full ISO-8601 instant is taken as is. */
    static Instant expiry(String value) throws UsageException {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("expiry must be a date (2027-01-01) or an instant (2027-01-01T00:00:00Z): " + value);
        }
    }

    private static String newKeyId() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
