package org.gatehouse.smtplistener.internal;

import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostAccess;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.RecipientCheck;
import org.gatehouse.api.SmtpAuth;
import org.gatehouse.api.TlsLevel;

/**
 * A HAT for tests: every host gets one policy; the RAT accepts example.com only, unless the
 * decision it is given relays (as the hat bundle's RAT does).
 */
final class TestPolicyAccess implements HostAccess {

    private final MailFlowPolicy policy;

    TestPolicyAccess(TlsLevel tls, SmtpAuth auth) {
        this.policy = new MailFlowPolicy("TEST", AccessRule.ACCEPT, 0, 0, 0, 0, "", 554, "", tls, 0, "", 0, "",
                Set.of(), auth, Map.of());
    }

    @Override
    public HostDecision decide(String listener, String remoteIp) {
        return new HostDecision("TESTLIST", "ALL", policy, remoteIp, null, false, null);
    }

    @Override
    public RecipientCheck checkRecipient(String listener, boolean publicListener, HostDecision host, String address) {
        if (!publicListener || host.policy().access() == AccessRule.RELAY || address.endsWith("@example.com")) {
            return RecipientCheck.accept();
        }
        return RecipientCheck.refuse(BuiltInHostAccess.RELAY_DENIED, "ALL");
    }
}
