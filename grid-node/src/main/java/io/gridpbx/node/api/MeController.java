package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.tenancy.User;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The token's own identity, and for a user-level token the user's own call settings (403 for the levels above). */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me")
class MeController {

    private final SelfCare selfCare;

    MeController(SelfCare selfCare) {
        this.selfCare = selfCare;
    }

    @GetMapping
    MeJson me(Actor actor) {
        return MeJson.of(actor);
    }

    @GetMapping("/settings")
    SettingsJson settings(Actor actor) {
        return SettingsJson.of(selfCare.me(actor.scope()));
    }

    @PutMapping("/settings")
    SettingsJson replaceSettings(Actor actor, @RequestBody SettingsJson settings) {
        User me = selfCare.me(actor.scope());
        return SettingsJson.of(selfCare.updateSettings(actor, settings.toForm(me)));
    }
}
