/**
 * The host access table of Gatehouse listeners: sender groups (ordered, first match wins) that
 * match connecting hosts by address, network, verified host name, SBRS or DNS list; mail flow
 * policies with inheritance from each listener's defaults; the recipient access table of public
 * listeners with its unremovable {@code ALL -> REJECT}; per-host hourly recipient limits and
 * directory harvest prevention shared by all listeners. One {@code HostAccess} service serves
 * every listener; configuration comes from Config Admin (factory PIDs
 * {@code org.gatehouse.hat.listener}, {@code org.gatehouse.hat.policy},
 * {@code org.gatehouse.hat.sendergroup} and the PID {@code org.gatehouse.hat}) and is edited by
 * the console commands in {@code org.gatehouse.hat.command}.
 */
package org.gatehouse.hat.internal;
