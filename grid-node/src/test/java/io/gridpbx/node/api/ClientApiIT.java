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

/** /api/v1/clients over HTTP: a reseller manages its clients, the platform names the reseller, a client reads itself. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class ClientApiIT {

    @Test
    void resellerCreatesReadsReplacesAndDeletesItsClient() {
        Reply created = DEMO_RESELLER.post("/api/v1/clients", """
                {"domain":"lab","name":"Lab","email":"admin@lab.example","password":"lab-pass-1","maxContactsPerUser":3}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/clients/lab.demo.gridpbx.test");
        assertThat(created.json().path("reseller").asString()).isEqualTo("demo.gridpbx.test");

        JsonNode read = DEMO_RESELLER.get(created.location()).json();
        assertThat(read.path("name").asString()).isEqualTo("Lab");
        assertThat(read.path("maxContactsPerUser").asInt()).isEqualTo(3);
        assertThat(read.path("language").asString()).isEqualTo("en");
        JsonNode listed = DEMO_RESELLER.get("/api/v1/clients?q=lab.demo").json();
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("users").asInt()).isZero();

        Reply replaced = DEMO_RESELLER.put(created.location(), """
                {"name":"Lab Two","email":"admin@lab.example","language":"fr","maxContactsPerUser":5}""");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode reread = DEMO_RESELLER.get(created.location()).json();
        assertThat(reread.path("name").asString()).isEqualTo("Lab Two");
        assertThat(reread.path("language").asString()).isEqualTo("fr");
        assertThat(reread.path("maxContactsPerUser").asInt()).isEqualTo(5);

        assertThat(DEMO_RESELLER.delete(created.location()).status()).isEqualTo(204);
        assertThat(DEMO_RESELLER.get(created.location()).status()).isEqualTo(404);
    }

    @Test
    void platformNamesTheResellerInTheQuery() {
        Reply created = PLATFORM.post("/api/v1/clients?reseller=other.gridpbx.test", """
                {"domain":"depot","name":"Depot","email":"admin@depot.example","password":"depot-pass-1"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/clients/depot.other.gridpbx.test");
        assertThat(PLATFORM.delete(created.location()).status()).isEqualTo(204);
        Reply withoutReseller = PLATFORM.post("/api/v1/clients", """
                {"domain":"depot","name":"Depot","email":"admin@depot.example","password":"depot-pass-1"}""");
        assertThat(withoutReseller.status()).isEqualTo(400);
        assertThat(withoutReseller.fieldsInError()).containsExactly("reseller");
    }

    @Test
    void invalidClientIsRefusedFieldByField_andNothingIsSaved() {
        Reply refused = DEMO_RESELLER.post("/api/v1/clients", """
                {"domain":"bad_domain!","name":"","email":"x","password":"pw","maxContactsPerUser":0}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).contains("domain", "name", "email", "password", "maxContactsPerUser");
        assertThat(DEMO_RESELLER.get("/api/v1/clients?q=bad").json().path("total").asInt()).isZero();
    }

    @Test
    void invalidReplace_keepsTheStoredClient() {
        Reply refused = DEMO_RESELLER.put("/api/v1/clients/acme.demo.gridpbx.test", """
                {"name":"Acme Changed","maxContactsPerUser":1000,"language":"xx"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).contains("maxContactsPerUser", "language");
        JsonNode stored = DEMO_RESELLER.get("/api/v1/clients/acme.demo.gridpbx.test").json();
        assertThat(stored.path("name").asString()).isEqualTo("Acme");
        assertThat(stored.path("maxContactsPerUser").asInt()).isEqualTo(10);
    }

    @Test
    void digestAlgorithms_areChosenPerClient_listedSha256First_andABadOneIsA400OnItsField() {
        String office = "/api/v1/clients/office.demo.gridpbx.test";
        assertThat(DEMO_RESELLER.get(office).json().path("digestAlgorithms").isEmpty())
                .as("the platform default").isTrue();

        Reply both = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test","digestAlgorithms":["MD5","SHA-256"]}""");
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.json().path("digestAlgorithms").toString()).isEqualTo("[\"SHA-256\",\"MD5\"]");
        assertThat(DEMO_RESELLER.get(office).json().path("digestAlgorithms").toString())
                .isEqualTo("[\"SHA-256\",\"MD5\"]");

        Reply refused = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test","digestAlgorithms":["SHA-512-256"]}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).containsExactly("digestAlgorithms");

        Reply single = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test","digestAlgorithms":"sha-256"}""");
        assertThat(single.json().path("digestAlgorithms").toString()).isEqualTo("[\"SHA-256\"]");
        Reply reset = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test"}""");
        assertThat(reset.json().path("digestAlgorithms").isEmpty()).as("absent: the platform default").isTrue();
    }

    @Test
    void mediaRelay_isChosenPerClient_spelledLikeItsToken_andAnUnknownOneIsA400OnItsField() {
        String office = "/api/v1/clients/office.demo.gridpbx.test";
        assertThat(DEMO_RESELLER.get(office).json().path("mediaRelay").asString()).as("the usual policy")
                .isEqualTo("when-nat");

        Reply always = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test","mediaRelay":"always"}""");
        assertThat(always.status()).isEqualTo(200);
        assertThat(always.json().path("mediaRelay").asString()).isEqualTo("always");
        assertThat(DEMO_RESELLER.get(office).json().path("mediaRelay").asString()).isEqualTo("always");

        Reply refused = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test","mediaRelay":"sometimes"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).containsExactly("mediaRelay");
        assertThat(refused.json().path("fields").get(0).path("message").asString())
                .isEqualTo("always, when-nat or never; none for when-nat");
        assertThat(DEMO_RESELLER.get(office).json().path("mediaRelay").asString()).as("nothing saved")
                .isEqualTo("always");

        Reply never = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test","mediaRelay":"NEVER"}""");
        assertThat(never.json().path("mediaRelay").asString()).as("the enum name too").isEqualTo("never");
        Reply reset = DEMO_RESELLER.put(office, """
                {"name":"Office","email":"admin@office.demo.gridpbx.test"}""");
        assertThat(reset.json().path("mediaRelay").asString()).as("absent: when-nat").isEqualTo("when-nat");

        Reply created = DEMO_RESELLER.post("/api/v1/clients", """
                {"domain":"relay","name":"Relay","email":"admin@relay.example","password":"relay-pass-1",
                 "mediaRelay":"never"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("mediaRelay").asString()).isEqualTo("never");
        assertThat(DEMO_RESELLER.delete(created.location()).status()).isEqualTo(204);
    }

    @Test
    void clientWithUsers_isNotDeleted() {
        Reply refused = DEMO_RESELLER.delete("/api/v1/clients/acme.demo.gridpbx.test");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asString()).isEqualTo("client.has-users");
    }

    @Test
    void clientReadsItself_butListsAndChangesNoClient() {
        assertThat(OFFICE_CLIENT.get("/api/v1/clients/office.demo.gridpbx.test").json().path("name").asString())
                .isEqualTo("Office");
        assertThat(OFFICE_CLIENT.get("/api/v1/clients").status()).isEqualTo(403);
        assertThat(OFFICE_CLIENT.put("/api/v1/clients/office.demo.gridpbx.test", """
                {"name":"Mine","email":"admin@office.demo.gridpbx.test"}""").status()).isEqualTo(403);
    }
}
