/**
 * Owns the listening sockets of every SMTP listener, apart from the listener bundle, so that a
 * listener can be updated in place without refusing a connection: while no version serves a
 * port, new connections queue in the kernel's accept queue. A socket nobody claims back within
 * the hand-over time closes, so a listener that is gone for good does not leave a silent port.
 * This bundle is kept deliberately tiny and is not meant to be updated under load.
 */
package org.gatehouse.sockets.internal;
