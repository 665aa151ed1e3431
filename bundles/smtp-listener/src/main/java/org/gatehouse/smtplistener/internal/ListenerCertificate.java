package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate a listener shows for STARTTLS: read from a PKCS#12 key store, which is
 * generated (self-signed, Bouncy Castle) the first time it does not exist. The BC provider is
 * used as an instance and never registered in the JVM, so other bundles see no change.
 */
final class ListenerCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerCertificate.class);
    /** Used for the generated store only, when tls.password is empty. */
    static final String GENERATED_PASSWORD = "gatehouse";
    static final String ALIAS = "gatehouse";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private ListenerCertificate() {
    }

    /** The listener's key from the key store, generating it first when it is missing. */
    static KeyManager[] keyManagers(Path keystore, String password, String hostname)
            throws IOException, GeneralSecurityException {
        char[] secret = (password == null || password.isEmpty() ? GENERATED_PASSWORD : password).toCharArray();
        if (!Files.exists(keystore)) {
            generate(keystore, secret, hostname);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, secret);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, secret);
        return kmf.getKeyManagers();
    }

    /** Writes a new self-signed RSA certificate for the host name into a PKCS#12 store. */
    static void generate(Path keystore, char[] secret, String hostname) throws IOException, GeneralSecurityException {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + hostname.replaceAll("[,=+<>#;\"\\\\]", "_"));
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, hostname)));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(bc)
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(bc)
                            .build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), secret, new X509Certificate[] {certificate});
            Path directory = keystore.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // Written beside and moved in place, so a listener starting at the same time never
            // reads half a file.
            Path temporary = Files.createTempFile(directory, "gatehouse-tls", ".tmp");
            try {
                restrictToOwner(temporary);
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, secret);
                }
                Files.move(temporary, keystore, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.info("Generated a self-signed certificate for {} in {}", hostname, keystore);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions on {}: {}", file, e.toString());
        }
    }
}
