package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.TestFeatureKeys;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Feature keys as an admin handles them, over the console: the installation id and evaluation
 * of a fresh install, a key minted for this installation (by the vendor tool, host side, see
 * {@link TestFeatureKeys}) installed and removed, and the keys that must be refused without
 * changing anything. Entitlements are checked as the capability components see them: services
 * {@code org.gatehouse.api.Entitlement} with {@code gatehouse.feature=<name>}.
 */
public class LicensingIT extends GatehouseTestSupport {

    private static final String ENTITLEMENT = "org.gatehouse.api.Entitlement";
    private static final String EXPIRES = "gatehouse.feature.expires";
    private static final String FAR_EXPIRY = "2099-01-01T00:00:00Z";

    private Console console;
    private Path keys;
    private String installationId;

    @Before
    public void connectWhenLicensingIsUp() throws Exception {
        keys = Path.of(System.getProperty(TestFeatureKeys.FOLDER));
        installationId = System.getProperty(TestFeatureKeys.INSTALLATION_ID);
        console = Console.onPort(port(TestPorts.SSH));
        // ssh and the licensing commands may still be starting when the first test runs.
        within(60).until(() -> console.run("gatehouse:featurekey-list").output().contains("Installation ID:"));
    }

    @Test
    public void freshInstallShowsItsIdAndTheEvaluationOfEveryFeature() throws Exception {
        String list = featureKeyList();
        assertTrue(list, list.contains("Installation ID: " + installationId));
        for (String feature : EVALUATED_FEATURES) {
            String row = row(list, feature);
            assertTrue(list, row.contains("evaluation"));
            within(30).until(() -> entitlement(feature) != null);
            assertNotNull(feature, entitlement(feature).getProperty(EXPIRES));
        }
    }

    @Test
    public void keyForThisInstallationInstallsThenRemoves() throws Exception {
        within(30).until(() -> entitlement("antispam") != null);
        String before = featureKeyList();
        ServiceReference<?> antispam = entitlement("antispam");
        Object evaluationExpiry = antispam.getProperty(EXPIRES);
        assertNull("archive is not in the evaluation", entitlement("archive"));

        Console.Result installed = console.run("gatehouse:featurekey-install " + keys.resolve(TestFeatureKeys.VALID));
        assertEquals(installed.output(), 0, installed.exitCode());
        assertTrue(installed.output(), installed.output().contains("Feature key " + TestFeatureKeys.VALID_KEY_ID + " installed"));

        String after = featureKeyList();
        assertTrue(after, after.contains("Installation ID: " + installationId));
        for (String feature : List.of("antispam", "archive")) {
            String row = row(after, feature);
            assertTrue(after, row.contains("active"));
            assertTrue(after, row.contains(TestFeatureKeys.VALID_KEY_ID));
        }
        assertTrue(after, after.lines().anyMatch(l -> l.trim().startsWith(TestFeatureKeys.VALID_KEY_ID + " ")));
        // The key's new feature gets its entitlement; the one already on moves its expiry and
        // keeps its service, so the capability behind it is not restarted.
        within(30).until(() -> entitlement("archive") != null);
        assertEquals(FAR_EXPIRY, entitlement("archive").getProperty(EXPIRES));
        assertEquals(FAR_EXPIRY, entitlement("antispam").getProperty(EXPIRES));
        assertEquals(serviceId(antispam), serviceId(entitlement("antispam")));

        Console.Result removed = console.run("gatehouse:featurekey-remove " + TestFeatureKeys.VALID_KEY_ID);
        assertEquals(removed.output(), 0, removed.exitCode());
        assertTrue(removed.output(), removed.output().contains("Removed feature key " + TestFeatureKeys.VALID_KEY_ID));

        assertEquals(before, featureKeyList());
        within(30).until(() -> entitlement("archive") == null);
        assertEquals(evaluationExpiry, entitlement("antispam").getProperty(EXPIRES));
    }

    @Test
    public void forgedKeyIsRefusedAndChangesNothing() throws Exception {
        String valid = Files.readString(keys.resolve(TestFeatureKeys.VALID), StandardCharsets.UTF_8);
        Path forged = keys.resolve("forged.key");
        Files.writeString(forged, TestFeatureKeys.forge(valid), StandardCharsets.UTF_8);
        assertRefused(forged, "forged");
    }

    @Test
    public void keyForAnotherInstallationIsRefusedAndChangesNothing() throws Exception {
        assertRefused(keys.resolve(TestFeatureKeys.OTHER_INSTALLATION), "for another installation");
    }

    @Test
    public void expiredKeyIsRefusedAndChangesNothing() throws Exception {
        assertRefused(keys.resolve(TestFeatureKeys.EXPIRED), "expired");
    }

    private void assertRefused(Path key, String reason) throws Exception {
        within(30).until(() -> entitlement("antispam") != null);
        String before = featureKeyList();
        Object antispamExpiry = entitlement("antispam").getProperty(EXPIRES);

        Console.Result result = console.run("gatehouse:featurekey-install " + key);
        assertNotEquals(result.output(), 0, result.exitCode());
        assertTrue(result.output(), result.output().contains("feature key refused, " + reason + ":"));
        assertTrue(result.output(), result.output().contains("Nothing was changed"));

        assertEquals(before, featureKeyList());
        assertEquals(antispamExpiry, entitlement("antispam").getProperty(EXPIRES));
        assertNull(entitlement("archive"));
    }

    /**
     * What featurekey-list printed, without the notice OpenSSH adds now and then when Karaf
     * closes the session ("Connection to 127.0.0.1 closed by remote host."), so two listings
     * compare equal when the licensing state is the same.
     */
    private String featureKeyList() throws Exception {
        Console.Result result = console.run("gatehouse:featurekey-list");
        assertEquals(result.output(), 0, result.exitCode());
        return result.output().lines().filter(l -> !l.matches("Connection to \\S+ closed.*"))
                .collect(Collectors.joining("\n"));
    }

    /** The features table row whose first cell is {@code feature}. */
    private static String row(String list, String feature) {
        return list.lines().filter(l -> l.trim().startsWith(feature + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + feature + " in\n" + list));
    }

    /** The entitlement service for {@code feature}, or null (looked up by name: the api is not imported here). */
    private ServiceReference<?> entitlement(String feature) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(ENTITLEMENT, "(gatehouse.feature=" + feature + ")");
        if (refs == null) {
            return null;
        }
        assertEquals("one entitlement per feature", 1, refs.length);
        return refs[0];
    }

    private static Object serviceId(ServiceReference<?> ref) {
        return ref.getProperty("service.id");
    }
}
