package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.Voicemails;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's voicemail: its messages, their recordings as WAV, deleting one; a client's managers import
 * messages recorded elsewhere (the body is the WAV file itself).
 */
@RestController
@Tag(name = "voicemail")
class VoicemailController {

    private final Voicemails voicemails;

    VoicemailController(Voicemails voicemails) {
        this.voicemails = voicemails;
    }

    /** A message as the API shows it; its recording is at {@code audio}. */
    record VoicemailJson(String id, String caller, Instant receivedAt, int seconds, boolean heard,
            @Schema(description = "the recording, audio/wav") String audio) {

        static VoicemailJson of(String aor, VoicemailMessage m) {
            return new VoicemailJson(m.id(), m.caller(), m.receivedAt(), m.seconds(), m.heard(),
                    "/api/v1/users/" + aor + "/voicemails/" + m.id() + "/audio");
        }
    }

    @GetMapping("/api/v1/users/{aor}/voicemails")
    @Operation(summary = "the user's messages, newest first")
    List<VoicemailJson> list(Actor actor, @PathVariable String aor) {
        return voicemails.list(actor.scope(), aor).stream().map(m -> VoicemailJson.of(aor, m)).toList();
    }

    @GetMapping("/api/v1/users/{aor}/voicemails/{id}")
    VoicemailJson get(Actor actor, @PathVariable String aor, @PathVariable String id) {
        return VoicemailJson.of(aor, voicemails.get(actor.scope(), aor, id));
    }

    @GetMapping("/api/v1/users/{aor}/voicemails/{id}/audio")
    @Operation(summary = "a message's recording; fetched with the user's own token, the message is heard")
    ResponseEntity<byte[]> audio(Actor actor, @PathVariable String aor, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Recording.CONTENT_TYPE))
                .body(voicemails.play(actor.scope(), aor, id).bytes());
    }

    @DeleteMapping("/api/v1/users/{aor}/voicemails/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String aor, @PathVariable String id) {
        voicemails.delete(actor.scope(), aor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/users/{aor}/voicemails", consumes = {"audio/wav", "audio/x-wav", "audio/wave",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "import a recorded message (the body is a WAV file of at most 5 MB)")
    ResponseEntity<VoicemailJson> deposit(Actor actor, @PathVariable String aor,
            @RequestParam(required = false) @Nullable String caller,
            @RequestParam(required = false) @Nullable String receivedAt, HttpServletRequest request) throws IOException {
        byte[] wav = Bodies.upTo(request, Recording.MAX_BYTES);
        VoicemailMessage message = voicemails.deposit(actor.scope(), aor, caller, receivedAt, wav);
        return Created.at("/api/v1/users/" + aor + "/voicemails/{id}", message.id(), VoicemailJson.of(aor, message));
    }
}
