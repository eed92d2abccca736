package io.gridpbx.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole node as the launcher starts it: grid, SIP and HTTP, with demo data and the operator endpoints. */
@Timeout(120)
class GridNodeApplicationIT {

    private static final int SIP_PORT = 45060;
    private static final int TLS_PORT = 45061;
    private static final String TOKEN = "it-operator-token";

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext node;
    private static String http;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = new SpringApplicationBuilder(GridPbxApplication.class).run(
                "--gridpbx.sip.host=127.0.0.1", "--gridpbx.sip.port=" + SIP_PORT, "--server.port=0",
                "--gridpbx.sip.tls-port=" + TLS_PORT,
                "--gridpbx.cluster.port=45701", "--gridpbx.cluster.name=node-it",
                "--gridpbx.data-dir=" + dataDir, "--gridpbx.api.operator-token=" + TOKEN);
        http = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void statusShowsOneMemberAndNoRegistrations() throws Exception {
        HttpResponse<String> status = get("/api/v1/node/status");

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"clusterSize\":1").contains("\"registeredAddresses\":0")
                .contains("\"node\":\"127.0.0.1:" + SIP_PORT + "\"");
    }

    @Test
    void optionsToTheNode_isAnsweredWith200() throws Exception {
        String options = """
                OPTIONS sip:127.0.0.1:%d SIP/2.0\r
                Via: SIP/2.0/UDP 127.0.0.1:45999;branch=z9hG4bK-it-options\r
                Max-Forwards: 70\r
                From: <sip:probe@127.0.0.1>;tag=probe1\r
                To: <sip:127.0.0.1:%d>\r
                Call-ID: options-it@127.0.0.1\r
                CSeq: 1 OPTIONS\r
                Content-Length: 0\r
                \r
                """.formatted(SIP_PORT, SIP_PORT);
        try (DatagramSocket socket = new DatagramSocket(45999, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), SIP_PORT));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII))
                    .startsWith("SIP/2.0 200 OK").contains("Allow: ");
        }
    }

    @Test
    void provisioningWithoutToken_isRefused() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(http + "/api/v1/provisioning/resellers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"realm\":\"x.gridpbx.test\",\"name\":\"X\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void provisioningCreatesATenantAndExplainsBadInput() throws Exception {
        assertThat(post("/api/v1/provisioning/resellers", "{\"realm\":\"it.gridpbx.test\",\"name\":\"IT\"}").statusCode())
                .isEqualTo(201);
        assertThat(post("/api/v1/provisioning/clients",
                "{\"domain\":\"lab.it.gridpbx.test\",\"name\":\"Lab\",\"resellerRealm\":\"it.gridpbx.test\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> users = post("/api/v1/provisioning/user-ranges",
                "{\"domain\":\"lab.it.gridpbx.test\",\"firstExtension\":5000,\"count\":50,\"passwordPrefix\":\"pw\"}");
        assertThat(users.statusCode()).isEqualTo(201);
        assertThat(users.body()).contains("\"created\":50");

        HttpResponse<String> wrongParent = post("/api/v1/provisioning/clients",
                "{\"domain\":\"lab.elsewhere.test\",\"name\":\"Lab\",\"resellerRealm\":\"it.gridpbx.test\"}");
        assertThat(wrongParent.statusCode()).isEqualTo(400);
        assertThat(wrongParent.body()).contains("must be one label below it.gridpbx.test");

        HttpResponse<String> unknownClient = post("/api/v1/provisioning/user-ranges",
                "{\"domain\":\"nope.it.gridpbx.test\",\"firstExtension\":1,\"count\":1,\"passwordPrefix\":\"pw\"}");
        assertThat(unknownClient.statusCode()).isEqualTo(400);
        assertThat(unknownClient.body()).contains("unknown client domain");

        assertThat(post("/api/v1/provisioning/user-ranges", "{not json").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(http + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(http + path))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** With no keystore configured the node made its own certificate in its data directory and serves TLS with it. */
    @Test
    void tlsPort_servesTheSelfSignedCertificateKeptInTheDataDirectory() throws Exception {
        java.nio.file.Path keyStore = dataDir.resolve("tls").resolve("sip-tls.p12");
        assertThat(keyStore).isRegularFile();
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.cert.X509Certificate[][] seen = new java.security.cert.X509Certificate[1][];
        context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                seen[0] = chain;
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket("127.0.0.1", TLS_PORT)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
        }
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(keyStore)) {
            store.load(in, java.nio.file.Files.readString(dataDir.resolve("tls").resolve("sip-tls.password")).strip()
                    .toCharArray());
        }
        assertThat(seen[0][0]).isEqualTo(store.getCertificate("gridpbx-sip"));
    }
}
