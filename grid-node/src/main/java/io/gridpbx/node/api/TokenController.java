package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API tokens of the calling token's scope: listed without secrets, created (secret shown once), revoked. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens")
class TokenController {

    private final ApiTokens tokens;
    private final Impersonation impersonation;

    TokenController(ApiTokens tokens, Impersonation impersonation) {
        this.tokens = tokens;
        this.impersonation = impersonation;
    }

    @GetMapping
    PageJson<TokenJson> list(Actor actor, @ParameterObject ListQuery query) {
        String needle = query.search().trim().toLowerCase(Locale.ROOT);
        return PageJson.of(Page.of(tokens.list(actor), t -> matches(t, needle),
                Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id), query.first(), query.size()),
                TokenJson::of);
    }

    @PostMapping
    ResponseEntity<IssuedTokenJson> create(Actor actor, @RequestBody TokenRequest request) {
        ApiTokens.Issued issued = request.scope() == null || request.scope().isBlank()
                ? tokens.create(actor, request.labelOrBlank())
                : impersonation.tokenFor(actor, scope(request.scope()), request.labelOrBlank(), tokens);
        return Created.at("/api/v1/tokens/{id}", issued.token().id(), IssuedTokenJson.of(issued));
    }

    @GetMapping("/{id}")
    TokenJson get(Actor actor, @PathVariable String id) {
        return tokens.list(actor).stream().filter(t -> t.id().equals(id)).findFirst().map(TokenJson::of)
                .orElseThrow(() -> new NotFoundException("token", id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable String id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }

    private static Scope scope(String text) {
        try {
            return Scope.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("scope", "scope.invalid",
                    "level:tenant, e.g. user:202@office.demo.gridpbx.test"));
        }
    }

    private static boolean matches(ApiToken t, String needle) {
        return needle.isEmpty() || t.id().contains(needle) || t.label().toLowerCase(Locale.ROOT).contains(needle);
    }
}
