package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * /api/v1/balances over HTTP: a scope reads its own balance and those below it, the platform tops up its
 * resellers and a reseller its own clients, nobody itself or another's; amounts are decimal strings.
 */
@Timeout(120)
@ExtendWith(ApiNode.class)
class BalanceApiIT {

    @Test
    void aResellersOpeningBalance_isItsFirstTopUp_andThePlatformTopsItUp_audited() {
        Reply created = PLATFORM.post("/api/v1/resellers", """
                {"realm":"ledger","name":"Ledger Telecom","email":"admin@ledger.example","password":"ledger-pass-1",
                 "balance":25}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("balance").decimalValue()).isEqualByComparingTo("25");

        JsonNode opened = PLATFORM.get("/api/v1/balances/Ledger.gridpbx.test").json();
        assertThat(opened.path("tenant").asString()).isEqualTo("ledger.gridpbx.test");
        assertThat(opened.path("balance").isString()).as("a decimal string, never a float").isTrue();
        assertThat(opened.path("balance").asString()).isEqualTo("25.00");
        assertThat(opened.path("currency").asString()).isEqualTo("EUR");

        Reply toppedUp = PLATFORM.post("/api/v1/balances/ledger.gridpbx.test/top-ups", """
                {"amount":"10.10","note":"wire 2026-118"}""");
        assertThat(toppedUp.status()).isEqualTo(200);
        assertThat(toppedUp.json().path("balance").asString()).isEqualTo("35.10");
        assertThat(PLATFORM.get("/api/v1/resellers/ledger.gridpbx.test").json().path("balance").decimalValue())
                .isEqualByComparingTo(new BigDecimal("35.10"));
        assertThat(PLATFORM.get("/api/v1/audit?limit=50").json().path("items").valueStream()
                .filter(e -> "top-up".equals(e.path("action").asString()))
                .map(e -> e.path("subject").asString()))
                .anySatisfy(subject -> assertThat(subject).contains("ledger.gridpbx.test").contains("wire 2026-118"));

        Reply overwrite = PLATFORM.put("/api/v1/resellers/ledger.gridpbx.test", """
                {"name":"Ledger Telecom","email":"admin@ledger.example","balance":1000}""");
        assertThat(overwrite.status()).isEqualTo(400);
        assertThat(overwrite.fieldsInError()).containsExactly("balance");
        assertThat(PLATFORM.get("/api/v1/balances/ledger.gridpbx.test").json().path("balance").asString())
                .isEqualTo("35.10");
        assertThat(PLATFORM.delete("/api/v1/resellers/ledger.gridpbx.test").status()).isEqualTo(204);
    }

    @Test
    void aResellerTopsUpItsClient_whichReadsItsOwnBalance() {
        BigDecimal before = new BigDecimal(DEMO_RESELLER.get("/api/v1/balances/office.demo.gridpbx.test").json()
                .path("balance").asString());

        Reply toppedUp = DEMO_RESELLER.post("/api/v1/balances/office.demo.gridpbx.test/top-ups", """
                {"amount":"20.005"}""");
        Reply corrected = DEMO_RESELLER.post("/api/v1/balances/office.demo.gridpbx.test/top-ups", """
                {"amount":-0.005,"note":"rounding"}""");

        assertThat(toppedUp.status()).isEqualTo(200);
        assertThat(corrected.status()).as("a JSON number is taken as its decimal text").isEqualTo(200);
        BigDecimal after = new BigDecimal(OFFICE_CLIENT.get("/api/v1/balances/office.demo.gridpbx.test").json()
                .path("balance").asString());
        assertThat(after.subtract(before)).isEqualByComparingTo("20");
        assertThat(DEMO_RESELLER.get("/api/v1/clients?q=office").json().path("items").get(0).path("balance")
                .decimalValue()).isEqualByComparingTo(after);
    }

    @Test
    void nobodyTopsUpItself_norAnothersTenants_andOtherScopesAreForbidden() {
        String ten = """
                {"amount":"10"}""";
        for (Reply refused : new Reply[] {
                DEMO_RESELLER.post("/api/v1/balances/demo.gridpbx.test/top-ups", ten),
                OFFICE_CLIENT.post("/api/v1/balances/office.demo.gridpbx.test/top-ups", ten),
                DEMO_RESELLER.post("/api/v1/balances/other.gridpbx.test/top-ups", ten),
                DEMO_RESELLER.post("/api/v1/balances/shop.other.gridpbx.test/top-ups", ten),
                PLATFORM.post("/api/v1/balances/office.demo.gridpbx.test/top-ups", ten),
                DEMO_RESELLER.get("/api/v1/balances/shop.other.gridpbx.test"),
                OFFICE_CLIENT.get("/api/v1/balances/demo.gridpbx.test")}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("error").asString()).isEqualTo("forbidden");
        }
        assertThat(DEMO_RESELLER.get("/api/v1/balances/nowhere.demo.gridpbx.test").status()).isEqualTo(404);
    }

    @Test
    void aBadAmount_isA400NamingTheField_andNothingIsToppedUp() {
        String before = PLATFORM.get("/api/v1/balances/other.gridpbx.test").json().path("balance").asString();

        for (String body : new String[] {"{\"amount\":\"ten\"}", "{\"amount\":\"0\"}", "{\"amount\":\"1.1234567\"}",
                "{\"note\":\"no amount\"}"}) {
            Reply refused = PLATFORM.post("/api/v1/balances/other.gridpbx.test/top-ups", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().path("error").asString()).isEqualTo("validation");
            assertThat(refused.json().path("fields").get(0).path("code").asString()).isEqualTo("amount.invalid");
        }
        Reply longNote = PLATFORM.post("/api/v1/balances/other.gridpbx.test/top-ups",
                "{\"amount\":\"1\",\"note\":\"" + "x".repeat(201) + "\"}");
        assertThat(longNote.fieldsInError()).containsExactly("note");
        assertThat(PLATFORM.post("/api/v1/balances/other.gridpbx.test/top-ups", "ten").json().path("error").asString())
                .isEqualTo("malformed-json");
        assertThat(PLATFORM.get("/api/v1/balances/other.gridpbx.test").json().path("balance").asString())
                .isEqualTo(before);
    }
}
