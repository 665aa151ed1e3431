package org.gatehouse.licensing.internal;

import java.time.Instant;
import org.gatehouse.licensing.internal.FeatureKeyException.Reason;

/**
 * Decides whether this installation accepts a key: well-formed, signed by a trusted vendor
 * key, bound to this installation, and (for a new install) not entirely expired.
 */
public final class FeatureKeyVerifier {

    private final TrustedSigners signers;
    private final String installation;

    public FeatureKeyVerifier(TrustedSigners signers, String installation) {
        this.signers = signers;
        this.installation = installation;
    }

    /** Checks a key offered for installation at {@code now}. */
    public SignedFeatureKey verifyNew(String text, Instant now) throws FeatureKeyException {
        SignedFeatureKey key = verifyStored(text);
        if (key.key().expiredAt(now)) {
            throw new FeatureKeyException(Reason.EXPIRED, "every feature of key " + key.key().keyId()
                    + " has expired (last on " + key.key().lastExpiry() + ")");
        }
        return key;
    }

    /** Checks a key already installed: an expired one is kept, to be listed as expired. */
    public SignedFeatureKey verifyStored(String text) throws FeatureKeyException {
        SignedFeatureKey key = FeatureKeyFormat.read(text);
        signers.check(key);
        if (!installation.equals(key.key().installation())) {
            throw new FeatureKeyException(Reason.OTHER_INSTALLATION, "key " + key.key().keyId()
                    + " is bound to installation " + key.key().installation()
                    + ", this is " + installation);
        }
        return key;
    }
}
