package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.node.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** /api/v1/me and a user's own call settings, with a token filed at user 219's scope. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class SelfCareApiIT {

    private static final String USER_219 = "/api/v1/users/219@office.demo.gridpbx.test";
    private static final ApiClient USER = ApiClient.as("api-it-user-219-token");

    @BeforeAll
    static void fileAUserToken() {
        // No demo token acts at user level, and a token is created at its creator's scope, so the test files one.
        Scope user = Scope.user(new AddressOfRecord("219", "office.demo.gridpbx.test"));
        ApiNode.bean(ApiTokens.class).issue(Actor.token("api-it", user), "self-care test", "api-it-user-219-token");
    }

    @Test
    void meTellsTheTokensLevelAndTenant() {
        JsonNode reseller = DEMO_RESELLER.get("/api/v1/me").json();
        assertThat(reseller.path("level").asString()).isEqualTo("reseller");
        assertThat(reseller.path("tenant").asString()).isEqualTo("demo.gridpbx.test");
        assertThat(reseller.path("actor").asString()).startsWith("token:");

        JsonNode user = USER.get("/api/v1/me").json();
        assertThat(user.path("level").asString()).isEqualTo("user");
        assertThat(user.path("tenant").asString()).isEqualTo("219@office.demo.gridpbx.test");
    }

    @Test
    void settingsBelongToUserTokensOnly() {
        assertThat(DEMO_RESELLER.get("/api/v1/me/settings").status()).isEqualTo(403);
        Reply put = OFFICE_CLIENT.put("/api/v1/me/settings", """
                {"doNotDisturb":true}""");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.json().path("error").asString()).isEqualTo("forbidden");
    }

    @Test
    void userReplacesItsSettings_andItsClientSeesThem() {
        Reply replaced = USER.put("/api/v1/me/settings", """
                {"doNotDisturb":true,"forwardBusy":"+33123456789","noAnswerSeconds":30}""");

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode mine = USER.get("/api/v1/me/settings").json();
        assertThat(mine.path("doNotDisturb").asBoolean()).isTrue();
        assertThat(mine.path("callWaiting").asBoolean()).as("an absent switch keeps its value").isTrue();
        assertThat(mine.path("forwardBusy").asString()).isEqualTo("+33123456789");
        assertThat(mine.path("noAnswerSeconds").asInt()).isEqualTo(30);
        JsonNode seenByClient = OFFICE_CLIENT.get(USER_219).json().path("callSettings");
        assertThat(seenByClient.path("doNotDisturb").asBoolean()).isTrue();
        assertThat(seenByClient.path("forwardBusy").asString()).isEqualTo("+33123456789");
    }

    @Test
    void invalidSettingsAreRefused_andTheOldOnesStay() {
        USER.put("/api/v1/me/settings", """
                {"doNotDisturb":false,"noAnswerSeconds":25}""");

        Reply refused = USER.put("/api/v1/me/settings", """
                {"doNotDisturb":true,"forwardUnconditional":"not a number","noAnswerSeconds":3,"language":"xx"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).containsExactlyInAnyOrder("forwardUnconditional", "noAnswerSeconds", "language");
        JsonNode mine = USER.get("/api/v1/me/settings").json();
        assertThat(mine.path("doNotDisturb").asBoolean()).isFalse();
        assertThat(mine.path("noAnswerSeconds").asInt()).isEqualTo(25);
    }

    @Test
    void userTokenReadsItselfOnly_andManagesNothing() {
        assertThat(USER.get(USER_219).status()).isEqualTo(200);
        assertThat(USER.get("/api/v1/users/202@office.demo.gridpbx.test").status()).isEqualTo(404);
        assertThat(USER.get("/api/v1/clients/office.demo.gridpbx.test/users").status()).isEqualTo(403);
        assertThat(USER.put(USER_219, """
                {"displayName":"Me, promoted"}""").status()).isEqualTo(403);
    }
}
