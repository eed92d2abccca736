package io.gridpbx.node.xcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.digest.DigestClient;
import io.gridpbx.node.GridPbxApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Users of a real demo node manage their lists over XCAP, through real HTTP with their SIP credentials:
 * Digest as a phone answers it (one nonce, counting up), Basic for a user of another domain.
 */
@Timeout(180)
class XcapIT {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final String LISTS_TYPE = "application/resource-lists+xml";
    private static final byte[] FRIENDS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
              <list name="friends">
                <entry uri="sip:202@office.demo.gridpbx.test"><display-name>Bob</display-name></entry>
                <entry uri="sip:203@office.demo.gridpbx.test"/>
              </list>
            </resource-lists>
            """.getBytes(StandardCharsets.UTF_8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext node;
    private static Path dataDir;
    private static String base;

    @BeforeAll
    static void startADemoNode() throws IOException {
        dataDir = Files.createTempDirectory("gridpbx-xcap-it");
        node = new SpringApplicationBuilder(GridPbxApplication.class).run(
                "--server.port=0", "--gridpbx.sip.host=127.0.0.1", "--gridpbx.sip.port=15380",
                "--gridpbx.sip.tls-port=0", "--gridpbx.dns.port=0",
                "--gridpbx.cluster.name=xcap-it", "--gridpbx.cluster.port=5980",
                "--gridpbx.data-dir=" + dataDir, "--gridpbx.demo=true");
        base = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() throws IOException {
        node.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void withoutCredentials_is401_withADigestChallengeInTheOwnersDomain() {
        HttpResponse<byte[]> refused = send(request("GET", lists("201")).build());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v)
                .startsWith("Digest ").contains("realm=\"" + OFFICE + "\"", "qop=\"auth\""))
                .anySatisfy(v -> assertThat(v).startsWith("Basic "));
    }

    @Test
    void aUserPutsItsList_getsItBackByteForByte_andEditsItOnlyWithTheCurrentTag() {
        Phone alice = new Phone("201", "pass201");

        HttpResponse<byte[]> created = alice.send("PUT", lists("201"), FRIENDS, LISTS_TYPE);
        assertThat(created.statusCode()).isEqualTo(201);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        HttpResponse<byte[]> read = alice.send("GET", lists("201"), null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(FRIENDS);
        assertThat(read.headers().firstValue("ETag")).contains(etag);
        assertThat(read.headers().firstValue("Content-Type")).contains(LISTS_TYPE);
        assertThat(alice.send("GET", lists("201"), null, null, "If-None-Match", etag).statusCode()).isEqualTo(304);

        assertThat(alice.send("PUT", lists("201"), FRIENDS, LISTS_TYPE, "If-Match", "\"stale\"").statusCode())
                .isEqualTo(412);
        HttpResponse<byte[]> replaced = alice.send("PUT", lists("201"), FRIENDS, LISTS_TYPE, "If-Match", etag);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).get().isNotEqualTo(etag);
        assertThat(alice.send("PUT", lists("201"), FRIENDS, LISTS_TYPE, "If-Match", etag).statusCode())
                .as("the tag it replaced").isEqualTo(412);
    }

    @Test
    void aDeleteWithTheRightTag_removesTheDocument() {
        Phone carol = new Phone("203", "pass203");
        String etag = carol.send("PUT", lists("203"), FRIENDS, LISTS_TYPE).headers().firstValue("ETag").orElseThrow();

        assertThat(carol.send("DELETE", lists("203"), null, null, "If-Match", "\"stale\"").statusCode()).isEqualTo(412);
        assertThat(carol.send("DELETE", lists("203"), null, null, "If-Match", etag).statusCode()).isEqualTo(200);
        assertThat(carol.send("GET", lists("203"), null, null).statusCode()).isEqualTo(404);
        assertThat(carol.send("DELETE", lists("203"), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badDocuments_getAClear4xx_andNothingIsStored() {
        Phone dave = new Phone("204", "pass204");

        HttpResponse<byte[]> broken = dave.send("PUT", lists("204"),
                "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list".getBytes(StandardCharsets.UTF_8),
                LISTS_TYPE);
        assertThat(broken.statusCode()).isEqualTo(409);
        assertThat(broken.headers().firstValue("Content-Type")).get().asString().startsWith("application/xcap-error+xml");
        assertThat(new String(broken.body(), StandardCharsets.UTF_8))
                .contains("<xcap-error xmlns=\"urn:ietf:params:xml:ns:xcap-error\">", "<not-well-formed");

        long start = System.nanoTime();
        HttpResponse<byte[]> bomb = dave.send("PUT", lists("204"), billionLaughs(), LISTS_TYPE);
        assertThat(bomb.statusCode()).isEqualTo(409);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(new String(bomb.body(), StandardCharsets.UTF_8)).contains("<constraint-failure");

        assertThat(dave.send("PUT", lists("204"), new byte[2 * 1024 * 1024], LISTS_TYPE).statusCode()).isEqualTo(413);
        assertThat(dave.send("PUT", lists("204"), FRIENDS, "application/xml").statusCode()).isEqualTo(415);
        assertThat(dave.send("GET", lists("204") + "/~~/resource-lists/list%5B@name=%22friends%22%5D", null, null)
                .statusCode()).isEqualTo(501);
        assertThat(dave.send("GET", lists("204"), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersDocument_is403InItsDomain_and404FromAnother() {
        Phone erin = new Phone("205", "pass205");
        assertThat(erin.send("PUT", lists("205"), FRIENDS, LISTS_TYPE).statusCode()).isEqualTo(201);

        Phone frank = new Phone("206", "pass206");
        assertThat(frank.send("GET", lists("205"), null, null).statusCode()).isEqualTo(403);
        assertThat(frank.send("PUT", lists("205"), FRIENDS, LISTS_TYPE).statusCode()).isEqualTo(403);

        HttpResponse<byte[]> outsider = send(request("GET", lists("205")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("400@shop.other.gridpbx.test:pass400".getBytes(StandardCharsets.UTF_8)))
                .build());
        assertThat(outsider.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> wrongPassword = send(request("GET", lists("205")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("205:wrong".getBytes(StandardCharsets.UTF_8))).build());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    private static String lists(String extension) {
        return "/xcap/resource-lists/users/sip:" + extension + "@" + OFFICE + "/index";
    }

    /** A desk phone's XCAP client: answers one Digest challenge, then counts up on its nonce. */
    private static final class Phone {
        private final String user;
        private final String password;
        private DigestClient.@Nullable Challenge challenge;
        private int nc;

        Phone(String user, String password) {
            this.user = user;
            this.password = password;
        }

        HttpResponse<byte[]> send(String method, String path, byte @Nullable [] body, @Nullable String type,
                String... headers) {
            if (challenge == null) {
                HttpResponse<byte[]> refused = XcapIT.send(request("GET", path).build());
                assertThat(refused.statusCode()).isEqualTo(401);
                challenge = DigestClient.strongest(refused.headers().allValues("WWW-Authenticate")).orElseThrow();
            }
            HttpRequest.Builder request = request(method, path, body, type, headers).header("Authorization",
                    DigestClient.answer(challenge, user, password, method, path, "cn" + nc, ++nc));
            return XcapIT.send(request.build());
        }
    }

    private static HttpRequest.Builder request(String method, String path) {
        return request(method, path, null, null);
    }

    private static HttpRequest.Builder request(String method, String path, byte @Nullable [] body,
            @Nullable String type, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Entity expansion to a billion "lol"s, were it ever expanded. */
    private static byte[] billionLaughs() {
        List<String> entities = new ArrayList<>(List.of("<!ENTITY lol \"lol\">"));
        for (int i = 1; i <= 9; i++) {
            entities.add("<!ENTITY lol" + i + " \"" + ("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10) + "\">");
        }
        return ("<?xml version=\"1.0\"?><!DOCTYPE lolz [" + String.join("", entities) + "]>"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"&lol9;\"/>"
                + "</resource-lists>").getBytes(StandardCharsets.UTF_8);
    }
}
