package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A new provisioning secret for a user's desk phone, as the user page issues it: shown once. */
@RestController
@Tag(name = "users")
class PhoneSecretController {

    private final UserAdmin users;
    private final PhoneProvisioning phones;

    PhoneSecretController(UserAdmin users, PhoneProvisioning phones) {
        this.users = users;
        this.phones = phones;
    }

    @PostMapping("/api/v1/users/{aor}/phone-secret")
    @Operation(summary = "issue a new provisioning secret for the user's phone (its MAC); the previous one stops working")
    ResponseEntity<PhoneSecretJson> issue(Actor actor,
            @Parameter(example = "202@office.demo.gridpbx.test") @PathVariable String aor) {
        var user = users.get(actor.scope(), aor);
        String secret = phones.issueSecret(actor.scope(), actor.email(), user.addressOfRecord());
        return ResponseEntity.status(HttpStatus.CREATED).body(new PhoneSecretJson(user.mac(), secret,
                "/prov/"));
    }

    record PhoneSecretJson(@Schema(description = "the phone's MAC: the HTTP Basic user it fetches with") String mac,
            @Schema(description = "the HTTP Basic password; it cannot be shown again") String secret,
            @Schema(description = "the path the phone fetches its vendor's files under") String provisioningPath) {
    }
}
