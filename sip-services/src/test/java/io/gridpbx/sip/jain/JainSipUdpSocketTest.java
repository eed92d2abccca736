package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JainSipUdpSocketTest {

    @Test
    void datagramsHandedOverFromManyThreads_allLeaveFromTheRealSocket_eachThreadsInItsOrder() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, 0));
                JainSipUdpSocket socket = new JainSipUdpSocket(
                        new DatagramSocket(new InetSocketAddress(loopback, 0)), "test-udp-sender")) {
            peer.setReceiveBufferSize(1 << 20);
            int threads = 4;
            int each = 200;
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < each; i++) {
                        byte[] bytes = (thread + ":" + i).getBytes(StandardCharsets.US_ASCII);
                        socket.send(new DatagramPacket(bytes, bytes.length, peer.getLocalSocketAddress()));
                    }
                }));
            }
            for (Thread sender : senders) {
                sender.join();
            }

            peer.setSoTimeout(5_000);
            int[] next = new int[threads];
            byte[] buffer = new byte[64];
            for (int n = 0; n < threads * each; n++) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                peer.receive(packet);
                assertThat(packet.getPort()).as("sent from the real socket").isEqualTo(socket.getLocalPort());
                String[] parts = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII).split(":");
                int thread = Integer.parseInt(parts[0]);
                assertThat(Integer.parseInt(parts[1])).isEqualTo(next[thread]++);
            }
            assertThat(socket.dropped()).isZero();
        }
    }

    @Test
    void closing_closesTheRealSocket() throws Exception {
        DatagramSocket real = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        JainSipUdpSocket socket = new JainSipUdpSocket(real, "test-udp-sender-close");
        socket.close();
        assertThat(real.isClosed()).isTrue();
        assertThat(socket.isClosed()).isTrue();
    }
}
