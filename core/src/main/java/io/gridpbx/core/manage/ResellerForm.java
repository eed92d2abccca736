package io.gridpbx.core.manage;

import org.jspecify.annotations.Nullable;

/**
 * A reseller as typed in a form or posted to the API. Texts are raw; the service validates them.
 *
 * @param password the reseller's first portal password; on an edit, blank keeps the current one
 * @param balance  on create, the opening balance in the platform currency (its first top-up; blank for
 *                 none); on an edit, blank: a balance changes by top-ups only
 */
public record ResellerForm(@Nullable String realm, @Nullable String name, @Nullable String email,
        @Nullable String discountPercent, @Nullable String language, @Nullable String password,
        @Nullable String balance) {
}
