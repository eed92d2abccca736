package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** /api/v1/cdrs and /cdrs.csv over HTTP: a call to the PSTN with its facts, attempts and charge, seen by its levels. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class CallRecordsApiIT {

    private static final String ACME = "acme.demo.gridpbx.test";

    @Test
    void aRatedCallToThePstn_showsItsFactsLegsAndTheClientsCharge_inJsonAndCsv() throws InterruptedException {
        long start = ApiNode.bean(Clock.class).millis() - 120_000;
        CallFacts facts = new CallFacts(Direction.OUTBOUND, "011442079460123", "442079460123", "gw2", start, ACME,
                List.of(CdrLeg.gateway("gw1", 503, "Service Unavailable"), CdrLeg.gateway("gw2", 200, "OK")));
        ApiNode.bean(CdrStore.class).record(new Cdr("api-it-pstn-call", ACME, new AddressOfRecord("301", ACME),
                new AddressOfRecord("011442079460123", ACME), start, start + 5_000, start + 66_000, Cdr.ANSWERED,
                "api-it", 200, facts, Charge.NONE).rated(new Charge(89_600, 80_640, "44")));

        JsonNode cdr = awaitCdr("4420794");
        assertThat(cdr.path("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(cdr.path("dialled").asString()).isEqualTo("011442079460123");
        assertThat(cdr.path("e164").asString()).isEqualTo("442079460123");
        assertThat(cdr.path("gateway").asString()).isEqualTo("gw2");
        assertThat(cdr.path("finalStatus").asInt()).isEqualTo(200);
        assertThat(cdr.path("disposition").asString()).isEqualTo("ANSWERED");
        assertThat(cdr.path("seconds").asLong()).isEqualTo(61);
        assertThat(cdr.path("chargedClient").asString()).isEqualTo(ACME);
        assertThat(cdr.path("charge").isString()).isTrue();
        assertThat(cdr.path("charge").asString()).isEqualTo("0.0896");
        assertThat(cdr.path("ratePrefix").asString()).isEqualTo("44");
        assertThat(cdr.path("legs").valueStream().map(l -> l.path("target").asString() + ":" + l.path("status").asInt()))
                .containsExactly("gw1:503", "gw2:200");

        String csv = DEMO_RESELLER.get("/api/v1/cdrs.csv?q=4420794").body();
        assertThat(csv.lines().toList()).hasSize(2).last().asString().startsWith("api-it-pstn-call,")
                .endsWith(",ANSWERED,200,OUTBOUND,011442079460123,442079460123,gw2,acme.demo.gridpbx.test,0.0896,"
                        + "gateway:gw1:503;gateway:gw2:200");
        assertThat(OFFICE_CLIENT.get("/api/v1/cdrs?q=4420794").json().path("total").asLong())
                .as("another client's call").isZero();
    }

    @Test
    void aCallNoLiveNodeCarries_isHungUpByItsClient_andClosedAsHangup() throws InterruptedException {
        Dialog call = new Dialog(new DialogId("api-it-orphan", "f", "t"), new AddressOfRecord("302", ACME),
                new AddressOfRecord("303", ACME), ApiNode.bean(Clock.class).millis(), "a-node-that-died");
        ApiNode.bean(DialogRegistry.class).started(call);
        awaitActive("api-it-orphan");

        assertThat(OFFICE_CLIENT.delete("/api/v1/calls/active/api-it-orphan").status()).as("another client's call")
                .isEqualTo(404);
        assertThat(ApiClient.DEMO_RESELLER.delete("/api/v1/calls/active/api-it-orphan").status()).isEqualTo(204);
        assertThat(awaitCdr("303@" + ACME).path("disposition").asString()).isEqualTo("HANGUP");
        assertThat(ApiClient.DEMO_RESELLER.delete("/api/v1/calls/active/api-it-orphan").status()).as("gone now")
                .isEqualTo(404);
    }

    private static void awaitActive(String callId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!DEMO_RESELLER.get("/api/v1/calls/active").body().contains(callId)) {
            assertThat(System.nanoTime()).as("the call in the active list").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The record is written to the grid asynchronously: wait for the reseller's report to show it. */
    private static JsonNode awaitCdr(String party) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode items = DEMO_RESELLER.get("/api/v1/cdrs?q=" + party).json().path("items");
            if (!items.isEmpty() || System.nanoTime() > deadline) {
                assertThat(items).as("the reseller's report").hasSize(1);
                return items.get(0);
            }
            Thread.sleep(50);
        }
    }
}
