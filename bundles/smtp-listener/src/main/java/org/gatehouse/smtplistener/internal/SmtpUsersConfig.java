package org.gatehouse.smtplistener.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The SMTP AUTH accounts (PID {@code org.gatehouse.smtpauth}). */
@ObjectClassDefinition(id = "org.gatehouse.smtpauth", name = "Gatehouse SMTP AUTH users",
        description = "Where the accounts that may authenticate on the listeners are kept, and how they are hashed.")
public @interface SmtpUsersConfig {

    @AttributeDefinition(description = "The users file (one user a line, PBKDF2 hashes); "
            + "empty: ${karaf.etc}/gatehouse-smtp-users. Reread when it changes", required = false)
    String users_file() default "";

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new passwords (existing hashes keep theirs)")
    int pbkdf2_iterations() default 600000;
}
