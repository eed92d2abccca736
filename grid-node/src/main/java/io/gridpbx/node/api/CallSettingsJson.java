package io.gridpbx.node.api;

import io.gridpbx.core.tenancy.CallSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What a user chose for its incoming calls, as shown with the user. */
record CallSettingsJson(
        boolean doNotDisturb,
        boolean callWaiting,
        @Schema(description = "number or sip: URI every call goes to") @Nullable String forwardUnconditional,
        @Nullable String forwardBusy,
        @Nullable String forwardNoAnswer,
        @Schema(description = "seconds of ringing before the no-answer forward") int noAnswerSeconds) {

    static CallSettingsJson of(CallSettings s) {
        return new CallSettingsJson(s.doNotDisturb(), s.callWaiting(), s.forwardUnconditional(), s.forwardBusy(),
                s.forwardNoAnswer(), s.noAnswerSeconds());
    }
}
