package io.gridpbx.node.web;

import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.node.NodeProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's bulk provisioning path: resellers, clients and ranges of users, behind the
 * operator token ({@code gridpbx.api.operator-token}). Without a configured token it answers 404.
 */
@RestController
@RequestMapping("/api/v1/provisioning")
class ProvisioningController {

    private final TenantProvisioning provisioning;
    private final TenantDirectory directory;
    private final byte @Nullable [] token;

    ProvisioningController(TenantProvisioning provisioning, TenantDirectory directory, NodeProperties properties) {
        this.provisioning = provisioning;
        this.directory = directory;
        String configured = properties.api().operatorToken();
        this.token = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    record ResellerRequest(String realm, String name) {
    }

    record ClientRequest(String domain, String name, String resellerRealm) {
    }

    record UserRangeRequest(String domain, int firstExtension, int count, String passwordPrefix) {
    }

    @PostMapping("/resellers")
    ResponseEntity<?> reseller(@RequestHeader(value = "Authorization", required = false) @Nullable String auth,
            @RequestBody ResellerRequest request) {
        return guarded(auth, () -> {
            if (directory.reseller(request.realm()).isPresent()) {
                return Map.of("realm", request.realm(), "created", false);
            }
            return Map.of("realm", provisioning.createReseller(request.realm(), request.name()).realm(),
                    "created", true);
        });
    }

    @PostMapping("/clients")
    ResponseEntity<?> client(@RequestHeader(value = "Authorization", required = false) @Nullable String auth,
            @RequestBody ClientRequest request) {
        return guarded(auth, () -> {
            if (directory.client(request.domain()).isPresent()) {
                return Map.of("domain", request.domain(), "created", false);
            }
            return Map.of("domain", provisioning.createClient(request.domain(), request.name(),
                    request.resellerRealm()).domain(), "created", true);
        });
    }

    @PostMapping("/user-ranges")
    ResponseEntity<?> users(@RequestHeader(value = "Authorization", required = false) @Nullable String auth,
            @RequestBody UserRangeRequest request) {
        return guarded(auth, () -> Map.of("created", provisioning.createUserRange(request.domain(),
                request.firstExtension(), request.count(), request.passwordPrefix())));
    }

    private ResponseEntity<?> guarded(@Nullable String auth, java.util.function.Supplier<Map<String, Object>> action) {
        if (token == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "provisioning is disabled"));
        }
        String prefix = "Bearer ";
        if (auth == null || !auth.startsWith(prefix) || !MessageDigest.isEqual(token,
                auth.substring(prefix.length()).getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "operator token required"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(action.get());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(NullPointerException.class)
    ResponseEntity<Map<String, String>> missing(NullPointerException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "a required field is missing"));
    }
}
