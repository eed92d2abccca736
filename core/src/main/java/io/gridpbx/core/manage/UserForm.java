package io.gridpbx.core.manage;

import org.jspecify.annotations.Nullable;

/**
 * A user as typed or posted.
 *
 * @param displayName    the SIP display name; blank takes "first last" when a name is given
 * @param sipPassword    the secret its phones register with; required on create, blank on an edit keeps it
 * @param email          the user's portal login; blank for a user without portal access
 * @param portalPassword the portal password; required with a new login, blank on an edit keeps it
 * @param profile        the id of one of the reseller's user profiles; blank for none
 */
public record UserForm(@Nullable String extension, @Nullable String displayName, @Nullable String sipPassword,
        @Nullable String email, @Nullable String portalPassword, @Nullable String language,
        @Nullable String department, @Nullable String mac, @Nullable String firstName, @Nullable String lastName,
        @Nullable String profile) {

    /** A form without names or profile (a user keeps none of them when saved with it). */
    public UserForm(@Nullable String extension, @Nullable String displayName, @Nullable String sipPassword,
            @Nullable String email, @Nullable String portalPassword, @Nullable String language,
            @Nullable String department, @Nullable String mac) {
        this(extension, displayName, sipPassword, email, portalPassword, language, department, mac, null, null, null);
    }
}
