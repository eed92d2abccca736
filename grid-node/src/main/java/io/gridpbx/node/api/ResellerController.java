package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.tenancy.Reseller;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's resellers: the platform manages them, a reseller reads itself. */
@RestController
@RequestMapping("/api/v1/resellers")
@Tag(name = "resellers")
class ResellerController {

    private final ResellerAdmin resellers;

    ResellerController(ResellerAdmin resellers) {
        this.resellers = resellers;
    }

    @GetMapping
    PageJson<ResellerJson> list(Actor actor, @ParameterObject ListQuery query) {
        return PageJson.of(resellers.list(actor.scope(), query.search(), query.first(), query.size()), ResellerJson::of);
    }

    /** A {@code balance} in the body is the opening balance: the reseller's first top-up, audited. */
    @PostMapping
    ResponseEntity<ResellerJson> create(Actor actor, @RequestBody ResellerRequest request) {
        Reseller created = resellers.create(actor, request.toForm());
        return Created.at("/api/v1/resellers/{realm}", created.realm(),
                ResellerJson.of(resellers.row(actor.scope(), created.realm())));
    }

    @GetMapping("/{realm}")
    ResellerJson get(Actor actor, @PathVariable String realm) {
        return ResellerJson.of(resellers.row(actor.scope(), realm));
    }

    /** A {@code balance} in the body is refused: a balance changes by top-ups ({@code /api/v1/balances}). */
    @PutMapping("/{realm}")
    ResellerJson replace(Actor actor, @PathVariable String realm, @RequestBody ResellerRequest request) {
        Reseller updated = resellers.update(actor.scope(), realm, request.toForm());
        return ResellerJson.of(resellers.row(actor.scope(), updated.realm()));
    }

    @DeleteMapping("/{realm}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String realm) {
        resellers.delete(actor.scope(), realm);
        return ResponseEntity.noContent().build();
    }
}
