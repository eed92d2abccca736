package io.gridpbx.node.api;

import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.manage.ValidationException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A user as posted (create) or put (replace); the extension is read on create only. */
record UserRequest(
        @Nullable String extension,
        @Schema(description = "the SIP display name; absent or blank takes \"firstName lastName\"")
        @Nullable String displayName,
        @Schema(description = "at most 100 characters") @Nullable String firstName,
        @Schema(description = "at most 100 characters") @Nullable String lastName,
        @Schema(description = "id of one of the reseller's user profiles; absent for none")
        @Nullable String profile,
        @Schema(description = "the secret its phones register with: required on create, absent on replace keeps it")
        @Nullable String sipPassword,
        @Schema(description = "portal login (an email); absent for a user without portal access") @Nullable String login,
        @Schema(description = "portal password: required with a new login, absent on replace keeps it")
        @Nullable String portalPassword,
        @Schema(description = "en or fr; the client's when absent") @Nullable String language,
        @Nullable String department,
        @Schema(description = "desk phone MAC in any usual notation") @Nullable String mac) {

    UserForm toForm() {
        return new UserForm(extension, displayName, sipPassword, login, portalPassword, language, department, mac,
                firstName, lastName, profile);
    }

    /** The core calls the login "email"; a client must read the name of the field it sent. */
    static ValidationException inRequestTerms(ValidationException e) {
        return new ValidationException(e.errors().stream()
                .map(f -> f.field().equals("email") ? FieldError.of("login", f.code(), f.message()) : f).toList());
    }
}
