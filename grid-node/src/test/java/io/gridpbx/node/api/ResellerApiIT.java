package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** /api/v1/resellers over HTTP: the platform manages resellers, a reseller reads itself, a client none. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class ResellerApiIT {

    @Test
    void platformCreatesReadsReplacesAndDeletesAReseller() {
        Reply created = PLATFORM.post("/api/v1/resellers", """
                {"realm":"crud","name":"Crud Telecom","email":"admin@crud.example","discountPercent":12.5,
                 "password":"crud-pass-1","balance":25}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/resellers/crud.gridpbx.test");

        JsonNode read = PLATFORM.get(created.location()).json();
        assertThat(read.path("name").asString()).isEqualTo("Crud Telecom");
        assertThat(read.path("email").asString()).isEqualTo("admin@crud.example");
        assertThat(read.path("discountPercent").asDouble()).isEqualTo(12.5);
        assertThat(read.path("balance").asDouble()).isEqualTo(25.0);
        JsonNode listed = PLATFORM.get("/api/v1/resellers?q=crud").json();
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("clients").asInt()).isZero();

        Reply replaced = PLATFORM.put(created.location(), """
                {"name":"Crud Telecom Ltd","email":"admin@crud.example","discountPercent":5,"language":"fr"}""");
        assertThat(replaced.json().path("balance").asDouble()).isEqualTo(25.0);
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode reread = PLATFORM.get(created.location()).json();
        assertThat(reread.path("name").asString()).isEqualTo("Crud Telecom Ltd");
        assertThat(reread.path("language").asString()).isEqualTo("fr");
        assertThat(reread.path("balance").asDouble()).as("an edit sets no balance").isEqualTo(25.0);

        assertThat(PLATFORM.delete(created.location()).status()).isEqualTo(204);
        Reply gone = PLATFORM.get(created.location());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").asString()).isEqualTo("not-found");
    }

    @Test
    void invalidResellerIsRefusedFieldByField_andNothingIsSaved() {
        Reply refused = PLATFORM.post("/api/v1/resellers", """
                {"realm":"broken","name":"","email":"not-an-email","discountPercent":150,"password":"short"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asString()).isEqualTo("validation");
        assertThat(refused.fieldsInError()).contains("name", "email", "discountPercent", "password");
        assertThat(refused.json().path("fields").get(0).path("code").asString()).isNotBlank();
        assertThat(PLATFORM.get("/api/v1/resellers/broken.gridpbx.test").status()).isEqualTo(404);
    }

    @Test
    void invalidReplace_keepsTheStoredReseller() {
        String keep = PLATFORM.post("/api/v1/resellers", """
                {"realm":"keep","name":"Keep","email":"admin@keep.example","password":"keep-pass-1"}""").location();

        Reply refused = PLATFORM.put(keep, """
                {"name":"Changed","email":"broken","discountPercent":-1}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).containsExactlyInAnyOrder("email", "discountPercent");
        JsonNode stored = PLATFORM.get(keep).json();
        assertThat(stored.path("name").asString()).isEqualTo("Keep");
        assertThat(stored.path("email").asString()).isEqualTo("admin@keep.example");
        assertThat(PLATFORM.delete(keep).status()).isEqualTo(204);
    }

    @Test
    void resellerWithClients_isNotDeleted() {
        Reply refused = PLATFORM.delete("/api/v1/resellers/demo.gridpbx.test");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asString()).isEqualTo("reseller.has-clients");
        assertThat(PLATFORM.get("/api/v1/resellers/demo.gridpbx.test").status()).isEqualTo(200);
    }

    @Test
    void resellerSeesOnlyItself_andManagesNoReseller() {
        JsonNode own = DEMO_RESELLER.get("/api/v1/resellers").json();
        assertThat(own.path("total").asInt()).isEqualTo(1);
        assertThat(own.path("items").get(0).path("realm").asString()).isEqualTo("demo.gridpbx.test");

        assertThat(DEMO_RESELLER.get("/api/v1/resellers/other.gridpbx.test").status()).isEqualTo(404);
        assertThat(DEMO_RESELLER.put("/api/v1/resellers/demo.gridpbx.test", """
                {"name":"Mine now","email":"reseller@demo.gridpbx.test"}""").status()).isEqualTo(403);
        Reply create = DEMO_RESELLER.post("/api/v1/resellers", """
                {"realm":"sub","name":"Sub","email":"admin@sub.example","password":"sub-pass-1"}""");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().path("error").asString()).isEqualTo("forbidden");
    }

    @Test
    void clientToken_isForbiddenTheResellers() {
        Reply refused = OFFICE_CLIENT.get("/api/v1/resellers");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asString()).isNotBlank();
    }
}
