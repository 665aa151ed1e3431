/**
 * Anti-virus: owns virus scanning of messages (pipeline band 400, gated by the {@code antivirus}
 * feature). The embedded scanner ({@link org.gatehouse.antivirus.internal.ContentScanner})
 * decodes MIME parts (base64, quoted-printable, uuencode, BinHex, TNEF), opens archives with
 * Apache Commons Compress (zip, 7z, tar, gzip, bzip2, xz, cpio, arj, ar; nested) within limits
 * that turn hostile input into an {@code unscannable} verdict, and matches ClamAV-format
 * signatures (.hdb/.hsb/.ndb/.db/.ign2/.cvd) with one pass over every object (a four-byte prefix
 * index of the signatures' anchors, an Aho-Corasick automaton for the short ones). The
 * database is swapped whole on update ({@link org.gatehouse.antivirus.internal.SignatureStore}).
 * A clamd adapter (INSTREAM over TCP or a Unix socket) is there whenever clamd has an address;
 * the configured engine is the default and a mail flow policy may pick the other. The stage's
 * actions per verdict ({@link org.gatehouse.antivirus.internal.VerdictActions}) include strip
 * (infected parts cut out, {@link org.gatehouse.antivirus.internal.PartStripper}) and notice
 * (the message attached to a new one, {@link org.gatehouse.antivirus.internal.VirusNotice});
 * notifications go out as new mail through the spool
 * ({@link org.gatehouse.antivirus.internal.VirusNotifications}). Nothing is
 * exported; {@link org.gatehouse.antivirus.internal.Antivirus} is the service the console
 * commands use.
 */
package org.gatehouse.antivirus.internal;
