package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.OTHER_RESELLER;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Trunks are the platform's, routes their owner's, DIDs flow down the hierarchy: over real HTTP. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class TrunkingApiIT {

    @Test
    void platformManagesGatewaysAndAClientTokenCannotReachThem() {
        ApiClient.Reply created = PLATFORM.post("/api/v1/gateways", """
                {"name":"Carrier A","host":"sip.carrier-a.test","port":"5080","transport":"tcp",
                 "username":"acct","password":"s3cret","stripDigits":"1","addPrefix":"99"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("hasPassword").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("s3cret");

        assertThat(PLATFORM.get("/api/v1/gateways/" + id).json().path("port").asInt()).isEqualTo(5080);
        assertThat(OFFICE_CLIENT.get("/api/v1/gateways").status()).isEqualTo(403);
        assertThat(OFFICE_CLIENT.get("/api/v1/gateways/" + id).status()).isEqualTo(403);
        assertThat(DEMO_RESELLER.get("/api/v1/gateways").status()).isEqualTo(403);
        assertThat(DEMO_RESELLER.get("/api/v1/gateways/choices").body()).contains("Carrier A").doesNotContain("carrier-a.test");

        ApiClient.Reply bad = PLATFORM.put("/api/v1/gateways/" + id, """
                {"name":"","host":"has space","port":"99999","transport":"sctp"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldsInError()).containsExactlyInAnyOrder("name", "host", "port", "transport");
        assertThat(PLATFORM.get("/api/v1/gateways/" + id).json().path("name").asString()).isEqualTo("Carrier A");
    }

    @Test
    void aRegisteringGateway_needsCredentials_andItsJsonSaysHowItsRegistrationStands() {
        ApiClient.Reply bad = PLATFORM.post("/api/v1/gateways", """
                {"name":"Registrar","host":"127.0.0.1","port":"9","register":true,"registerExpires":"30"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldsInError()).containsExactlyInAnyOrder("register", "registerExpires");

        ApiClient.Reply created = PLATFORM.post("/api/v1/gateways", """
                {"name":"Registrar","host":"127.0.0.1","port":"9","username":"acct","password":"s3cret",
                 "probing":false,"register":true,"registerExpires":120}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("register").asBoolean()).isTrue();
        assertThat(created.json().path("registerExpires").asInt()).isEqualTo(120);
        String id = created.json().path("id").asString();

        // Nothing answers on the discard port: the node that registers the gateway says so once its REGISTER gives up.
        com.hazelcast.test.HazelcastTestSupport.assertTrueEventually(() -> {
            var registration = PLATFORM.get("/api/v1/gateways/" + id).json().path("registration");
            assertThat(registration.path("state").asString()).isEqualTo("FAILED");
            assertThat(registration.path("lastStatus").asInt()).isEqualTo(408);
            assertThat(registration.path("node").asString()).isNotBlank();
        }, 30);
        assertThat(PLATFORM.delete("/api/v1/gateways/" + id).status()).isEqualTo(204);
    }

    @Test
    void aResellersRoutesKeepTheirGatewayOrderOrWeightsAndStayItsOwn() {
        String a = PLATFORM.post("/api/v1/gateways", """
                {"name":"Route A","host":"a.carrier.test"}""").json().path("id").asString();
        String b = PLATFORM.post("/api/v1/gateways", """
                {"name":"Route B","host":"b.carrier.test"}""").json().path("id").asString();
        ApiClient.Reply route = DEMO_RESELLER.post("/api/v1/routes", """
                {"name":"International","pattern":"011[0-9]{7,15}","priority":"10","gatewayIds":["%s","%s"]}"""
                .formatted(a, b));
        assertThat(route.status()).isEqualTo(201);
        String id = route.json().path("id").asString();

        ApiClient.Reply reordered = DEMO_RESELLER.put("/api/v1/routes/" + id, """
                {"name":"International","pattern":"011[0-9]{7,15}","priority":"10","gatewayIds":["%s","%s"]}"""
                .formatted(b, a));
        assertThat(reordered.json().path("gatewayIds").valueStream().map(n -> n.asString())).containsExactly(b, a);
        assertThat(reordered.json().path("weights").toString()).as("ordered failover").isEqualTo("[]");

        ApiClient.Reply shared = DEMO_RESELLER.put("/api/v1/routes/" + id, """
                {"name":"International","pattern":"011[0-9]{7,15}","priority":"10","gatewayIds":["%s","%s"],
                 "weights":[70,30]}""".formatted(a, b));
        assertThat(shared.json().path("weights").valueStream().map(n -> n.asInt())).containsExactly(70, 30);
        ApiClient.Reply unshared = DEMO_RESELLER.put("/api/v1/routes/" + id, """
                {"name":"International","pattern":"011[0-9]{7,15}","priority":"10","gatewayIds":["%s","%s"],
                 "weights":[70]}""".formatted(a, b));
        assertThat(unshared.status()).isEqualTo(400);
        assertThat(unshared.fieldsInError()).containsExactly("weights");
        assertThat(OTHER_RESELLER.get("/api/v1/routes/" + id).status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.get("/api/v1/routes").body()).doesNotContain(id);
        assertThat(OFFICE_CLIENT.get("/api/v1/routes").status()).isEqualTo(403);
        assertThat(PLATFORM.delete("/api/v1/gateways/" + a).status()).as("a gateway in use").isEqualTo(409);
    }

    @Test
    void didsAreAssignedDownTheChainAndRoutedToAnExtension() {
        assertThat(PLATFORM.post("/api/v1/dids/ranges", """
                {"first":"15145550200","count":"5"}""").status()).isEqualTo(201);
        assertThat(PLATFORM.post("/api/v1/dids/assignments", """
                {"numbers":["15145550200","15145550201"],"target":"demo.gridpbx.test"}""").status()).isEqualTo(200);
        assertThat(DEMO_RESELLER.post("/api/v1/dids/assignments", """
                {"numbers":["15145550200"],"target":"office.demo.gridpbx.test"}""").status()).isEqualTo(200);
        ApiClient.Reply routed = OFFICE_CLIENT.put("/api/v1/dids/15145550200/destination", """
                {"extension":"202"}""");
        assertThat(routed.json().path("destination").asString()).isEqualTo("202");

        assertThat(OTHER_RESELLER.get("/api/v1/dids/15145550200").status()).isEqualTo(404);
        assertThat(OTHER_RESELLER.post("/api/v1/dids/assignments", """
                {"numbers":["15145550201"],"target":"shop.other.gridpbx.test"}""").status()).isEqualTo(404);
        assertThat(OFFICE_CLIENT.put("/api/v1/dids/15145550200/destination", """
                {"extension":"999"}""").status()).isEqualTo(400);
        assertThat(PLATFORM.post("/api/v1/dids/ranges", """
                {"first":"15145550203","count":"5"}""").status()).as("overlap").isEqualTo(400);
    }
}
