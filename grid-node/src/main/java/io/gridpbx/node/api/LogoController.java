package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.Logos;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Picture;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** A reseller's logo, shown to its clients and users: the body is the PNG or JPEG file itself. */
@RestController
@Tag(name = "resellers")
class LogoController {

    private static final String PATH = "/api/v1/resellers/{realm}/logo";

    private final Logos logos;

    LogoController(Logos logos) {
        this.logos = logos;
    }

    /** What a stored logo is. */
    record LogoJson(String contentType, int size) {
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> get(Actor actor, @PathVariable String realm) {
        Picture logo = logos.of(actor.scope(), realm).orElseThrow(() -> new NotFoundException("logo", realm));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.contentType())).body(logo.bytes());
    }

    @PutMapping(path = PATH, consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "set the logo (a PNG or JPEG of at most 256 KB; its type is read from its bytes)")
    LogoJson put(Actor actor, @PathVariable String realm, HttpServletRequest request) throws IOException {
        byte[] image = Bodies.upTo(request, Picture.MAX_BYTES);
        Picture logo = logos.set(actor.scope(), realm, image);
        return new LogoJson(logo.contentType(), logo.size());
    }

    @DeleteMapping(PATH)
    ResponseEntity<Void> delete(Actor actor, @PathVariable String realm) {
        logos.clear(actor.scope(), realm);
        return ResponseEntity.noContent().build();
    }
}
