package io.gridpbx.node.alerts;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.Condition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook delivery against a real HTTP server on loopback: the JSON, retries after failures, and a hung receiver. */
@Timeout(60)
class WebhookDeliveryTest {

    private static final Alert RAISED = Alert.raise(new Condition(AlertKind.NODE_LEFT, "127.0.0.3:5701",
            "member 127.0.0.3:5701 left", 2), Instant.parse("2026-12-05T23:00:00Z"), "127.0.0.1:5701");

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int failFirst;
    private volatile boolean hang;
    private AlertDelivery delivery = new AlertDelivery(List.of(), 1, Duration.ZERO);

    WebhookDeliveryTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            int n = posts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hang) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = n <= failFirst ? 503 : 204;
            if (status == 204) {
                bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                        + " " + body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        delivery.close();
        server.stop(0);
    }

    @Test
    void aRaiseAndAClear_arePostedAsJson_once_each() {
        delivery = delivery(4, Duration.ofSeconds(5));

        delivery.deliver(AlertEvent.raised(RAISED));
        assertTrueEventually(() -> assertThat(bodies).hasSize(1), 10);
        delivery.deliver(AlertEvent.cleared(RAISED.clear(Instant.parse("2026-12-05T23:05:00Z"), "127.0.0.2:5701")));
        assertTrueEventually(() -> assertThat(bodies).hasSize(2), 10);

        assertThat(bodies.getFirst()).startsWith("POST application/json {");
        JsonNode raised = json(bodies.getFirst());
        assertThat(raised.path("status").asString()).isEqualTo("firing");
        assertThat(raised.path("alert").asString()).isEqualTo("node-left");
        assertThat(raised.path("id").asString()).isEqualTo("node-left:127.0.0.3:5701");
        assertThat(raised.path("severity").asString()).isEqualTo("critical");
        assertThat(raised.path("raisedAt").asString()).isEqualTo("2026-12-05T23:00:00Z");
        assertThat(raised.path("clearedAt").isNull()).isTrue();
        JsonNode cleared = json(bodies.get(1));
        assertThat(cleared.path("status").asString()).isEqualTo("resolved");
        assertThat(cleared.path("clearedBy").asString()).isEqualTo("127.0.0.2:5701");
        assertThat(posts.get()).isEqualTo(2);
    }

    @Test
    void aReceiverThatFails_isTriedAgain_untilItTakesTheEvent() {
        failFirst = 2;
        delivery = delivery(4, Duration.ofSeconds(5));

        delivery.deliver(AlertEvent.raised(RAISED));

        assertTrueEventually(() -> assertThat(bodies).hasSize(1), 10);
        assertThat(posts.get()).isEqualTo(3);
    }

    @Test
    void aHungReceiver_neitherBlocksTheCaller_norIsWaitedForBeyondTheTimeout() {
        hang = true;
        delivery = delivery(2, Duration.ofMillis(300));

        long start = System.nanoTime();
        delivery.deliver(AlertEvent.raised(RAISED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));

        // Two attempts, each cut at the timeout: the second POST arrives, then no third.
        assertTrueEventually(() -> assertThat(posts.get()).isEqualTo(2), 10);
        assertThat(bodies).isEmpty();
    }

    private AlertDelivery delivery(int attempts, Duration timeout) {
        URI hook = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/hook");
        return new AlertDelivery(List.of(new WebhookChannel(hook, timeout)), attempts, Duration.ofMillis(50));
    }

    private static JsonNode json(String posted) {
        return JsonMapper.builder().build().readTree(posted.substring(posted.indexOf('{')));
    }
}
