package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.limits.CallSlots;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Configuration objects per level and the read-only call views, over real HTTP. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class ConfigAndCallsApiIT {

    @Test
    void aClientKeepsRingGroupsOfItsOwnExtensions() {
        ApiClient.Reply created = OFFICE_CLIENT.post("/api/v1/config/ring-groups", """
                {"name":"Sales","number":"600","strategy":"sequential","members":"201,202","ringSeconds":"20"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).startsWith("/api/v1/config/ring-groups/");
        assertThat(OFFICE_CLIENT.get(created.location()).json().path("values").path("members").asString())
                .isEqualTo("201,202");

        ApiClient.Reply bad = OFFICE_CLIENT.post("/api/v1/config/ring-groups", """
                {"name":"Bad","number":"6x","strategy":"loudest","members":"201,999","ringSeconds":"2"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldsInError()).containsExactlyInAnyOrder("number", "strategy", "members", "ringSeconds");
        assertThat(OFFICE_CLIENT.get("/api/v1/config/ring-groups").json().valueStream()
                .map(o -> o.path("values").path("name").asString())).containsExactly("Sales");
    }

    @Test
    void aKindOfAnotherLevelIsForbiddenAndAnUnknownKindNotFound() {
        assertThat(OFFICE_CLIENT.get("/api/v1/config/billing-profiles").status()).isEqualTo(403);
        assertThat(DEMO_RESELLER.get("/api/v1/config/ring-groups").status()).isEqualTo(403);
        assertThat(DEMO_RESELLER.get("/api/v1/config/no-such-kind").status()).isEqualTo(404);
        assertThat(PLATFORM.get("/api/v1/config").json().valueStream().map(k -> k.path("path").asString()))
                .contains("ring-groups", "billing-profiles", "platform-settings");
    }

    @Test
    void aResellersSettingsAreOneObject() {
        assertThat(DEMO_RESELLER.put("/api/v1/config/reseller-settings/settings", """
                {"brandName":"Demo Telecom","logoUrl":"https://demo.example/logo.png","defaultLanguage":"fr"}""")
                .status()).isEqualTo(200);
        assertThat(DEMO_RESELLER.get("/api/v1/config/reseller-settings").json().get(0).path("values")
                .path("brandName").asString()).isEqualTo("Demo Telecom");
    }

    @Test
    void callViewsAreReadOnlyAndValidateThePeriod() {
        assertThat(OFFICE_CLIENT.get("/api/v1/calls/active").status()).isEqualTo(200);
        assertThat(OFFICE_CLIENT.get("/api/v1/cdrs").json().path("total").asLong()).isZero();
        ApiClient.Reply backwards = OFFICE_CLIENT.get("/api/v1/cdrs?from=2026-11-26T10:00:00Z&to=2026-11-25T10:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(OFFICE_CLIENT.get("/api/v1/cdrs?from=yesterday").fieldsInError()).containsExactly("from");
        assertThat(OFFICE_CLIENT.get("/api/v1/cdrs.csv").body()).startsWith("call_id,caller,callee");
    }

    @Test
    void aResellerFilesANumberPortAndThePlatformDecidesIt() {
        ApiClient.Reply filed = DEMO_RESELLER.post("/api/v1/config/number-ports", """
                {"number":"15145550777","losingCarrier":"Old Telco","status":"submitted"}""");
        assertThat(filed.status()).isEqualTo(201);
        String id = filed.json().path("id").asString();
        assertThat(DEMO_RESELLER.post("/api/v1/config/number-ports", """
                {"number":"15145550778","losingCarrier":"Old Telco","status":"completed"}""").fieldsInError())
                .as("only the platform completes a port").containsExactly("status");

        assertThat(PLATFORM.get("/api/v1/number-ports").body()).contains("15145550777");
        assertThat(DEMO_RESELLER.get("/api/v1/number-ports").status()).isEqualTo(403);
        assertThat(PLATFORM.put("/api/v1/number-ports/demo.gridpbx.test/" + id + "/status", """
                {"status":"completed"}""").json().path("values").path("status").asString()).isEqualTo("completed");
        assertThat(DEMO_RESELLER.get("/api/v1/config/number-ports/" + id).json().path("values").path("status")
                .asString()).isEqualTo("completed");
        assertThat(PLATFORM.put("/api/v1/number-ports/other.gridpbx.test/" + id + "/status", """
                {"status":"completed"}""").status()).isEqualTo(404);
    }

    @Test
    void aCallLimitShowsTheCallsTheClusterCountsNow_readOnly() throws Exception {
        ApiClient.Reply created = DEMO_RESELLER.post("/api/v1/config/client-call-limits", """
                {"client":" Acme.demo.gridpbx.test","maxCalls":"5"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("values").path("client").asString()).isEqualTo("acme.demo.gridpbx.test");
        assertThat(created.json().path("callsNow").isNumber()).isTrue();
        assertThat(created.json().path("callsNow").asInt()).isZero();

        CallSlots slots = ApiNode.bean(CallSlots.class);
        slots.admit("api-it-capped-call", List.of(CallLimit.ofClient("acme.demo.gridpbx.test", 5)), "api-it")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            assertThat(DEMO_RESELLER.get(created.location()).json().path("callsNow").asInt()).isEqualTo(1);
            assertThat(DEMO_RESELLER.get("/api/v1/config/client-call-limits").json().valueStream()
                    .map(o -> o.path("callsNow").asInt())).containsExactly(1);
        } finally {
            slots.release("api-it-capped-call");
        }

        assertThat(DEMO_RESELLER.post("/api/v1/config/client-call-limits", """
                {"client":"acme.demo.gridpbx.test","maxCalls":"3"}""").fieldsInError())
                .as("one cap per client").containsExactly("client");
        assertThat(DEMO_RESELLER.post("/api/v1/config/client-call-limits", """
                {"client":"shop.other.gridpbx.test","maxCalls":"3"}""").fieldsInError())
                .as("another reseller's client").containsExactly("client");
        assertThat(DEMO_RESELLER.put(created.location(), """
                {"client":"acme.demo.gridpbx.test","maxCalls":"4","callsNow":"9"}""").fieldsInError())
                .as("callsNow is no field to write").containsExactly("callsNow");
        assertThat(OFFICE_CLIENT.get("/api/v1/config/ring-groups").body()).doesNotContain("callsNow");
        assertThat(DEMO_RESELLER.delete(created.location()).status()).isEqualTo(204);
    }

    @Test
    void aResellerBillsItsClientByTheDemoProfile_namedAsItIs_andOnlyItsOwn() {
        assertThat(DEMO_RESELLER.get("/api/v1/config/billing-profiles").json().valueStream()
                .map(p -> p.path("values").path("name").asString())).contains("retail");
        assertThat(DEMO_RESELLER.get("/api/v1/config/rates").json().valueStream()
                .map(r -> r.path("values").path("prefix").asString())).contains("1", "44");

        ApiClient.Reply created = DEMO_RESELLER.post("/api/v1/config/client-billings", """
                {"client":"ACME","billingProfile":"Retail","mode":"postpaid","creditLimit":"15"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("values").path("client").asString()).isEqualTo("acme.demo.gridpbx.test");
        assertThat(created.json().path("values").path("billingProfile").asString()).isEqualTo("retail");
        try {
            assertThat(DEMO_RESELLER.post("/api/v1/config/client-billings", """
                    {"client":"shop.other.gridpbx.test","billingProfile":"gold","mode":"prepaid","creditLimit":"5"}""")
                    .json().path("fields").valueStream().map(f -> f.path("code").asString())).containsExactlyInAnyOrder(
                    "client-billing.client-unknown", "billing-profile.unknown", "client-billing.credit-prepaid");
            ApiClient.Reply inUse = DEMO_RESELLER.delete("/api/v1/config/billing-profiles/"
                    + DEMO_RESELLER.get("/api/v1/config/billing-profiles").json().get(0).path("id").asString());
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.json().path("error").asString()).isEqualTo("billing-profile.in-use");
        } finally {
            assertThat(DEMO_RESELLER.delete(created.location()).status()).isEqualTo(204);
        }
    }

    @Test
    void thePlatformCapsAnExistingReseller() {
        assertThat(PLATFORM.post("/api/v1/config/reseller-call-limits", """
                {"reseller":"nowhere.gridpbx.test","maxCalls":"100"}""").fieldsInError()).containsExactly("reseller");
        ApiClient.Reply created = PLATFORM.post("/api/v1/config/reseller-call-limits", """
                {"reseller":"OTHER.gridpbx.test","maxCalls":"100"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("values").path("reseller").asString()).isEqualTo("other.gridpbx.test");
        assertThat(created.json().path("callsNow").asInt(-1)).isZero();
        assertThat(PLATFORM.delete(created.location()).status()).isEqualTo(204);
    }
}
