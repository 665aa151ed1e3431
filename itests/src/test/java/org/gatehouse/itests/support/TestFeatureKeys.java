package org.gatehouse.itests.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Feature keys for the licensing tests, minted on the host side before the container starts:
 * the tests run inside Karaf, where the licensing bundle's key classes are private. Minting runs
 * the vendor's tool jar (tools/featurekey, built earlier in the reactor) with the development
 * private key, which the shipped etc/org.gatehouse.licensing.cfg trusts.
 *
 * <p>The folder holds {@code installation.id} (given to the container as
 * etc/featurekeys/installation.id) and one key file per case; the tests forge their own from
 * {@link #VALID}.
 */
public final class TestFeatureKeys {

    /** Folder of the minted keys (a host path the container reads too). */
    public static final String FOLDER = "gatehouse.featurekeys";
    /** The installation id the container is given and the keys are bound to. */
    public static final String INSTALLATION_ID = "gatehouse.installationId";

    public static final String ID_FILE = "installation.id";
    /** antispam and archive until 2099, for this installation. */
    public static final String VALID = "valid.key";
    public static final String VALID_KEY_ID = "itest-valid";
    /** antispam until 2099, for another installation. */
    public static final String OTHER_INSTALLATION = "other-installation.key";
    /** antispam, for this installation, expired in 2020. */
    public static final String EXPIRED = "expired.key";

    /** System properties: the vendor tool's jar and the dev private key (host paths). */
    public static final String TOOL = "gatehouse.featurekeyTool";
    public static final String PRIVATE_KEY = "gatehouse.featurekeyPrivateKey";

    private static final String OTHER_ID = "GH-FFFF-0000-0000-0000-0002";
    private static final long MINT_TIMEOUT_SECONDS = 60;

    private static boolean minted;

    private TestFeatureKeys() {
    }

    /**
     * Mints the keys into {@code folder} once per JVM (Pax Exam asks every test class for its
     * configuration) and returns the installation id file.
     */
    public static synchronized File mintOnce(Path folder, String installationId, Path tool, Path privateKey)
            throws IOException, InterruptedException {
        Path idFile = folder.resolve(ID_FILE);
        if (minted) {
            return idFile.toFile();
        }
        Files.createDirectories(folder);
        Files.writeString(idFile, installationId + "\n", StandardCharsets.UTF_8);
        mint(tool, privateKey, folder.resolve(VALID), installationId, VALID_KEY_ID,
                "antispam=2099-01-01", "archive=2099-01-01");
        mint(tool, privateKey, folder.resolve(OTHER_INSTALLATION), OTHER_ID, "itest-other", "antispam=2099-01-01");
        mint(tool, privateKey, folder.resolve(EXPIRED), installationId, "itest-expired", "antispam=2020-01-01");
        minted = true;
        return idFile.toFile();
    }

    /**
     * Mints a key now, inside the container, with the vendor tool (for expiries seconds away);
     * features as {@code name=2026-11-23T15:40:00Z}.
     */
    public static Path mintNow(String keyId, String... features) throws IOException, InterruptedException {
        Path out = Path.of(System.getProperty(FOLDER)).resolve(keyId + ".key");
        mint(Path.of(System.getProperty(TOOL)), Path.of(System.getProperty(PRIVATE_KEY)), out,
                System.getProperty(INSTALLATION_ID), keyId, features);
        return out;
    }

    private static void mint(Path tool, Path privateKey, Path out, String installation, String keyId,
            String... features) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", tool.toString(),
                "mint", "--private-key", privateKey.toString(), "--installation", installation,
                "--key-id", keyId, "--out", out.toString()));
        for (String feature : features) {
            command.add("--feature");
            command.add(feature);
        }
        Path log = Files.createTempFile("featurekey-mint", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(MINT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("featurekey mint did not finish within " + MINT_TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("featurekey mint failed (exit " + process.exitValue() + "): " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * The text of {@code valid} with one byte of its signed body changed (a digit of an expiry
     * year), re-armoured: still well-formed, so only the signature check can catch it.
     */
    public static String forge(String valid) {
        String begin = "-----BEGIN GATEHOUSE FEATURE KEY-----";
        String end = "-----END GATEHOUSE FEATURE KEY-----";
        String inside = valid.substring(valid.indexOf(begin) + begin.length(), valid.indexOf(end)).trim();
        StringBuilder body64 = new StringBuilder();
        String signatureLine = null;
        for (String line : inside.split("\\s+")) {
            if (line.startsWith("=")) {
                signatureLine = line;
            } else {
                body64.append(line);
            }
        }
        if (signatureLine == null) {
            throw new IllegalArgumentException("no signature line in " + valid);
        }
        byte[] body = Base64.getDecoder().decode(body64.toString());
        String text = new String(body, StandardCharsets.US_ASCII);
        int at = text.indexOf("=2099-");
        if (at < 0) {
            throw new IllegalArgumentException("no 2099 expiry to change in " + text);
        }
        body[at + 4] = (byte) '8'; // 2099 -> 2098
        String encoded = Base64.getEncoder().encodeToString(body);
        StringBuilder forged = new StringBuilder(begin).append('\n');
        for (int i = 0; i < encoded.length(); i += 64) {
            forged.append(encoded, i, Math.min(encoded.length(), i + 64)).append('\n');
        }
        return forged.append(signatureLine).append('\n').append(end).append('\n').toString();
    }
}
