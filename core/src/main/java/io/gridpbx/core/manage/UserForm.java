package io.gridpbx.core.manage;

import org.jspecify.annotations.Nullable;

/**
 * A user as typed or posted.
 *
 * @param sipPassword    the secret its phones register with; required on create, blank on an edit keeps it
 * @param email          the user's portal login; blank for a user without portal access
 * @param portalPassword the portal password; required with a new login, blank on an edit keeps it
 */
public record UserForm(@Nullable String extension, @Nullable String displayName, @Nullable String sipPassword,
        @Nullable String email, @Nullable String portalPassword, @Nullable String language,
        @Nullable String department, @Nullable String mac) {
}
