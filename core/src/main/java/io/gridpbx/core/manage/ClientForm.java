package io.gridpbx.core.manage;

import org.jspecify.annotations.Nullable;

/**
 * A client as typed or posted.
 *
 * @param domain   the client's SIP domain, or only its first label (completed with the reseller's realm)
 * @param reseller the reseller realm; needed only when the platform acts, a reseller always creates under itself
 * @param password the client admin's first portal password; on an edit, blank keeps it
 */
public record ClientForm(@Nullable String domain, @Nullable String reseller, @Nullable String name,
        @Nullable String email, @Nullable String language, @Nullable String password,
        @Nullable String maxContactsPerUser) {
}
