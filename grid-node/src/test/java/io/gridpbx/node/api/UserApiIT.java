package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.OTHER_RESELLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Users over HTTP: listed and created under their client, addressed as extension@domain, never with a secret. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class UserApiIT {

    private static final String TEAM_USERS = "/api/v1/clients/team.demo.gridpbx.test/users";

    @BeforeAll
    static void createTheTeamClient() {
        assertThat(DEMO_RESELLER.post("/api/v1/clients", """
                {"domain":"team","name":"Team","email":"admin@team.example","password":"team-pass-1"}""").status())
                .isEqualTo(201);
    }

    @Test
    void usersOfAClientAreListedPageByPage_andSearched() {
        JsonNode page = OFFICE_CLIENT.get("/api/v1/clients/office.demo.gridpbx.test/users?offset=5&limit=5").json();

        assertThat(page.path("total").asInt()).isEqualTo(20);
        assertThat(page.path("offset").asInt()).isEqualTo(5);
        assertThat(page.path("limit").asInt()).isEqualTo(5);
        assertThat(page.path("items").valueStream().map(u -> u.path("extension").asString()))
                .containsExactly("205", "206", "207", "208", "209");
        JsonNode found = OFFICE_CLIENT.get("/api/v1/clients/office.demo.gridpbx.test/users?q=212").json();
        assertThat(found.path("total").asInt()).isEqualTo(1);
        assertThat(OFFICE_CLIENT.get("/api/v1/clients/office.demo.gridpbx.test/users").json().path("limit").asInt())
                .as("default page size").isEqualTo(50);
    }

    @Test
    void userJsonShowsItsSettingsLoginAndRegistrations_butNoSecret() {
        Reply user = OFFICE_CLIENT.get("/api/v1/users/202@office.demo.gridpbx.test");

        assertThat(user.status()).isEqualTo(200);
        JsonNode json = user.json();
        assertThat(json.path("aor").asString()).isEqualTo("202@office.demo.gridpbx.test");
        assertThat(json.path("extension").asString()).isEqualTo("202");
        assertThat(json.path("domain").asString()).isEqualTo("office.demo.gridpbx.test");
        assertThat(json.path("login").asString()).isEqualTo("202@office.demo.gridpbx.test");
        assertThat(json.path("registrations").isInt()).isTrue();
        assertThat(json.path("callSettings").propertyNames()).containsExactlyInAnyOrder("doNotDisturb", "callWaiting",
                "forwardUnconditional", "forwardBusy", "forwardNoAnswer", "noAnswerSeconds");
        assertThat(json.propertyNames()).contains("displayName", "firstName", "lastName", "profile", "profileName",
                "language", "department", "mac");
        assertThat(user.body().toLowerCase()).doesNotContain("password", "secret", "ha1", "hash");
    }

    @Test
    void clientCreatesReadsReplacesAndDeletesAUser() {
        Reply created = DEMO_RESELLER.post(TEAM_USERS, """
                {"extension":"100","displayName":"Ann","sipPassword":"sip-secret-1","login":"ann@team.example",
                 "portalPassword":"portal-pass-1","department":"Sales","mac":"00:11:22:AA:BB:CC"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/users/100@team.demo.gridpbx.test");

        JsonNode read = DEMO_RESELLER.get(created.location()).json();
        assertThat(read.path("displayName").asString()).isEqualTo("Ann");
        assertThat(read.path("mac").asString()).isEqualTo("001122aabbcc");
        assertThat(read.path("login").asString()).isEqualTo("ann@team.example");
        assertThat(read.path("department").asString()).isEqualTo("Sales");
        assertThat(read.path("registrations").asInt()).isZero();

        Reply replaced = DEMO_RESELLER.put(created.location(), """
                {"displayName":"Ann B.","login":"ann@team.example","department":"Support","language":"fr"}""");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode reread = DEMO_RESELLER.get(created.location()).json();
        assertThat(reread.path("displayName").asString()).isEqualTo("Ann B.");
        assertThat(reread.path("department").asString()).isEqualTo("Support");
        assertThat(reread.path("language").asString()).isEqualTo("fr");
        assertThat(reread.path("mac").isNull()).as("the replace sent no MAC").isTrue();

        assertThat(DEMO_RESELLER.delete(created.location()).status()).isEqualTo(204);
        assertThat(DEMO_RESELLER.get(created.location()).status()).isEqualTo(404);
    }

    @Test
    void namesAndAProfileOfTheReseller_areSavedShownAndSearched() {
        String standard = DEMO_RESELLER.post("/api/v1/config/user-profiles", """
                {"name":"Standard","maxCalls":"2"}""").json().path("id").asString();
        assertThat(DEMO_RESELLER.get("/api/v1/clients/team.demo.gridpbx.test/user-profiles").json().valueStream()
                .map(p -> p.path("id").asString() + "=" + p.path("name").asString())).contains(standard + "=Standard");

        Reply created = DEMO_RESELLER.post(TEAM_USERS, """
                {"extension":"110","firstName":"Zoé","lastName":"Marchand","sipPassword":"sip-secret-110",
                 "profile":"%s"}""".formatted(standard));
        assertThat(created.status()).isEqualTo(201);

        JsonNode read = DEMO_RESELLER.get(created.location()).json();
        assertThat(read.path("firstName").asString()).isEqualTo("Zoé");
        assertThat(read.path("lastName").asString()).isEqualTo("Marchand");
        assertThat(read.path("displayName").asString()).as("no display name: the person's name").isEqualTo("Zoé Marchand");
        assertThat(read.path("profile").asString()).isEqualTo(standard);
        assertThat(read.path("profileName").asString()).isEqualTo("Standard");
        assertThat(DEMO_RESELLER.get(TEAM_USERS + "?q=marchand").json().path("total").asInt()).isEqualTo(1);

        Reply replaced = DEMO_RESELLER.put(created.location(), """
                {"displayName":"Reception","firstName":"Zoé","lastName":"Durand"}""");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("displayName").asString()).isEqualTo("Reception");
        assertThat(replaced.json().path("lastName").asString()).isEqualTo("Durand");
        assertThat(replaced.json().path("profile").isNull()).as("the replace sent no profile").isTrue();
    }

    @Test
    void anUnknownProfile_anotherResellersProfile_orALongName_isA400OnItsField() {
        String foreign = OTHER_RESELLER.post("/api/v1/config/user-profiles", """
                {"name":"Other standard","maxCalls":"1"}""").json().path("id").asString();

        for (String profile : List.of("no-such-profile", foreign)) {
            Reply refused = DEMO_RESELLER.post(TEAM_USERS, """
                    {"extension":"111","displayName":"Pat","sipPassword":"sip-secret-111","profile":"%s"}"""
                    .formatted(profile));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.fieldsInError()).containsExactly("profile");
        }
        Reply longName = DEMO_RESELLER.post(TEAM_USERS, """
                {"extension":"111","lastName":"%s","sipPassword":"sip-secret-111"}""".formatted("x".repeat(101)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.fieldsInError()).containsExactly("lastName");
        assertThat(DEMO_RESELLER.get("/api/v1/users/111@team.demo.gridpbx.test").status()).isEqualTo(404);
    }

    @Test
    void invalidUserIsRefusedFieldByField_inTheRequestsOwnNames_andNothingIsSaved() {
        Reply refused = DEMO_RESELLER.post(TEAM_USERS, """
                {"extension":"bad ext","displayName":"","sipPassword":"short","login":"not-an-email","mac":"zz"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldsInError()).contains("extension", "displayName", "sipPassword", "login", "mac")
                .doesNotContain("email");
        assertThat(DEMO_RESELLER.get(TEAM_USERS + "?q=bad").json().path("total").asInt()).isZero();
    }

    @Test
    void takenExtensionAndBadReplace_leaveTheUserAsItWas() {
        String user = DEMO_RESELLER.post(TEAM_USERS, """
                {"extension":"101","displayName":"Bob","sipPassword":"sip-secret-2","mac":"001122334455"}""").location();

        Reply twice = DEMO_RESELLER.post(TEAM_USERS, """
                {"extension":"101","displayName":"Bob Again","sipPassword":"sip-secret-3"}""");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("fields").get(0).path("code").asString()).isEqualTo("extension.taken");

        Reply badReplace = DEMO_RESELLER.put(user, """
                {"displayName":"Robert","mac":"not-a-mac"}""");
        assertThat(badReplace.status()).isEqualTo(400);
        assertThat(badReplace.fieldsInError()).containsExactly("mac");
        JsonNode stored = DEMO_RESELLER.get(user).json();
        assertThat(stored.path("displayName").asString()).isEqualTo("Bob");
        assertThat(stored.path("mac").asString()).isEqualTo("001122334455");
    }
}
