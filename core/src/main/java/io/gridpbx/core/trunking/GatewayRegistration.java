package io.gridpbx.core.trunking;

/**
 * How a gateway's registration at its carrier stands (RFC 3261 section 10), as the node that keeps it
 * last wrote it: every node and the admin read it from the grid.
 *
 * @param node        the node that registers the gateway (or tried to)
 * @param lastStatus  the final answer to its last REGISTER, 408 when none came
 * @param untilMillis when the carrier's binding lapses unless refreshed; 0 when it never granted one
 * @param atMillis    when the last REGISTER was answered
 */
public record GatewayRegistration(String gatewayId, State state, String node, int lastStatus, long untilMillis,
        long atMillis) {

    public enum State {
        /** The carrier accepted the last REGISTER. */
        REGISTERED,
        /** The last REGISTER was refused or went unanswered; another is tried later. */
        FAILED
    }

    public boolean registered() {
        return state == State.REGISTERED;
    }
}
