package io.gridpbx.core.dialog;

/**
 * One attempt of a call: a gateway it was sent to, or a forward it followed, with the final status it
 * got (0 when it got none: it was cancelled, or the call went on without it).
 *
 * @param kind   {@code GATEWAY} or {@code FORWARD}
 * @param target the gateway's id, or where the forward went
 * @param reason what the status meant (the reason phrase, or the forward's cause)
 */
public record CdrLeg(String kind, String target, int status, String reason) {

    public static final String GATEWAY = "GATEWAY";
    public static final String FORWARD = "FORWARD";

    public static CdrLeg gateway(String gatewayId, int status, String reason) {
        return new CdrLeg(GATEWAY, gatewayId, status, reason);
    }

    public static CdrLeg forward(String to, String cause) {
        return new CdrLeg(FORWARD, to, 0, cause);
    }
}
