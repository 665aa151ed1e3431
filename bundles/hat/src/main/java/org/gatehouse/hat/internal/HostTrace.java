package org.gatehouse.hat.internal;

import java.util.List;

import org.gatehouse.api.HostDecision;

/**
 * Why a host gets its decision: what {@code hat-test} prints.
 *
 * @param decision  what the listener would get
 * @param effective the policy with the source of every parameter, or null when the listener has no usable HAT
 * @param passed    groups that matched but whose policy said CONTINUE, as {@code GROUP (entry)}
 * @param status    the host's hourly counters right now
 */
public record HostTrace(String listener, HostDecision decision, EffectivePolicy effective, List<String> passed, HostStatus status) {
}
