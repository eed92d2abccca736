package io.gridpbx.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description and Swagger UI are served without a token, and describe bearer authentication. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class OpenApiDocsIT {

    @Test
    void apiDocsDescribeTheResourcesAndTheBearerScheme() {
        Reply docs = ApiClient.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("application/json");
        JsonNode json = docs.json();
        assertThat(json.path("paths").propertyNames()).contains("/api/v1/resellers", "/api/v1/resellers/{realm}",
                "/api/v1/clients", "/api/v1/clients/{domain}/users", "/api/v1/users/{aor}", "/api/v1/me/settings",
                "/api/v1/tokens", "/api/v1/tokens/{id}", "/api/v1/audit", "/api/v1/balances/{tenant}",
                "/api/v1/balances/{tenant}/top-ups");
        assertThat(json.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        JsonNode listParameters = json.path("paths").path("/api/v1/resellers").path("get").path("parameters");
        assertThat(listParameters.valueStream().map(p -> p.path("name").asString()))
                .containsExactlyInAnyOrder("offset", "limit", "q");
    }

    @Test
    void swaggerUiIsServed() {
        Reply ui = ApiClient.anonymous().get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
