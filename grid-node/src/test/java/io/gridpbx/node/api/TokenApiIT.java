package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OTHER_RESELLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** /api/v1/tokens and /api/v1/audit: a scope's tokens, their secret shown once, revocation and its trail. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class TokenApiIT {

    @Test
    void listShowsTheScopesTokens_withoutSecrets() {
        Reply list = DEMO_RESELLER.get("/api/v1/tokens");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").valueStream().map(t -> t.path("label").asString()))
                .contains("demo reseller token").doesNotContain("other reseller token");
        assertThat(list.json().path("items").get(0).path("scope").asString()).isEqualTo("reseller:demo.gridpbx.test");
        assertThat(list.body()).doesNotContain("secret", "demo-reseller-token");
    }

    @Test
    void createdTokenWorksUntilRevoked_andTheAuditTrailSaysSo() {
        Reply created = DEMO_RESELLER.post("/api/v1/tokens", """
                {"label":"billing sync"}""");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("secret").asString();
        String id = created.json().path("token").path("id").asString();
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(created.location()).isEqualTo("/api/v1/tokens/" + id);

        JsonNode listed = DEMO_RESELLER.get(created.location()).json();
        assertThat(listed.path("label").asString()).isEqualTo("billing sync");
        assertThat(listed.has("secret")).isFalse();
        ApiClient billing = ApiClient.as(secret);
        assertThat(billing.get("/api/v1/me").json().path("tenant").asString()).isEqualTo("demo.gridpbx.test");
        assertThat(DEMO_RESELLER.get("/api/v1/audit?q=create-token").json().path("items").valueStream()
                .map(e -> e.path("subject").asString())).contains(id);

        assertThat(DEMO_RESELLER.delete(created.location()).status()).isEqualTo(204);
        assertThat(billing.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(DEMO_RESELLER.get(created.location()).status()).isEqualTo(404);
        JsonNode revoked = DEMO_RESELLER.get("/api/v1/audit?q=revoke-token&limit=5").json().path("items").get(0);
        assertThat(revoked.path("subject").asString()).isEqualTo(id);
        assertThat(revoked.path("actingAs").asString()).isEqualTo("reseller:demo.gridpbx.test");
    }

    @Test
    void blankLabel_isAValidationError() {
        Reply refused = DEMO_RESELLER.post("/api/v1/tokens", """
                {"label":"  "}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).containsExactly("label");
    }

    @Test
    void anotherResellerCannotSeeOrRevokeTheToken() {
        Reply created = DEMO_RESELLER.post("/api/v1/tokens", """
                {"label":"kept"}""");

        assertThat(OTHER_RESELLER.get(created.location()).status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.delete(created.location()).status()).isEqualTo(404);
        assertThat(ApiClient.as(created.json().path("secret").asString()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(OTHER_RESELLER.get("/api/v1/audit").json().path("items").valueStream()
                .map(e -> e.path("actingAs").asString())).allMatch(scope -> scope.endsWith("other.gridpbx.test"));
    }

    @Test
    void aClientMakesAUserTokenThatReachesOnlyThatUsersSettings() {
        ApiClient.Reply issued = ApiClient.OFFICE_CLIENT.post("/api/v1/tokens", """
                {"label":"203's phone app","scope":"user:203@office.demo.gridpbx.test"}""");
        assertThat(issued.status()).isEqualTo(201);
        ApiClient user = ApiClient.as(issued.json().path("secret").asString());
        assertThat(user.get("/api/v1/me/settings").status()).isEqualTo(200);
        assertThat(user.get("/api/v1/users/202@office.demo.gridpbx.test").status()).isEqualTo(404);

        assertThat(ApiClient.OFFICE_CLIENT.post("/api/v1/tokens", """
                {"label":"x","scope":"user:301@acme.demo.gridpbx.test"}""").status()).isEqualTo(404);
        assertThat(ApiClient.OFFICE_CLIENT.post("/api/v1/tokens", """
                {"label":"x","scope":"reseller:demo.gridpbx.test"}""").status()).as("upwards").isEqualTo(404);
        assertThat(ApiClient.OFFICE_CLIENT.post("/api/v1/tokens", """
                {"label":"x","scope":"nonsense"}""").fieldsInError()).containsExactly("scope");
    }
}
