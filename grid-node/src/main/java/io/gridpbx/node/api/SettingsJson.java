package io.gridpbx.node.api;

import io.gridpbx.core.manage.SettingsForm;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.User;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A user's own settings, read and replaced by the user itself. On a replace, an absent switch, number
 * of seconds or language keeps its value; an absent forward means no forward.
 */
record SettingsJson(
        @Nullable Boolean doNotDisturb,
        @Nullable Boolean callWaiting,
        @Schema(description = "number or sip: URI every call goes to") @Nullable String forwardUnconditional,
        @Nullable String forwardBusy,
        @Nullable String forwardNoAnswer,
        @Schema(description = "5 to 300") @Nullable Integer noAnswerSeconds,
        @Schema(description = "en or fr") @Nullable String language) {

    static SettingsJson of(User user) {
        CallSettings s = user.callSettings();
        return new SettingsJson(s.doNotDisturb(), s.callWaiting(), s.forwardUnconditional(), s.forwardBusy(),
                s.forwardNoAnswer(), s.noAnswerSeconds(), user.language());
    }

    SettingsForm toForm(User current) {
        CallSettings now = current.callSettings();
        return new SettingsForm(doNotDisturb == null ? now.doNotDisturb() : doNotDisturb,
                callWaiting == null ? now.callWaiting() : callWaiting, forwardUnconditional, forwardBusy, forwardNoAnswer,
                Amounts.typed(noAnswerSeconds), language);
    }
}
