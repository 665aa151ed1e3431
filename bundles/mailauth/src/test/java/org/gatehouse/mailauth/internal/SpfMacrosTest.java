package org.gatehouse.mailauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The macro examples of RFC 7208 section 7.4. */
class SpfMacrosTest {

    private static final SpfMacros.Facts V4 = new SpfMacros.Facts("strong-bad@email.example.com",
            IpAddresses.parse("192.0.2.3"), "mx.example.org", "gatehouse.test", () -> "mx.example.org");
    private static final SpfMacros.Facts V6 = new SpfMacros.Facts("strong-bad@email.example.com",
            IpAddresses.parse("2001:db8::cb01"), "mx.example.org", "gatehouse.test", () -> "unknown");

    private static String expand(String spec) throws SpfException {
        return SpfMacros.expand(spec, V4, "email.example.com", false);
    }

    @Test
    void rfc7208Examples() throws SpfException {
        assertEquals("strong-bad@email.example.com", expand("%{s}"));
        assertEquals("email.example.com", expand("%{o}"));
        assertEquals("email.example.com", expand("%{d}"));
        assertEquals("email.example.com", expand("%{d4}"));
        assertEquals("email.example.com", expand("%{d3}"));
        assertEquals("example.com", expand("%{d2}"));
        assertEquals("com", expand("%{d1}"));
        assertEquals("com.example.email", expand("%{dr}"));
        assertEquals("example.email", expand("%{d2r}"));
        assertEquals("strong-bad", expand("%{l}"));
        assertEquals("strong.bad", expand("%{l-}"));
        assertEquals("strong-bad", expand("%{lr}"));
        assertEquals("bad.strong", expand("%{lr-}"));
        assertEquals("strong", expand("%{l1r-}"));
        assertEquals("3.2.0.192.in-addr._spf.example.com", expand("%{ir}.%{v}._spf.%{d2}"));
        assertEquals("bad.strong.lp._spf.example.com", expand("%{lr-}.lp._spf.%{d2}"));
        assertEquals("bad.strong.lp.3.2.0.192.in-addr._spf.example.com", expand("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}"));
        assertEquals("3.2.0.192.in-addr.strong.lp._spf.example.com", expand("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}"));
        assertEquals("example.com.trusted-domains.example.net", expand("%{d2}.trusted-domains.example.net"));
        assertEquals("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
                SpfMacros.expand("%{ir}.%{v}._spf.%{d2}", V6, "email.example.com", false));
    }

    @Test
    void escapesAndUpperCaseAndValidatedName() throws SpfException {
        assertEquals("a%b c%20d", expand("a%%b%_c%-d"));
        assertEquals("strong-bad%40email.example.com", expand("%{S}"));
        assertEquals("mx.example.org", expand("%{p}"));
        assertEquals("mx.example.org", expand("%{h}"));
    }

    @Test
    void explanationOnlyLettersAndBadMacrosArePermErrors() throws SpfException {
        assertEquals("192.0.2.3 via gatehouse.test", SpfMacros.expand("%{c} via %{r}", V4, "email.example.com", true));
        assertEquals(SpfResult.PERMERROR, assertThrows(SpfException.class, () -> expand("%{c}")).result());
        assertEquals(SpfResult.PERMERROR, assertThrows(SpfException.class, () -> expand("%{x}")).result());
        assertEquals(SpfResult.PERMERROR, assertThrows(SpfException.class, () -> expand("%{d0}")).result());
        assertEquals(SpfResult.PERMERROR, assertThrows(SpfException.class, () -> expand("50%")).result());
        assertEquals(SpfResult.PERMERROR, assertThrows(SpfException.class, () -> expand("%{d")).result());
    }
}
