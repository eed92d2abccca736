package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.tenancy.Client;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The resellers' clients: a reseller (or the platform) manages them, a client reads itself. */
@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "clients")
class ClientController {

    private final ClientAdmin clients;

    ClientController(ClientAdmin clients) {
        this.clients = clients;
    }

    @GetMapping
    PageJson<ClientJson> list(Actor actor, @ParameterObject ListQuery query,
            @Parameter(description = "only this reseller's clients") @RequestParam(required = false) @Nullable String reseller) {
        return PageJson.of(clients.list(actor.scope(), reseller, query.search(), query.first(), query.size()),
                ClientJson::of);
    }

    @PostMapping
    ResponseEntity<ClientJson> create(Actor actor, @RequestBody ClientRequest request,
            @Parameter(description = "the reseller, when the body does not name it")
            @RequestParam(required = false) @Nullable String reseller) {
        Client created = clients.create(actor.scope(), request.toForm(reseller));
        return Created.at("/api/v1/clients/{domain}", created.domain(), ClientJson.of(created));
    }

    @GetMapping("/{domain}")
    ClientJson get(Actor actor, @PathVariable String domain) {
        return ClientJson.of(clients.get(actor.scope(), domain));
    }

    @PutMapping("/{domain}")
    ClientJson replace(Actor actor, @PathVariable String domain, @RequestBody ClientRequest request) {
        return ClientJson.of(clients.update(actor.scope(), domain, request.toForm(null)));
    }

    @DeleteMapping("/{domain}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String domain) {
        clients.delete(actor.scope(), domain);
        return ResponseEntity.noContent().build();
    }
}
