package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a bad request gets: 401 without a token, a JSON 400 for bad JSON or types, never a stack trace. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class ApiRefusalsIT {

    @Test
    void withoutAToken_theApiAnswers401WithABearerChallenge() {
        Reply refused = ApiClient.anonymous().get("/api/v1/resellers");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.json().path("error").asString()).isEqualTo("unauthorized");
        assertThat(refused.json().path("message").asString()).isNotBlank();
        assertThat(ApiClient.anonymous().delete("/api/v1/clients/office.demo.gridpbx.test").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous().get("/api/v1/no-such-resource").status()).isEqualTo(401);
    }

    @Test
    void dotSegmentsThroughAnExemptPath_doNotEscapeTheTokenCheck() {
        Reply refused = ApiClient.anonymous().get("/api/v1/node/../resellers");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void unknownTokenOrOtherScheme_is401() {
        Reply unknown = ApiClient.as("no-such-token").get("/api/v1/me");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).contains("invalid_token");

        Reply basic = ApiClient.anonymous().send(ApiClient.anonymous().request("/api/v1/me")
                .header("Authorization", "Basic YWRtaW46cGFzcw==").GET());
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void malformedJson_is400WithAClearBody() {
        Reply refused = PLATFORM.post("/api/v1/resellers", "{\"realm\": \"x\", name");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asString()).isEqualTo("malformed-json");
        assertThat(refused.body()).doesNotContain("Exception", "\tat ", "trace");
        assertThat(PLATFORM.post("/api/v1/resellers", "").json().path("error").asString()).isEqualTo("malformed-json");
        Reply array = PLATFORM.post("/api/v1/resellers", "[1, 2]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().path("message").asString()).isEqualTo("the body must be a JSON object");
    }

    @Test
    void unknownResource_isAJson404_notThePortalsPage() {
        Reply unknown = PLATFORM.get("/api/v1/no-such-resource");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).isEqualTo("not-found");
        assertThat(PLATFORM.get("/api/v1/users/202@office.demo.gridpbx.test/extra").status()).isEqualTo(404);
    }

    @Test
    void aResourceAskedWithAMethodItDoesNotTake_isA405_withTheMethodsItTakes() {
        Reply patch = PLATFORM.send(PLATFORM.request("/api/v1/resellers/demo.gridpbx.test")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        Reply deleteAll = PLATFORM.delete("/api/v1/resellers");

        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.header("Allow")).contains("GET", "PUT", "DELETE").doesNotContain("PATCH");
        assertThat(patch.json().path("error").asString()).isEqualTo("method-not-allowed");
        assertThat(deleteAll.status()).isEqualTo(405);
        assertThat(deleteAll.header("Allow")).contains("GET", "POST");
        assertThat(PLATFORM.get("/api/v1/resellers/demo.gridpbx.test").status()).as("still served").isEqualTo(200);
    }

    @Test
    void wrongTypeInTheBody_namesTheField() {
        Reply refused = PLATFORM.post("/api/v1/resellers", """
                {"realm":"typed","name":"Typed","email":"admin@typed.example","discountPercent":"lots","password":"typed-pass"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asString()).isEqualTo("validation");
        assertThat(refused.fieldsInError()).containsExactly("discountPercent");
        assertThat(refused.json().path("fields").get(0).path("code").asString()).isEqualTo("type.invalid");
        assertThat(PLATFORM.get("/api/v1/resellers/typed.gridpbx.test").status()).isEqualTo(404);
    }

    @Test
    void badPagingParameters_are400() {
        Reply notANumber = PLATFORM.get("/api/v1/resellers?limit=ten");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.fieldsInError()).containsExactly("limit");

        Reply tooLong = PLATFORM.get("/api/v1/resellers?limit=501");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.fieldsInError()).containsExactly("limit");
        assertThat(PLATFORM.get("/api/v1/resellers?limit=500").status()).isEqualTo(200);
    }

    @Test
    void wrongMediaType_is415() {
        Reply refused = PLATFORM.send(PLATFORM.request("/api/v1/tokens").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("label=x")));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().path("error").asString()).isEqualTo("unsupported-media-type");
    }

    @Test
    void nodeStatusAndOperatorProvisioning_keepTheirOwnRules() {
        assertThat(ApiClient.anonymous().get("/api/v1/node/status").status()).isEqualTo(200);

        Reply withoutOperatorToken = ApiClient.anonymous().post("/api/v1/provisioning/resellers", """
                {"realm":"prov.gridpbx.test","name":"Prov"}""");
        assertThat(withoutOperatorToken.status()).isEqualTo(401);
        assertThat(withoutOperatorToken.json().path("error").asString()).isEqualTo("operator token required");

        Reply withOperatorToken = ApiClient.as(ApiNode.OPERATOR_TOKEN).post("/api/v1/provisioning/resellers", """
                {"realm":"prov.gridpbx.test","name":"Prov"}""");
        assertThat(withOperatorToken.status()).isEqualTo(201);
    }
}
