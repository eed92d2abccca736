package io.gridpbx.core.manage;

import org.jspecify.annotations.Nullable;

/**
 * What a user sets for its own incoming calls and screens.
 *
 * @param forwardUnconditional a number or SIP URI every call goes to; blank for none
 * @param noAnswerSeconds      how long to ring before the no-answer forward, 5 to 300
 */
public record SettingsForm(boolean doNotDisturb, boolean callWaiting, @Nullable String forwardUnconditional,
        @Nullable String forwardBusy, @Nullable String forwardNoAnswer, @Nullable String noAnswerSeconds,
        @Nullable String language) {
}
