package io.gridpbx.node.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** POSTs each event as JSON to the operator's URL; any answer but 2xx is a failure. */
final class WebhookChannel implements AlertChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    WebhookChannel(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook " + url;
    }

    @Override
    public void send(AlertEvent event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "GridPBX-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event.fields()))).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("answered " + response.statusCode());
        }
    }
}
