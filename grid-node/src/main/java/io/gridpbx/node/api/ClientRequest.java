package io.gridpbx.node.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.gridpbx.core.manage.ClientForm;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A client as posted (create) or put (replace); domain and reseller are read on create only. */
record ClientRequest(
        @Schema(description = "e.g. office.demo.gridpbx.test, or just office") @Nullable String domain,
        @Schema(description = "reseller realm; needed only when the platform creates") @Nullable String reseller,
        @Nullable String name,
        @Schema(description = "the client admin's portal login") @Nullable String email,
        @Schema(description = "en or fr; the reseller's when absent") @Nullable String language,
        @Schema(description = "portal password: required on create, absent on replace keeps it") @Nullable String password,
        @Schema(description = "1 to 100; 10 when absent") @Nullable Integer maxContactsPerUser,
        @ArraySchema(arraySchema = @Schema(description = "digest algorithms its 401/407 offer: MD5, SHA-256 or both "
                + "(listed SHA-256 first); absent or empty for the platform's default"),
                schema = @Schema(allowableValues = {"MD5", "SHA-256"}))
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> digestAlgorithms,
        @Schema(description = "when its calls' media go through the relay: always, when-nat (the phone looks NATed) "
                + "or never; absent for when-nat", allowableValues = {"always", "when-nat", "never"})
        @Nullable String mediaRelay) {

    ClientForm toForm(@Nullable String resellerFromQuery) {
        return new ClientForm(domain, reseller == null ? resellerFromQuery : reseller, name, email, language, password,
                Amounts.typed(maxContactsPerUser), digestAlgorithms, mediaRelay);
    }
}
