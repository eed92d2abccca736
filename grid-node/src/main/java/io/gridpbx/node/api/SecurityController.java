package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanAdmin;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The SIP edge's bans and lockouts, and the allow-list: the platform only. */
@RestController
@RequestMapping("/api/v1/security")
@Tag(name = "security")
class SecurityController {

    private final BanAdmin bans;

    SecurityController(BanAdmin bans) {
        this.bans = bans;
    }

    /** A ban ({@code user} null) or a lockout of a source for one user. */
    record BanJson(String address, @Nullable String user, String reason, String since, String until, String node) {
        static BanJson of(Ban ban) {
            return new BanJson(ban.address(), ban.user(), ban.reason().name(), ban.since().toString(),
                    ban.until().toString(), ban.node());
        }
    }

    /** The operator's allow-list: addresses and CIDRs. */
    record AllowListJson(@Nullable List<String> entries) {
    }

    @GetMapping("/bans")
    List<BanJson> bans(Actor actor) {
        return bans.active(actor).stream().map(BanJson::of).toList();
    }

    /** Lifts the ban of a source and its lockouts, on every node. */
    @DeleteMapping("/bans/{address}")
    ResponseEntity<Void> unban(Actor actor, @PathVariable String address) {
        bans.unban(actor, address);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/allow-list")
    AllowListJson allowList(Actor actor) {
        return new AllowListJson(bans.allowList(actor));
    }

    @PutMapping("/allow-list")
    AllowListJson replaceAllowList(Actor actor, @RequestBody AllowListJson body) {
        return new AllowListJson(bans.saveAllowList(actor, body.entries() == null ? List.of() : body.entries()));
    }
}
