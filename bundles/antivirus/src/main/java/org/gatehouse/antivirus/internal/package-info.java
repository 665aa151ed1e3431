/**
 * Anti-virus: owns virus scanning of messages (pipeline band 400, gated by the {@code antivirus}
 * feature). The embedded scanner ({@link org.gatehouse.antivirus.internal.ContentScanner})
 * decodes MIME parts (base64, quoted-printable, uuencode, BinHex, TNEF), opens archives with
 * Apache Commons Compress (zip, 7z, tar, gzip, bzip2, xz, cpio, arj, ar; nested) within limits
 * that turn hostile input into an {@code unscannable} verdict, and matches ClamAV-format
 * signatures (.hdb/.hsb/.ndb/.db/.ign2/.cvd) with one pass over every object (a four-byte prefix
 * index of the signatures' anchors, an Aho-Corasick automaton for the short ones). The
 * database is swapped whole on update ({@link org.gatehouse.antivirus.internal.SignatureStore}).
 * A clamd adapter (INSTREAM over TCP or a Unix socket) can be configured instead. Nothing is
 * exported; {@link org.gatehouse.antivirus.internal.Antivirus} is the service the console
 * commands use.
 */
package org.gatehouse.antivirus.internal;
