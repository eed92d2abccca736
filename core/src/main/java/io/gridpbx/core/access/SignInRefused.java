package io.gridpbx.core.access;

/** A sign-in that did not succeed; the reason is shown to the person, never which part was wrong. */
public final class SignInRefused extends RuntimeException {

    public enum Reason { BAD_CREDENTIALS, LOCKED }

    private final Reason reason;

    public SignInRefused(Reason reason) {
        super(reason == Reason.LOCKED ? "account locked after repeated failures; try again later"
                : "unknown email or wrong password");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
