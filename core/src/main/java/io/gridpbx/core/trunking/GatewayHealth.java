package io.gridpbx.core.trunking;

/**
 * What the OPTIONS probes of one gateway found, shared by every node: a gateway is {@link State#UP}
 * until {@link #FAILURES_TO_FALL} probes in a row go unanswered (or answered 5xx), then
 * {@link State#DOWN}; its first answer makes it {@link State#RECOVERING}, and {@link #ANSWERS_TO_RISE}
 * answers in a row make it up again. Only an up gateway takes calls, so one lucky answer from a
 * flapping carrier does not send it calls again.
 *
 * @param streak      probes in a row with the same outcome as the last one
 * @param sinceMillis when the gateway entered its state
 * @param lastStatus  the last probe's answer, 408 when none came
 */
public record GatewayHealth(String gatewayId, State state, int streak, long sinceMillis, int lastStatus) {

    public enum State { UP, DOWN, RECOVERING }

    public static final int FAILURES_TO_FALL = 2;
    public static final int ANSWERS_TO_RISE = 2;
    private static final int MAX_STREAK = 10;

    /** A gateway no probe has answered yet counts as up: a new trunk takes calls at once. */
    public static GatewayHealth unknown(String gatewayId, long nowMillis) {
        return new GatewayHealth(gatewayId, State.UP, 0, nowMillis, 0);
    }

    /** Whether a probe's answer means the gateway lives: any final answer below 500. */
    public static boolean alive(int status) {
        return status >= 200 && status < 500 && status != 408;
    }

    /** The health after one more probe answered with {@code status} (408 when silent). */
    public GatewayHealth after(int status, long nowMillis) {
        boolean answered = alive(status);
        boolean lastAnswered = lastStatus == 0 || alive(lastStatus);
        // Counted up to a bound: past it a steady gateway's probes change nothing and write nothing.
        int run = answered == lastAnswered ? Math.min(streak + 1, MAX_STREAK) : 1;
        State next = switch (state) {
            case UP -> answered || run < FAILURES_TO_FALL ? State.UP : State.DOWN;
            case DOWN -> answered ? (ANSWERS_TO_RISE <= 1 ? State.UP : State.RECOVERING) : State.DOWN;
            case RECOVERING -> !answered ? State.DOWN : run >= ANSWERS_TO_RISE ? State.UP : State.RECOVERING;
        };
        return new GatewayHealth(gatewayId, next, run, next == state ? sinceMillis : nowMillis, status);
    }

    public boolean takesCalls() {
        return state == State.UP;
    }
}
