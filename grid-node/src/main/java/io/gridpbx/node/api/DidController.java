package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.DidAdmin;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DID inventory as the token's level sees it: the platform adds ranges and assigns to resellers,
 * a reseller assigns its numbers to clients, a client points its numbers at extensions.
 */
@RestController
@RequestMapping("/api/v1/dids")
@Tag(name = "DIDs")
class DidController {

    private final DidAdmin dids;

    DidController(DidAdmin dids) {
        this.dids = dids;
    }

    record RangeRequest(@Nullable String first, @Nullable String count) {
    }

    /** @param target a reseller realm (platform) or client domain (reseller); null takes the numbers back */
    record AssignRequest(@Nullable List<String> numbers, @Nullable String target) {
    }

    record DestinationRequest(@Nullable String extension) {
    }

    @GetMapping
    PageJson<Did> list(Actor actor, @ParameterObject ListQuery query) {
        return PageJson.of(dids.list(actor.scope(), query.search(), query.first(), query.size()), d -> d);
    }

    @PostMapping("/ranges")
    ResponseEntity<List<Did>> addRange(Actor actor, @RequestBody RangeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dids.addRange(actor.scope(),
                request.first() == null ? "" : request.first(), request.count() == null ? "" : request.count()));
    }

    @PostMapping("/assignments")
    List<Did> assign(Actor actor, @RequestBody AssignRequest request) {
        return dids.assign(actor.scope(), request.numbers() == null ? List.of() : request.numbers(), request.target());
    }

    @GetMapping("/{number}")
    Did get(Actor actor, @PathVariable String number) {
        return dids.get(actor.scope(), number);
    }

    @PutMapping("/{number}/destination")
    Did route(Actor actor, @PathVariable String number, @RequestBody DestinationRequest request) {
        return dids.route(actor.scope(), number, request.extension());
    }

    @DeleteMapping("/{number}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String number) {
        dids.delete(actor.scope(), number);
        return ResponseEntity.noContent().build();
    }
}
