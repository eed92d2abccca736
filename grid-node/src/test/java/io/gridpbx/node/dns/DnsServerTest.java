package io.gridpbx.node.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The server on real loopback sockets: UDP and TCP, truncation, transfers, and what is not DNS. */
@Timeout(30)
class DnsServerTest {

    /** A port per test: a socket closed by the test before may linger a moment. */
    private static final java.util.concurrent.atomic.AtomicInteger PORTS = new java.util.concurrent.atomic.AtomicInteger(47653);
    private final InetSocketAddress AT = new InetSocketAddress("127.0.0.1", PORTS.getAndIncrement());

    private final AtomicReference<LiveNodes.Roster> roster = new AtomicReference<>(
            new LiveNodes.Roster(List.of(ZoneAuthorityTest.WITH_TLS, ZoneAuthorityTest.UDP_TCP_ONLY), 7));
    private final List<DnsServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(DnsServer::close);
    }

    private DnsServer start(java.util.function.Predicate<InetAddress> mayTransfer) {
        DnsServer server = DnsServer.start(AT, ZoneAuthorityTest.authority(roster,
                List.of(SipTransport.UDP, SipTransport.TCP, SipTransport.TLS)), mayTransfer).orElseThrow();
        servers.add(server);
        return server;
    }

    @Test
    void answersOverUdpAndTcp() throws IOException {
        start(from -> true);
        for (boolean tcp : new boolean[] {false, true}) {
            Message answer = resolver(tcp).send(query("_sip._tcp.office.demo.gridpbx.test", Type.SRV));
            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(answer.getSection(Section.ANSWER)).hasSize(2);
        }
    }

    @Test
    void aUdpAnswerTooBigForTheClient_isTruncated_andTcpCarriesIt() throws IOException {
        List<SipNode> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(new SipNode("127.0.1." + i, 5060, 5061, 50));
        }
        roster.set(new LiveNodes.Roster(many, 8));
        start(from -> true);

        byte[] reply = udpExchange(query("_sip._udp.office.demo.gridpbx.test", Type.SRV).toWire());
        Message truncated = new Message(reply);
        assertThat(reply.length).isLessThanOrEqualTo(512);
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();

        SimpleResolver tcp = resolver(true);
        assertThat(tcp.send(query("_sip._udp.office.demo.gridpbx.test", Type.SRV)).getSection(Section.ANSWER))
                .hasSize(30);
    }

    @Test
    void noiseGetsFormerrWhenItHasAnId_andNothingWhenItIsShorterThanAHeader() throws IOException {
        start(from -> true);
        // A header that promises five questions, then three bytes of nothing.
        byte[] garbage = {0x12, 0x34, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 7, 'x', 'y'};
        Message formerr = new Message(udpExchange(garbage));
        assertThat(formerr.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(formerr.getHeader().getID()).isEqualTo(0x1234);

        assertThat(udpExchangeOrNothing(new byte[] {1, 2, 3})).isEmpty();

        Message response = query("office.demo.gridpbx.test", Type.NAPTR);
        response.getHeader().setFlag(Flags.QR);
        assertThat(udpExchangeOrNothing(response.toWire())).as("an answer is never answered").isEmpty();

        // The server still serves after all that.
        assertThat(resolver(false).send(query("office.demo.gridpbx.test", Type.NAPTR)).getSection(Section.ANSWER))
                .hasSize(3);
    }

    @Test
    void aZoneTransfer_isTheWholeZoneBetweenTwoSoas_forAnAllowedClientOnly() throws IOException {
        start(from -> from.isLoopbackAddress());
        Message transfer = tcpExchange(query("office.demo.gridpbx.test", Type.AXFR));
        List<Record> records = transfer.getSection(Section.ANSWER);
        assertThat(records.getFirst()).isInstanceOf(SOARecord.class);
        assertThat(records.getLast()).isEqualTo(records.getFirst());
        assertThat(records).filteredOn(r -> r.getType() == Type.SRV).hasSize(5);
        servers.removeFirst().close();

        start(from -> false);
        assertThat(tcpExchange(query("office.demo.gridpbx.test", Type.AXFR)).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aPortTakenAlready_meansNoDnsOnThisNode_notAFailedStart() {
        start(from -> true);
        assertThat(DnsServer.start(AT, ZoneAuthorityTest.authority(roster, List.of(SipTransport.UDP)), from -> true))
                .isEqualTo(Optional.empty());
    }

    private static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(ZoneAuthorityTest.name(name), type, DClass.IN));
    }

    private SimpleResolver resolver(boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(AT);
        resolver.setTCP(tcp);
        resolver.setIgnoreTruncation(true);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver;
    }

    private byte[] udpExchange(byte[] packet) throws IOException {
        return udpExchangeOrNothing(packet).orElseThrow(() -> new AssertionError("no UDP answer"));
    }

    private Optional<byte[]> udpExchangeOrNothing(byte[] packet) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(1500);
            socket.send(new DatagramPacket(packet, packet.length, AT));
            byte[] buffer = new byte[65_535];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            return Optional.of(java.util.Arrays.copyOf(buffer, reply.getLength()));
        }
    }

    private Message tcpExchange(Message query) throws IOException {
        try (Socket socket = new Socket(AT.getAddress(), AT.getPort())) {
            socket.setSoTimeout(3000);
            byte[] wire = query.toWire();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return new Message(reply);
        }
    }
}
