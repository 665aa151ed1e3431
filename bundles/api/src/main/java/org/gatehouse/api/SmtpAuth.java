package org.gatehouse.api;

/** SMTP AUTH for a mail flow policy. */
public enum SmtpAuth {
    /** AUTH is not offered. */
    OFF,
    /** AUTH is offered (after STARTTLS); mail is taken without it too. */
    PREFERRED,
    /** MAIL is refused with 530 5.7.0 until the client has authenticated. */
    REQUIRED
}
