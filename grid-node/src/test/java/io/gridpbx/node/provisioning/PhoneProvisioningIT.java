package io.gridpbx.node.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.ConfigStore;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
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
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Desk phones fetch their configuration from a real demo node over HTTP: a Yealink and a Polycom get
 * their user's account and BLF keys; a wrong secret gets 401, an unknown MAC 404 and then 429. Every
 * fetch here comes from 127.0.0.1, so the rate-limit test runs last.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneProvisioningIT {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("201@" + OFFICE);
    private static final AddressOfRecord BOB = AddressOfRecord.parse("202@" + OFFICE);
    private static final String YEALINK = "805ec0a1b201";
    private static final String POLYCOM = "0004f2a1b202";
    private static final String YEALINK_UA = "Yealink SIP-T46U 108.86.0.45 80:5e:c0:a1:b2:01";
    private static final String POLYCOM_UA = "FileTransport PolycomVVX-VVX_411-UA/6.4.3.5018 Type/Application";

    private static ConfigurableApplicationContext node;
    private static Path dataDir;
    private static String base;
    private static String aliceSecret;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startANodeWithTwoDeskPhones() throws IOException {
        dataDir = Files.createTempDirectory("gridpbx-prov-it");
        node = new SpringApplicationBuilder(GridPbxApplication.class).run(
                "--server.port=0", "--gridpbx.sip.host=127.0.0.1", "--gridpbx.sip.port=15280",
                "--gridpbx.sip.tls-port=0", "--gridpbx.dns.port=0",
                "--gridpbx.cluster.name=prov-it", "--gridpbx.cluster.port=5880",
                "--gridpbx.data-dir=" + dataDir, "--gridpbx.demo=true",
                "--gridpbx.provisioning.unknown-mac-misses=6");
        base = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + "/prov/";
        TenantDirectory directory = node.getBean(TenantDirectory.class);
        directory.saveUser(withMac(directory.user(ALICE).orElseThrow(), YEALINK));
        directory.saveUser(withMac(directory.user(BOB).orElseThrow(), POLYCOM));
        ConfigStore configs = node.getBean(ConfigStore.class);
        configs.save(new ConfigObject(ConfigKind.MY_PHONE, ConfigObject.SINGLE_ID, Scope.user(ALICE),
                Map.of("model", "T46U", "blfKeys", "202,203", "timeZone", "Europe/Paris")));
        configs.save(new ConfigObject(ConfigKind.MY_PHONE, ConfigObject.SINGLE_ID, Scope.user(BOB),
                Map.of("model", "VVX411", "blfKeys", "201")));
        aliceSecret = node.getBean(PhoneProvisioning.class).issueSecret(Scope.client(OFFICE), "it", ALICE);
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

    private static User withMac(User u, String mac) {
        return new User(u.extension(), u.domain(), u.authUser(), u.displayName(), u.language(), u.callSettings(),
                u.department(), mac, u.firstName(), u.lastName(), u.profile());
    }

    private static HttpResponse<String> get(String file, String userAgent, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + file)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", userAgent);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void aYealinkWithItsSecret_getsItsUsersAccountAndBlfKeys() {
        HttpResponse<String> reply = get(YEALINK + ".cfg", YEALINK_UA, YEALINK, aliceSecret);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(reply.body()).startsWith("#!version:1.0.0.1")
                .contains("account.1.auth_name = 201", "account.1.user_name = 201", "account.1.password = pass201",
                        "account.1.sip_server.1.address = " + OFFICE, "local_time.time_zone_name = Europe/Paris",
                        "linekey.1.type = 16", "linekey.1.value = 202", "linekey.2.value = 203");
        PhoneProvisioning provisioning = node.getBean(PhoneProvisioning.class);
        assertThat(provisioning.phone(YEALINK).orElseThrow().lastProvisioned()).isNotNull();
        assertThat(node.getBean(AuditLog.class).recent(Scope.user(ALICE), 20))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("provision"))
                .allSatisfy(e -> assertThat(e.subject()).doesNotContain("pass201", aliceSecret));
    }

    @Test
    @Order(2)
    void aPolycomWithItsSipCredentials_getsItsMasterFileThenItsAccountAndBlfKeys() {
        HttpResponse<String> master = get(POLYCOM + ".cfg", POLYCOM_UA, "202", "pass202");
        HttpResponse<String> phone = get(POLYCOM + "-phone.cfg", POLYCOM_UA, "202", "pass202");

        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.body()).contains("CONFIG_FILES=\"" + POLYCOM + "-phone.cfg\"");
        assertThat(phone.statusCode()).isEqualTo(200);
        assertThat(phone.body()).contains("<polycomConfig>", "reg.1.address=\"202@" + OFFICE + "\"",
                "reg.1.auth.userId=\"202\"", "reg.1.auth.password=\"pass202\"",
                "attendant.resourceList.1.address=\"sip:201@" + OFFICE + "\"",
                "voice.codecPref.G711_Mu=\"1\"");
    }

    @Test
    @Order(3)
    void aPhoneAnsweringTheDigestChallengeWithItsSipCredentials_getsItsConfiguration() {
        HttpResponse<String> challenged = get(POLYCOM + "-phone.cfg", POLYCOM_UA, null, null);
        String digest = challenged.headers().allValues("WWW-Authenticate").stream()
                .filter(v -> v.startsWith("Digest ")).findFirst().orElseThrow();
        assertThat(challenged.statusCode()).isEqualTo(401);
        assertThat(challenged.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).startsWith("Basic"));
        assertThat(digest).contains("realm=\"" + OFFICE + "\"", "algorithm=MD5", "qop=\"auth\"");
        String nonce = digest.replaceAll(".*nonce=\"([^\"]+)\".*", "$1");
        String uri = "/prov/" + POLYCOM + "-phone.cfg";
        DigestResponse unsigned = new DigestResponse("202", OFFICE, nonce, uri, "", "MD5", "auth", "00000001", "c0ffee");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1("202", OFFICE, "pass202"), "GET", unsigned);

        HttpResponse<String> served = send(HttpRequest.newBuilder(URI.create(base + POLYCOM + "-phone.cfg"))
                .header("User-Agent", POLYCOM_UA).header("Authorization", "Digest username=\"202\", realm=\""
                        + OFFICE + "\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", response=\"" + response
                        + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"").GET().build());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("reg.1.auth.userId=\"202\"");
    }

    @Test
    @Order(4)
    void aPhoneMovedToAnotherUser_getsTheNewAccountOnItsNextFetch() {
        TenantDirectory directory = node.getBean(TenantDirectory.class);
        AddressOfRecord carol = AddressOfRecord.parse("204@" + OFFICE);
        directory.saveUser(withMac(directory.user(carol).orElseThrow(), "805ec0a1b204"));
        directory.saveUser(withMac(directory.user(carol).orElseThrow(), null));
        AddressOfRecord dave = AddressOfRecord.parse("205@" + OFFICE);
        directory.saveUser(withMac(directory.user(dave).orElseThrow(), "805ec0a1b204"));

        HttpResponse<String> reply = get("805ec0a1b204.cfg", YEALINK_UA, "205", "pass205");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("account.1.auth_name = 205").doesNotContain("= 204");
        assertThat(get("805ec0a1b204.cfg", YEALINK_UA, "204", "pass204").statusCode())
                .as("the old user's credentials").isEqualTo(401);
    }

    @Test
    @Order(5)
    void theApi_issuesANewSecret_andTheOldOneStopsWorking() throws Exception {
        HttpRequest issue = HttpRequest.newBuilder(URI.create(base.replace("/prov/", "/api/v1/users/" + ALICE
                        + "/phone-secret"))).header("Authorization", "Bearer office-client-token")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> issued = HTTP.send(issue, HttpResponse.BodyHandlers.ofString());

        assertThat(issued.statusCode()).isEqualTo(201);
        String secret = issued.body().replaceAll(".*\"secret\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(issued.body()).contains("\"mac\":\"" + YEALINK + "\"");
        assertThat(get(YEALINK + ".cfg", YEALINK_UA, YEALINK, aliceSecret).statusCode()).isEqualTo(401);
        assertThat(get(YEALINK + ".cfg", YEALINK_UA, YEALINK, secret).statusCode()).isEqualTo(200);
        aliceSecret = secret;
    }

    @Test
    @Order(6)
    void aWrongSecretOrNone_is401WithDigestAndBasicChallenges() {
        HttpResponse<String> wrong = get(YEALINK + ".cfg", YEALINK_UA, YEALINK, "not-the-secret");
        HttpResponse<String> none = get(YEALINK + ".cfg", YEALINK_UA, null, null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).startsWith("Basic"))
                .anySatisfy(v -> assertThat(v).startsWith("Digest realm=\"" + OFFICE + "\""));
        assertThat(wrong.body()).doesNotContain("pass201");
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void badNames_getAClear4xx_andTheNodeGoesOnServing() {
        assertThat(get("a/b", YEALINK_UA, null, null).statusCode()).isEqualTo(400);
        assertThat(get("..%2F..%2Fetc%2Fpasswd", YEALINK_UA, null, null).statusCode()).isBetween(400, 404);
        assertThat(get("%00.cfg", YEALINK_UA, null, null).statusCode()).isBetween(400, 404);
        assertThat(get("x".repeat(200), YEALINK_UA, null, null).statusCode()).isEqualTo(400);
        assertThat(get("x".repeat(20_000), YEALINK_UA, null, null).statusCode()).isBetween(400, 431);
        assertThat(get(YEALINK + ".cfg", YEALINK_UA, YEALINK, aliceSecret).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void anUnknownMac_is404_andRepeatedFetchesFromOneSourceAre429() {
        assertThat(get("001122334455.cfg", YEALINK_UA, null, null).statusCode()).isEqualTo(404);
        // The earlier tests' wrong passwords from this address count too: the limit comes within 10 fetches.
        HttpResponse<String> limited = null;
        for (int i = 0; i < 10 && (limited == null || limited.statusCode() == 404); i++) {
            limited = get(String.format("cfg0011223344%02d.xml", i), YEALINK_UA, null, null);
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(get(YEALINK + ".cfg", YEALINK_UA, YEALINK, aliceSecret).statusCode())
                .as("that source, until the window ends").isEqualTo(429);
    }
}
