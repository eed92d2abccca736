package io.gridpbx.node.api;

import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.tenancy.User;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A user as the API shows it; its SIP secret and portal password never leave the node. */
record UserJson(
        @Schema(description = "extension@domain, the key of /api/v1/users/{aor}") String aor,
        String extension,
        String domain,
        @Schema(description = "the SIP display name its calls show") String displayName,
        @Nullable String firstName,
        @Nullable String lastName,
        @Schema(description = "id of one of the reseller's user profiles, see /api/v1/clients/{domain}/user-profiles")
        @Nullable String profile,
        @Schema(description = "the name of that profile") @Nullable String profileName,
        String language,
        @Nullable String department,
        @Schema(description = "desk phone MAC, 12 lower-case hex digits") @Nullable String mac,
        @Schema(description = "portal login (an email), if the user has one") @Nullable String login,
        @Schema(description = "contacts registered right now, cluster-wide") int registrations,
        @Schema(description = "messages in its mailbox, see /api/v1/users/{aor}/voicemails") int voicemails,
        @Schema(description = "of those, the ones it has not played yet") int unheardVoicemails,
        CallSettingsJson callSettings) {

    static UserJson of(UserAdmin.Row row) {
        User u = row.user();
        return new UserJson(u.addressOfRecord().toString(), u.extension(), u.domain(), u.displayName(), u.firstName(),
                u.lastName(), u.profile(), row.profileName(), u.language(), u.department(), u.mac(), row.login(),
                row.registrations(), row.voicemail().total(), row.voicemail().unheard(),
                CallSettingsJson.of(u.callSettings()));
    }
}
