package io.gridpbx.node.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Tells the operator's secondaries that the zones changed (DNS NOTIFY, RFC 1996), so that they
 * transfer them again at once instead of at their next SOA refresh. One member sends it, the
 * oldest, so a change is announced once, not once per node; each NOTIFY is sent again until the
 * secondary answers, at most three times, two seconds apart.
 */
final class ZoneNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneNotifier.class);
    private static final int ATTEMPTS = 3;
    private static final int WAIT_MILLIS = 2000;

    private final List<InetSocketAddress> secondaries;
    private final Supplier<List<Name>> zones;
    private final BooleanSupplier isOldestMember;
    private final ZoneContent content;

    ZoneNotifier(List<InetSocketAddress> secondaries, Supplier<List<Name>> zones, BooleanSupplier isOldestMember,
            ZoneContent content) {
        this.secondaries = List.copyOf(secondaries);
        this.zones = zones;
        this.isOldestMember = isOldestMember;
        this.content = content;
    }

    void changed(LiveNodes.Roster roster) {
        if (secondaries.isEmpty() || !isOldestMember.getAsBoolean()) {
            return;
        }
        Thread.ofVirtual().name("dns-notify").start(() -> {
            for (Name zone : zones.get()) {
                for (InetSocketAddress secondary : secondaries) {
                    notify(zone, roster, secondary);
                }
            }
        });
    }

    private void notify(Name zone, LiveNodes.Roster roster, InetSocketAddress secondary) {
        Message notify = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().unsetFlag(Flags.RD);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(content.soa(zone, roster), Section.ANSWER);
        byte[] wire = notify.toWire();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(WAIT_MILLIS);
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                socket.send(new DatagramPacket(wire, wire.length, secondary));
                if (acknowledged(socket, notify.getHeader().getID())) {
                    LOG.info("DNS: NOTIFY for {} serial {} acknowledged by {}", zone, roster.serial(), secondary);
                    return;
                }
            }
            LOG.warn("DNS: NOTIFY for {} not acknowledged by {} after {} attempts", zone, secondary, ATTEMPTS);
        } catch (IOException e) {
            LOG.warn("DNS: NOTIFY for {} to {} failed: {}", zone, secondary, e.getMessage());
        }
    }

    private static boolean acknowledged(DatagramSocket socket, int id) throws IOException {
        byte[] buffer = new byte[512];
        while (true) {
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (reply.getLength() >= 2 && (((buffer[0] & 0xff) << 8) | (buffer[1] & 0xff)) == id) {
                return true;
            }
        }
    }
}
