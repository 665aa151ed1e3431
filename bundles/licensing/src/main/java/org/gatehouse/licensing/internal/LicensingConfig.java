package org.gatehouse.licensing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Config PID {@code org.gatehouse.licensing} (etc/org.gatehouse.licensing.cfg). */
@ObjectClassDefinition(name = "Gatehouse licensing",
        description = "Feature keys: the vendor keys trusted to sign them, the evaluation period, and what each feature unlocks.")
public @interface LicensingConfig {

    @AttributeDefinition(name = "Trusted vendor keys",
            description = "Ed25519 public keys allowed to sign feature keys: base64 of the raw 32 bytes (comma list) or PEM PUBLIC KEY.")
    String[] trusted_keys() default {};

    @AttributeDefinition(name = "Evaluation days",
            description = "Length of the one evaluation of every feature a new installation gets; 0 for none.")
    int evaluation_days() default 30;

    @AttributeDefinition(name = "Evaluated features",
            description = "Comma list of the features the evaluation covers.")
    String evaluation_features() default "antispam,antivirus,reputation,filters,encryption";

    @AttributeDefinition(name = "Karaf features",
            description = "Comma list of feature=karaf-feature for features whose Karaf feature is not gatehouse-<feature>.")
    String karaf_features() default "";

    @AttributeDefinition(name = "Warning days",
            description = "Comma list of how many days before expiry to warn in the mail log.")
    String warning_days() default "30,15,5";

    @AttributeDefinition(name = "Key folder",
            description = "Folder of installed keys, the installation id and the evaluation record; empty: ${karaf.etc}/featurekeys.")
    String directory() default "";
}
