package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SIP edge's bans over real HTTP and real SIP: a scanner banned by the node's SIP side is listed,
 * lifted by the platform and served again; the allow-list is validated, saved and applied; other
 * levels get 403.
 */
@Timeout(120)
@ExtendWith(ApiNode.class)
class SecurityApiIT {

    /** ApiNode's SIP port. */
    private static final int SIP_PORT = 15180;

    @Test
    void aBannedScannerIsListed_liftedByThePlatform_andServedAgain() throws IOException {
        try (DatagramSocket scanner = socketOn("127.0.0.31")) {
            send(scanner, options(scanner, "scan-1", "User-Agent: sipvicious\r\n"));
            await(() -> PLATFORM.get("/api/v1/security/bans").body().contains("127.0.0.31"), "the ban is listed");

            ApiClient.Reply bans = PLATFORM.get("/api/v1/security/bans");
            assertThat(bans.status()).isEqualTo(200);
            assertThat(bans.json().valueStream().filter(b -> b.path("address").asString().equals("127.0.0.31")))
                    .singleElement().satisfies(b -> assertThat(b.path("reason").asString()).isEqualTo("SCANNER"));
            assertThat(DEMO_RESELLER.get("/api/v1/security/bans").status()).isEqualTo(403);
            assertThat(OFFICE_CLIENT.delete("/api/v1/security/bans/127.0.0.31").status()).isEqualTo(403);
            assertThat(PLATFORM.get("/api/v1/node/status").json().path("security").path("bansIssued").asLong())
                    .isPositive();

            assertThat(PLATFORM.delete("/api/v1/security/bans/127.0.0.31").status()).isEqualTo(204);
            assertThat(PLATFORM.delete("/api/v1/security/bans/127.0.0.31").status()).isEqualTo(404);
            assertThat(answerTo(scanner, options(scanner, "after-unban", ""))).startsWith("SIP/2.0 200 ");
            assertThat(PLATFORM.get("/api/v1/audit").body()).contains("sip-unban");
        }
    }

    @Test
    void theAllowListIsValidated_saved_andNeverBanned() throws IOException {
        ApiClient.Reply bad = PLATFORM.put("/api/v1/security/allow-list", """
                {"entries":["198.51.100.0/24","pbx.example.com","10.0.0.0/99"]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldsInError()).containsExactly("allowList[1]", "allowList[2]");
        assertThat(DEMO_RESELLER.put("/api/v1/security/allow-list", """
                {"entries":["127.0.0.32"]}""").status()).isEqualTo(403);

        ApiClient.Reply saved = PLATFORM.put("/api/v1/security/allow-list", """
                {"entries":["127.0.0.32", "198.51.100.7/24"]}""");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(PLATFORM.get("/api/v1/security/allow-list").body())
                .contains("127.0.0.32/32").contains("198.51.100.0/24");

        try (DatagramSocket scanner = socketOn("127.0.0.32")) {
            // The allow-list reaches the guard through a map event: ask until the scanner is served.
            await(() -> {
                try {
                    return answerTo(scanner, options(scanner, "allowed-" + System.nanoTime(), "User-Agent: sipvicious\r\n"))
                            .startsWith("SIP/2.0 200 ");
                } catch (AssertionError | IOException notYet) {
                    return false;
                }
            }, "an allow-listed source is served whatever its User-Agent");
        }
        assertThat(PLATFORM.get("/api/v1/security/bans").body()).doesNotContain("127.0.0.32");
    }

    private static DatagramSocket socketOn(String address) throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
    }

    private static String options(DatagramSocket socket, String callId, String extra) {
        String self = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        return "OPTIONS sip:127.0.0.1:" + SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + self + ";rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + self + ">;tag=" + callId + "\r\n"
                + "To: <sip:127.0.0.1:" + SIP_PORT + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static void send(DatagramSocket socket, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", SIP_PORT)));
    }

    /** Sends, and resends every 500 ms like a phone, until answered or 3 s have passed. */
    private static String answerTo(DatagramSocket socket, String request) throws IOException {
        socket.setSoTimeout(500);
        byte[] buffer = new byte[65535];
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            send(socket, request);
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException quiet) {
                // resend
            }
        }
        throw new AssertionError("no answer within 3 s");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }
}
