package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JainSipUdpSocketTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void datagramsHandedOverFromManyThreads_allLeaveFromTheBoundPort_eachThreadsInItsOrder() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                JainSipUdpSocket socket = bind((datagram, at) -> { })) {
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
                assertThat(packet.getPort()).as("sent from the bound port").isEqualTo(socket.getLocalPort());
                String[] parts = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII).split(":");
                int thread = Integer.parseInt(parts[0]);
                assertThat(Integer.parseInt(parts[1])).isEqualTo(next[thread]++);
            }
            assertThat(socket.dropped()).isZero();
        }
    }

    @Test
    void datagramsRead_reachTheReceiverWhole_inTheirOrder_withTheirSource_andALongOneCut() throws Exception {
        LinkedBlockingQueue<DatagramPacket> received = new LinkedBlockingQueue<>();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                JainSipUdpSocket socket = bind((datagram, at) -> received.add(datagram))) {
            assertThat(socket.nativeTransport()).as("native epoll wherever Netty has it (Linux), NIO elsewhere")
                    .isEqualTo(io.netty.channel.epoll.Epoll.isAvailable());
            if (System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch"))) {
                assertThat(socket.nativeTransport()).as("the native library ships for Linux x86_64").isTrue();
            }
            for (int i = 0; i < 500; i++) {
                byte[] bytes = ("datagram " + i).getBytes(StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(bytes, bytes.length, socket.getLocalSocketAddress()));
            }
            peer.send(new DatagramPacket(new byte[3000], 3000, socket.getLocalSocketAddress()));
            for (int i = 0; i < 500; i++) {
                DatagramPacket datagram = received.poll(5, TimeUnit.SECONDS);
                assertThat(datagram).as("datagram %d", i).isNotNull();
                assertThat(new String(datagram.getData(), 0, datagram.getLength(), StandardCharsets.US_ASCII))
                        .isEqualTo("datagram " + i);
                assertThat(datagram.getSocketAddress()).isEqualTo(peer.getLocalSocketAddress());
            }
            DatagramPacket longOne = received.poll(5, TimeUnit.SECONDS);
            assertThat(longOne).isNotNull();
            assertThat(longOne.getLength()).as("cut at the datagram size").isEqualTo(2048);
        }
    }

    @Test
    void aBoundPortIsRefused_andClosingFreesThePort() throws Exception {
        JainSipUdpSocket socket = bind((datagram, at) -> { });
        int port = socket.getLocalPort();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JainSipUdpSocket.bind(LOOPBACK, port, 2048, 1 << 16,
                1 << 16, "test-udp-taken", 0, (datagram, at) -> { })).isInstanceOf(java.net.SocketException.class)
                .hasMessageContaining(String.valueOf(port));
        socket.close();
        assertThat(socket.isClosed()).isTrue();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void theEventLoopRunsAtTheNiceValueGiven() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ThreadNiceTest.linux(), "thread nice values are Linux's");
        LinkedBlockingQueue<Integer> readers = new LinkedBlockingQueue<>();
        // a higher value, which any process may set: raising a priority needs CAP_SYS_NICE
        JainSipUdpSocket socket = JainSipUdpSocket.bind(LOOPBACK, 0, 2048, 1 << 16, 1 << 16, "test-udp-nice", 3,
                (datagram, at) -> readers.add(ThreadNice.currentThreadId()));
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            byte[] bytes = "OPTIONS sip:n SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            phone.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, socket.getLocalPort()));
            Integer reader = readers.poll(5, TimeUnit.SECONDS);
            assertThat(reader).as("the datagram was read").isNotNull();
            assertThat(ThreadNiceTest.niceOf(reader)).isEqualTo(3);
        } finally {
            socket.close();
        }
    }

    private static JainSipUdpSocket bind(JainSipUdpSocket.Receiver receiver) throws Exception {
        return JainSipUdpSocket.bind(LOOPBACK, 0, 2048, 1 << 20, 1 << 20, "test-udp", 0, receiver);
    }
}
