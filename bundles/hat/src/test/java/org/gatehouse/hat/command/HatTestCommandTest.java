package org.gatehouse.hat.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AccessRule;
import org.gatehouse.api.HostDecision;
import org.gatehouse.api.MailFlowPolicy;
import org.gatehouse.api.TlsLevel;
import org.gatehouse.hat.internal.EffectivePolicy;
import org.gatehouse.hat.internal.HostStatus;
import org.gatehouse.hat.internal.HostTrace;
import org.gatehouse.hat.internal.PolicyParameter;
import org.junit.jupiter.api.Test;

class HatTestCommandTest {

    @Test
    void saysWhyAHostIsCutOff() {
        MailFlowPolicy policy = new MailFlowPolicy("ACCEPTED", AccessRule.ACCEPT, 10_485_760L, 10, 10, 50, "", 554,
                "5.7.1 Access denied", TlsLevel.PREFERRED, 0, "452 4.5.3 Too many recipients received this hour", 5,
                "550 5.1.1 Too many invalid recipients", Set.of());
        Map<PolicyParameter, Object> values = new java.util.EnumMap<>(PolicyParameter.class);
        for (PolicyParameter p : PolicyParameter.values()) {
            values.put(p, p == PolicyParameter.MAX_INVALID_RECIPIENTS_PER_HOUR ? (Object) 5 : "x");
        }
        HostTrace trace = new HostTrace("public", new HostDecision("UNKNOWNLIST", "SBRS[none]", policy, "192.0.2.40",
                "mail.partner.test", true, null), new EffectivePolicy(policy, values,
                Set.of(PolicyParameter.MAX_INVALID_RECIPIENTS_PER_HOUR)), List.of(), new HostStatus(2, 5, 1_900_000_000_000L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HatTestCommand.print(trace, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Sender group:   UNKNOWNLIST"), out);
        assertTrue(out.contains("Matched entry:  SBRS[none]"), out);
        assertTrue(out.contains("mail.partner.test (verified)"), out);
        assertTrue(out.contains("Invalid recipients this hour: 5 of 5"), out);
        assertTrue(out.contains("CUT OFF until"), out);
        assertTrue(out.contains("policy ACCEPTED"), out);
        assertTrue(out.contains("listener public"), out);
    }
}
