package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.User;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client's users: listed and created under their client, then addressed by {@code extension@domain}. */
@RestController
@Tag(name = "users")
class UserController {

    private final UserAdmin users;

    UserController(UserAdmin users) {
        this.users = users;
    }

    @GetMapping("/api/v1/clients/{domain}/users")
    PageJson<UserJson> list(Actor actor, @PathVariable String domain, @ParameterObject ListQuery query) {
        return PageJson.of(users.list(actor.scope(), domain, query.search(), query.first(), query.size()), UserJson::of);
    }

    /** A user profile a user of the client may be given (its reseller's), by id and name. */
    record ProfileJson(String id, String name) {
    }

    @GetMapping("/api/v1/clients/{domain}/user-profiles")
    List<ProfileJson> profiles(Actor actor, @PathVariable String domain) {
        return users.profiles(actor.scope(), domain).stream().map(p -> new ProfileJson(p.id(), p.name())).toList();
    }

    @PostMapping("/api/v1/clients/{domain}/users")
    ResponseEntity<UserJson> create(Actor actor, @PathVariable String domain, @RequestBody UserRequest request) {
        User created = inRequestTerms(() -> users.create(actor.scope(), domain, request.toForm()));
        return Created.at("/api/v1/users/{aor}", created.addressOfRecord().toString(), json(created));
    }

    @GetMapping("/api/v1/users/{aor}")
    UserJson get(Actor actor, @Parameter(example = "202@office.demo.gridpbx.test") @PathVariable String aor) {
        return json(users.get(actor.scope(), aor));
    }

    @PutMapping("/api/v1/users/{aor}")
    UserJson replace(Actor actor, @PathVariable String aor, @RequestBody UserRequest request) {
        AddressOfRecord address = users.get(actor.scope(), aor).addressOfRecord();
        return json(inRequestTerms(() -> users.update(actor.scope(), address, request.toForm())));
    }

    @DeleteMapping("/api/v1/users/{aor}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String aor) {
        users.delete(actor.scope(), users.get(actor.scope(), aor).addressOfRecord());
        return ResponseEntity.noContent().build();
    }

    private UserJson json(User user) {
        return UserJson.of(users.row(user));
    }

    private static User inRequestTerms(Supplier<User> save) {
        try {
            return save.get();
        } catch (ValidationException e) {
            throw UserRequest.inRequestTerms(e);
        }
    }
}
