/**
 * The mail log: every connection, message and delivery event, written by one background
 * thread to {@code mail.log} (the familiar ICID/MID/RID/DCID lines) and {@code mail.json} (the
 * same events as JSON lines, one object per event, for SIEMs). Mail flow never waits for it.
 */
package org.gatehouse.maillog.internal;
