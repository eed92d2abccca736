package io.gridpbx.node.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the {@link ApiNode} with one bearer token (or none), answering status, headers and parsed JSON. */
final class ApiClient {

    /** The demo tokens that a demo node files at first start (core's DemoAccess). */
    static final ApiClient PLATFORM = as("demo-platform-token");
    static final ApiClient DEMO_RESELLER = as("demo-reseller-token");
    static final ApiClient OTHER_RESELLER = as("other-reseller-token");
    static final ApiClient OFFICE_CLIENT = as("office-client-token");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable String token;

    private ApiClient(@Nullable String token) {
        this.token = token;
    }

    static ApiClient as(String token) {
        return new ApiClient(token);
    }

    static ApiClient anonymous() {
        return new ApiClient(null);
    }

    /** The answer: the JSON body is an empty object when the body is empty or not JSON. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            if (body.isBlank() || !(body.startsWith("{") || body.startsWith("["))) {
                return JSON.createObjectNode();
            }
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        /** The path of the Location header, e.g. {@code /api/v1/resellers/acme.gridpbx.test}. */
        String location() {
            return URI.create(header("Location")).getPath();
        }

        /** The fields named by a 400 validation body. */
        List<String> fieldsInError() {
            return json().path("fields").valueStream().map(f -> f.path("field").asString()).toList();
        }
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(ApiNode.baseUrl() + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
