package io.gridpbx.core.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * What a user chose for incoming calls. The forward targets are SIP URIs or numbers; their
 * behaviour beyond do-not-disturb arrives with the PBX feature work.
 */
public record CallSettings(
        boolean doNotDisturb,
        boolean callWaiting,
        @Nullable String forwardUnconditional,
        @Nullable String forwardBusy,
        @Nullable String forwardNoAnswer,
        int noAnswerSeconds) {

    public static final CallSettings DEFAULTS = new CallSettings(false, true, null, null, null, 20);

    public CallSettings {
        if (noAnswerSeconds < 5 || noAnswerSeconds > 300) {
            throw new IllegalArgumentException("noAnswerSeconds must be between 5 and 300");
        }
    }

    public CallSettings withDoNotDisturb(boolean on) {
        return new CallSettings(on, callWaiting, forwardUnconditional, forwardBusy, forwardNoAnswer, noAnswerSeconds);
    }
}
