package org.gatehouse.hat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gatehouse.api.TlsLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's edits against Config Admin, starting from the shipped configuration. */
class HatAdministrationTest {

    private final InMemoryConfigAdmin cm = new InMemoryConfigAdmin();
    private HatAdministration admin;

    @BeforeEach
    void load() {
        ShippedConfig shipped = new ShippedConfig();
        shipped.listeners.forEach(m -> cm.load(ConfigStore.LISTENER_PID, (String) m.get("listener"), m));
        shipped.policies.forEach(m -> cm.load(ConfigStore.POLICY_PID, m.get("listener") + "-" + m.get("name"), m));
        shipped.groups.forEach(m -> cm.load(ConfigStore.GROUP_PID, m.get("listener") + "-" + m.get("name"), m));
        admin = new HatAdministration(new ConfigStore(cm));
    }

    private Map<String, ListenerTable> compiled() {
        return HatCompiler.compile(cm.propertiesOf(ConfigStore.LISTENER_PID), cm.propertiesOf(ConfigStore.POLICY_PID),
                cm.propertiesOf(ConfigStore.GROUP_PID));
    }

    private List<String> groupNames(String listener) {
        return admin.groups(listener).stream().map(HatAdministration.GroupRow::name).toList();
    }

    @Test
    void listsTheShippedHat() {
        assertEquals(List.of("private", "public"), admin.listeners());
        assertEquals(List.of("WHITELIST", "BLACKLIST", "SUSPECTLIST", "UNKNOWNLIST", "ALL"), groupNames("public"));
        assertEquals(List.of("RELAYLIST", "ALL"), groupNames("private"));
        assertEquals(6, admin.policies(null).size());
        assertTrue(compiled().values().stream().allMatch(ListenerTable::usable));
    }

    @Test
    void storyOneTlsForOnePartner() {
        admin.addPolicy("public", "TLS_REQUIRED", "accept");
        admin.setPolicy("public", "TLS_REQUIRED", "tls", "required");
        admin.addGroup("public", "TLS_SENDERS", "TLS_REQUIRED", null, "partner servers");
        admin.addEntries("public", "TLS_SENDERS", List.of("192.0.2.20", "192.0.2.21"));
        assertEquals(List.of("WHITELIST", "BLACKLIST", "SUSPECTLIST", "UNKNOWNLIST", "TLS_SENDERS", "ALL"), groupNames("public"));
        admin.moveGroup("public", "TLS_SENDERS", null, "BLACKLIST", false);
        assertEquals(List.of("WHITELIST", "BLACKLIST", "TLS_SENDERS", "SUSPECTLIST", "UNKNOWNLIST", "ALL"), groupNames("public"));
        ListenerTable table = compiled().get("public");
        assertTrue(table.usable(), table.problem());
        assertEquals(TlsLevel.REQUIRED, table.policies().get("TLS_REQUIRED").policy().tls());
        assertEquals("TLS_SENDERS", table.groups().get(2).name());
        admin.moveGroup("public", "ALL", null, null, true);
        assertEquals("ALL", groupNames("public").get(0));
    }

    @Test
    void policiesCarryAuthClientCertificatesAndStageSettings() {
        ListenerTable shipped = compiled().get("public");
        org.gatehouse.api.MailFlowPolicy accepted = shipped.policies().get("ACCEPTED").policy();
        assertEquals(org.gatehouse.api.SmtpAuth.OFF, accepted.smtpAuth());
        assertEquals(Map.of("mailauth.spf", "on", "mailauth.dkim", "on", "mailauth.dmarc", "on"), accepted.stageSettings(),
                "engines left to the stages' own config are not passed");
        assertEquals("off", compiled().get("private").policies().get("RELAYED").policy().stageSettings().get("mailauth.spf"),
                "relayed outbound mail is not checked against its own records");

        admin.addPolicy("public", "PARTNERS", "accept");
        admin.setPolicy("public", "PARTNERS", "smtp.auth", "required");
        admin.setPolicy("public", "PARTNERS", "tls", "required-verify-client");
        admin.setPolicy("public", "PARTNERS", "antivirus.engine", "ClamD");
        admin.setPolicy("public", "PARTNERS", "antispam.positive.threshold", "80");
        admin.setPolicy("public", "PARTNERS", "dmarc.verification", "off");
        org.gatehouse.api.MailFlowPolicy partners = compiled().get("public").policies().get("PARTNERS").policy();
        assertEquals(org.gatehouse.api.SmtpAuth.REQUIRED, partners.smtpAuth());
        assertEquals(TlsLevel.REQUIRED_VERIFY_CLIENT, partners.tls());
        assertEquals("clamd", partners.stageSettings().get("antivirus.engine"));
        assertEquals("80", partners.stageSettings().get("antispam.positive.threshold"));
        assertEquals("off", partners.stageSettings().get("mailauth.dmarc"));
        assertFalse(partners.stageSettings().containsKey("antispam.suspected.threshold"));

        int writes = cm.writes;
        assertThrows(IllegalArgumentException.class, () -> admin.setPolicy("public", "PARTNERS", "antivirus.engine", "sophos"));
        assertThrows(IllegalArgumentException.class, () -> admin.setPolicy("public", "PARTNERS", "antispam.positive.threshold", "101"));
        assertThrows(IllegalArgumentException.class, () -> admin.setPolicy("public", "PARTNERS", "antispam.suspected.threshold", "10"));
        assertThrows(IllegalArgumentException.class, () -> admin.setPolicy("public", "PARTNERS", "smtp.auth", "sometimes"));
        assertEquals(writes, cm.writes);
    }

    @Test
    void badEntriesAreRefusedAndNothingChanges() {
        int writes = cm.writes;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> admin.addEntries("public", "WHITELIST", List.of("10.1.1.1", "10.1.1.300")));
        assertTrue(e.getMessage().contains("10.1.1.300"), e.getMessage());
        assertEquals(writes, cm.writes);
        assertEquals(List.of(), admin.group("public", "WHITELIST").entries());
        assertThrows(IllegalArgumentException.class, () -> admin.addGroup("public", "X", "NOSUCH", null, null));
        assertThrows(IllegalArgumentException.class, () -> admin.addGroup("public", "BLACKLIST", "BLOCKED", null, null));
        assertThrows(IllegalArgumentException.class, () -> admin.setPolicy("public", "THROTTLED", "tls", "sometimes"));
        assertThrows(IllegalArgumentException.class, () -> admin.setPolicy("public", "THROTTLED", "colour", "red"));
        assertThrows(IllegalArgumentException.class, () -> admin.moveGroup("public", "ALL", "NOSUCH", null, false));
        assertThrows(IllegalArgumentException.class, () -> admin.moveGroup("public", "ALL", "WHITELIST", "BLACKLIST", false));
        assertEquals(writes, cm.writes);
    }

    @Test
    void policiesInheritUntilSetAndCannotBeDeletedWhileUsed() {
        HatAdministration.ParameterRow size = row(admin.policy("public", "ACCEPTED"), "max.message.size");
        assertTrue(size.inherited());
        admin.setPolicy("public", "ACCEPTED", "max.message.size", "2000000");
        size = row(admin.policy("public", "ACCEPTED"), "max.message.size");
        assertFalse(size.inherited());
        assertEquals("2000000", size.value());
        admin.setPolicy("public", "ACCEPTED", "max.message.size", null);
        assertEquals("10485760", row(admin.policy("public", "ACCEPTED"), "max.message.size").value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> admin.deletePolicy("public", "ACCEPTED"));
        assertTrue(e.getMessage().contains("UNKNOWNLIST"), e.getMessage());
        admin.addPolicy("public", "SPARE", "TCPREFUSE");
        admin.deletePolicy("public", "SPARE");
        assertEquals(4, admin.policies("public").size());
    }

    @Test
    void ratEditsKeepTheFinalRejectAll() {
        admin.addRat("public", "postmaster@ ACCEPT bypass-throttling", 0);
        admin.addRat("public", "old@example.com REJECT 550 5.1.1 Gone", null);
        List<String> entries = admin.rat("public").stream().map(HatAdministration.RatRow::entry).toList();
        assertEquals(List.of("postmaster@ ACCEPT bypass-throttling", "example.com ACCEPT",
                "old@example.com REJECT 550 5.1.1 Gone", "ALL REJECT " + RatEntry.RELAY_DENIED), entries);
        assertThrows(IllegalArgumentException.class, () -> admin.deleteRat("public", "ALL"));
        assertThrows(IllegalArgumentException.class, () -> admin.addRat("public", "ALL ACCEPT", null));
        assertThrows(IllegalArgumentException.class, () -> admin.addRat("public", "example.com ACCEPT", null));
        assertThrows(IllegalArgumentException.class, () -> admin.addRat("private", "example.com ACCEPT", null));
        admin.deleteRat("public", "example.com");
        assertEquals(3, admin.rat("public").size());
        assertTrue(compiled().get("public").usable());
    }

    private static HatAdministration.ParameterRow row(List<HatAdministration.ParameterRow> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
