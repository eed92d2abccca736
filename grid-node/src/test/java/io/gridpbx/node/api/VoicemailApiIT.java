package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.OTHER_RESELLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.voicemail.Wavs;
import io.gridpbx.node.api.ApiClient.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Voicemail over HTTP: a client imports WAV messages, its user lists, plays (hears) and deletes them. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class VoicemailApiIT {

    private static final String BOX = "/api/v1/users/217@office.demo.gridpbx.test/voicemails";
    private static final ApiClient USER = ApiClient.as("api-it-user-217-token");

    @BeforeAll
    static void fileAUserToken() {
        Scope user = Scope.user(new AddressOfRecord("217", "office.demo.gridpbx.test"));
        ApiNode.bean(ApiTokens.class).issue(Actor.token("api-it", user), "voicemail test", "api-it-user-217-token");
    }

    private static Reply deposit(ApiClient as, String query, byte[] wav) {
        return as.send(as.request(BOX + query).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav)));
    }

    @Test
    void aClientImportsAMessage_theUserPlaysItAndItIsHeard_thenDeletesIt() throws Exception {
        Reply created = deposit(OFFICE_CLIENT, "?caller=%2B15145550100&receivedAt=2026-11-20T08:00:00Z", Wavs.pcm(3));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.location()).isEqualTo(BOX + "/" + id);
        assertThat(created.json().path("seconds").asInt()).isEqualTo(3);

        JsonNode listed = USER.get(BOX).json();
        assertThat(listed.valueStream().map(m -> m.path("caller").asString())).containsExactly("+15145550100");
        assertThat(listed.get(0).path("heard").asBoolean()).isFalse();
        assertThat(OFFICE_CLIENT.get("/api/v1/users/217@office.demo.gridpbx.test").json().path("unheardVoicemails")
                .asInt()).isEqualTo(1);

        HttpResponse<byte[]> audio = HttpClient.newHttpClient().send(
                USER.request(listed.get(0).path("audio").asString()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(audio.body()).isEqualTo(Wavs.pcm(3));
        assertThat(USER.get(BOX + "/" + id).json().path("heard").asBoolean()).isTrue();

        assertThat(USER.delete(BOX + "/" + id).status()).isEqualTo(204);
        assertThat(USER.get(BOX + "/" + id).status()).isEqualTo(404);
        assertThat(USER.get(BOX).json().size()).isZero();
    }

    @Test
    void aBadImport_isA400ListingTheFields() {
        Reply bad = deposit(OFFICE_CLIENT, "?caller=%20&receivedAt=yesterday", "RIFF but no wave".getBytes());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldsInError()).containsExactlyInAnyOrder("caller", "receivedAt", "recording");
        assertThat(deposit(OFFICE_CLIENT, "", Wavs.pcm(1)).fieldsInError()).as("no caller at all").containsExactly("caller");
        assertThat(OFFICE_CLIENT.get(BOX).json().size()).isZero();
    }

    @Test
    void aRecordingOverFiveMegabytes_isRefused() {
        Reply tooLarge = deposit(OFFICE_CLIENT, "?caller=big", Wavs.of(1, 1, 8000, 8, 8000, 5 * 1024 * 1024));

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("recording", "at most 5242880 bytes");
    }

    @Test
    void anotherResellerAndTheUserItself_cannotImport_andAnotherTenantFindsNothing() {
        assertThat(deposit(OTHER_RESELLER, "?caller=x", Wavs.pcm(1)).status()).isEqualTo(404);
        assertThat(deposit(USER, "?caller=x", Wavs.pcm(1)).status()).isEqualTo(403);
        assertThat(OTHER_RESELLER.get(BOX).status()).isEqualTo(404);
        String id = deposit(DEMO_RESELLER, "?caller=reseller-import", Wavs.pcm(1)).json().path("id").asString();
        assertThat(OTHER_RESELLER.get(BOX + "/" + id + "/audio").status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.delete(BOX + "/" + id).status()).isEqualTo(404);
        assertThat(OFFICE_CLIENT.delete(BOX + "/" + id).status()).isEqualTo(204);
    }
}
