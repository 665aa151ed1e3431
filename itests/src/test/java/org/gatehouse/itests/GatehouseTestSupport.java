package org.gatehouse.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.gatehouse.itests.support.TestDns;
import org.gatehouse.itests.support.TestFeatureKeys;
import org.gatehouse.itests.support.TestPorts;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the Gatehouse distribution built in this reactor (distribution/target/*.tar.gz) once for
 * the whole suite, with every port moved to a free one, and gives the tests (which run inside the
 * container) their ports, the bundle context and Awaitility defaults.
 *
 * <p>The runtime folder is kept under itests/target/exam/&lt;uuid&gt;/ for debugging
 * (data/log/karaf.log, data/log/mail.log).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class GatehouseTestSupport {

    /** Symbolic names of the bundles the gatehouse feature must start. */
    protected static final List<String> GATEHOUSE_BUNDLES = List.of("org.gatehouse.api", "org.gatehouse.maillog",
            "org.gatehouse.sockets", "org.gatehouse.queue", "org.gatehouse.smtp-listener", "org.gatehouse.delivery");

    /** A second routed domain, for relaying through the private listener (not in accept.domains). */
    protected static final String PARTNER_DOMAIN = "partner.test";
    /** The evaluation in the test container: the shipped list without antivirus. */
    protected static final List<String> EVALUATED_FEATURES = List.of("antispam", "reputation", "filters", "encryption");

    /** Smaller than the shipped 10 MB so the oversize test stays quick. */
    protected static final int PUBLIC_MAX_MESSAGE_SIZE = 1024 * 1024;

    /** Name the listeners and delivery use in banners, Received: headers and EHLO. */
    protected static final String HOSTNAME = "gatehouse.test";

    @Inject
    protected BundleContext bundleContext;

    @Configuration
    public Option[] config() throws IOException, InterruptedException {
        String distribution = requiredProperty("gatehouse.distribution");
        String localRepository = requiredProperty("gatehouse.localRepository");
        String karafVersion = requiredProperty("gatehouse.karafVersion");
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration()
                .frameworkUrl(new File(distribution).toURI().toString())
                .karafVersion(karafVersion)
                .name("Gatehouse")
                .unpackDirectory(new File(requiredProperty("gatehouse.runtimeFolder")))
                .useDeployFolder(false));
        options.add(keepRuntimeFolder());
        options.add(configureConsole().ignoreLocalConsole());
        options.add(logLevel(LogLevel.INFO));
        options.addAll(jdk17Options(karafVersion));
        options.addAll(offlineMaven(localRepository));
        options.addAll(ports());
        options.addAll(fastRetries());
        options.addAll(featureKeys());
        options.addAll(dns());
        options.addAll(clientCertificateAuthority());
        options.add(mavenBundle("org.hamcrest", "hamcrest", requiredProperty("gatehouse.hamcrestVersion")));
        options.add(mavenBundle("org.awaitility", "awaitility", requiredProperty("gatehouse.awaitilityVersion")));
        options.add(when(Boolean.getBoolean("gatehouse.it.debug"))
                .useOptions(vmOption("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005")));
        return options.toArray(new Option[0]);
    }

    /** The CA that signs the test client certificates (src/test/resources/tls): TLS required-verify-client. */
    private static List<Option> clientCertificateAuthority() throws IOException {
        java.net.URL pem = GatehouseTestSupport.class.getResource("/tls/client-ca.pem");
        if (pem == null) {
            throw new IOException("tls/client-ca.pem missing from the test classes");
        }
        return List.of(editConfigurationFilePut("etc/org.gatehouse.listener-public.cfg", "tls.client.ca",
                new File(pem.getPath()).getAbsolutePath()));
    }

    /**
     * The module flags bin/karaf passes on JDK 9+; Pax Exam's runner does not add them, and
     * without them the container never comes up on JDK 17. Paths are relative to the Karaf home,
     * which is the container's working directory.
     */
    private static List<Option> jdk17Options(String karafVersion) {
        List<String> flags = Arrays.asList(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED");
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (flag.equals("--patch-module") || flag.equals("--add-opens")) {
                options.add(vmOption(flag + "=" + flags.get(++i)));
            } else {
                options.add(vmOption(flag));
            }
        }
        options.add(vmOption("-Xmx512m"));
        return options;
    }

    /** The container resolves mvn: URLs (Pax Exam's own bundles) from the local repository only. */
    private static List<Option> offlineMaven(String localRepository) {
        String cfg = "etc/org.ops4j.pax.url.mvn.cfg";
        return List.of(
                editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + "file:" + localRepository + "@id=local@snapshots"),
                editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.offline", "true"));
    }

    /**
     * ssh and the mail ports on free ports; the example.com route (shipped) and a partner.test
     * route (added) point at the test sink.
     */
    private static List<Option> ports() {
        int ssh = TestPorts.get(TestPorts.SSH);
        int publicPort = TestPorts.get(TestPorts.PUBLIC_LISTENER);
        int privatePort = TestPorts.get(TestPorts.PRIVATE_LISTENER);
        int sink = TestPorts.get(TestPorts.SINK);
        return List.of(
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ssh)),
                editConfigurationFilePut("etc/org.gatehouse.listener-public.cfg", "port", Integer.toString(publicPort)),
                editConfigurationFilePut("etc/org.gatehouse.listener-public.cfg", "hostname", HOSTNAME),
                editConfigurationFilePut("etc/org.gatehouse.listener-private.cfg", "port", Integer.toString(privatePort)),
                editConfigurationFilePut("etc/org.gatehouse.listener-private.cfg", "hostname", HOSTNAME),
                editConfigurationFilePut("etc/org.gatehouse.listener-public.cfg", "max.message.size",
                        Integer.toString(PUBLIC_MAX_MESSAGE_SIZE)),
                editConfigurationFilePut("etc/org.gatehouse.route-example.cfg", "hosts", "127.0.0.1:" + sink),
                editConfigurationFilePut("etc/org.gatehouse.route-partner.cfg", "domain", PARTNER_DOMAIN),
                editConfigurationFilePut("etc/org.gatehouse.route-partner.cfg", "hosts", "127.0.0.1:" + sink),
                systemProperty(TestPorts.SSH).value(Integer.toString(ssh)),
                systemProperty(TestPorts.PUBLIC_LISTENER).value(Integer.toString(publicPort)),
                systemProperty(TestPorts.PRIVATE_LISTENER).value(Integer.toString(privatePort)),
                systemProperty(TestPorts.SINK).value(Integer.toString(sink)));
    }

    /**
     * A real DNS server (dnsmasq) for reverse DNS, the DNS block list and the reputation zone;
     * the HAT and the reputation service ask it instead of the machine's resolver.
     */
    private static List<Option> dns() throws IOException, InterruptedException {
        String server = "127.0.0.1:" + TestDns.start();
        return List.of(
                editConfigurationFilePut("etc/org.gatehouse.hat.cfg", "dns.server", server),
                editConfigurationFilePut("etc/org.gatehouse.reputation.cfg", "dns.server", server),
                editConfigurationFilePut("etc/org.gatehouse.reputation.cfg", "zones", TestDns.REPUTATION_ZONE_CONFIG),
                editConfigurationFilePut("etc/org.gatehouse.mailauth.cfg", "dns.server", server),
                editConfigurationFilePut("etc/org.gatehouse.mailauth.cfg", "authserv.id", HOSTNAME),
                systemProperty(TestDns.PORT).value(Integer.toString(TestPorts.get(TestDns.PORT))));
    }

    /** Retries within seconds, so a test that takes the sink down sees delivery resume quickly. */
    private static List<Option> fastRetries() {
        String cfg = "etc/org.gatehouse.delivery.cfg";
        return List.of(
                editConfigurationFilePut(cfg, "hostname", HOSTNAME),
                editConfigurationFilePut(cfg, "connect.timeout.seconds", "5"),
                editConfigurationFilePut(cfg, "command.timeout.seconds", "30"),
                editConfigurationFilePut(cfg, "bounce.initial.retry.seconds", "1"),
                editConfigurationFilePut(cfg, "bounce.max.retry.seconds", "2"));
    }

    /**
     * Mints the licensing test keys (here, on the host) and gives the container their
     * installation id, so a fresh install with a known id; the container learns where the keys
     * are from a system property.
     */
    private static List<Option> featureKeys() throws IOException, InterruptedException {
        String folder = requiredProperty(TestFeatureKeys.FOLDER);
        String installationId = requiredProperty(TestFeatureKeys.INSTALLATION_ID);
        File idFile = TestFeatureKeys.mintOnce(Path.of(folder), installationId,
                Path.of(requiredProperty(TestFeatureKeys.TOOL)), Path.of(requiredProperty(TestFeatureKeys.PRIVATE_KEY)));
        return List.of(
                replaceConfigurationFile("etc/featurekeys/" + TestFeatureKeys.ID_FILE, idFile),
                // Anti-virus is left out of the evaluation, so a test can license it with a key
                // and watch that key expire.
                editConfigurationFilePut("etc/org.gatehouse.licensing.cfg", "evaluation.features",
                        String.join(",", EVALUATED_FEATURES)),
                systemProperty(TestFeatureKeys.FOLDER).value(folder),
                systemProperty(TestFeatureKeys.INSTALLATION_ID).value(installationId),
                // Tests that mint keys at run time (short expiries) use the vendor tool too.
                systemProperty(TestFeatureKeys.TOOL).value(requiredProperty(TestFeatureKeys.TOOL)),
                systemProperty(TestFeatureKeys.PRIVATE_KEY).value(requiredProperty(TestFeatureKeys.PRIVATE_KEY)));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run the itests through Maven)");
        }
        return value;
    }

    protected static int port(String name) {
        return TestPorts.get(name);
    }

    /** Awaitility with the suite's defaults: poll every 100 ms, give up after {@code seconds}. */
    protected static ConditionFactory within(int seconds) {
        return Awaitility.await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(100))
                .pollDelay(Duration.ZERO);
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
