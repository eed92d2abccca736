package io.gridpbx.sip.jain;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import io.gridpbx.core.location.Binding;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.sip.address.Hop;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * Which open connection reaches a registered phone. A phone that registered over TCP or TLS
 * through this node keeps that connection open, often from a port nothing listens on, and behind NAT
 * it is the only way in: requests for it go back over it (RFC 5626 section 5.3; RFC 3261 section
 * 18.2.2). The binding remembers the transport, source and receiving node of its REGISTER. When the
 * connection is gone, or was made to another node, the Contact is used as RFC 3261 says.
 */
final class JainSipFlows {

    /** The far end of a phone's connection, which the {@link JainSipFlowRouter} sends to. */
    record Flow(String host, int port, String transport) {

        Hop hop() {
            return new HopImpl(host, port, transport);
        }

        void attachTo(Request request) {
            ((SIPRequest) request).setApplicationData(this);
        }
    }

    /** Transports whose processor can tell whether a connection to a peer is open. */
    interface Connections {
        boolean hasConnectionTo(InetAddress peer, int port);
    }

    private final SipStackImpl stack;
    private final String nodeId;

    JainSipFlows(SipStackImpl stack, String nodeId) {
        this.stack = stack;
        this.nodeId = nodeId;
    }

    /** The open connection this node holds to the phone of that binding, or null. */
    @Nullable Flow of(Binding binding) {
        if (!nodeId.equals(binding.nodeId())) {
            return null; // another node holds that connection: forwarding to it is not built yet
        }
        String source = binding.source();
        int first = source.indexOf(':');
        int last = source.lastIndexOf(':');
        if (first <= 0 || last <= first) {
            return null;
        }
        String transport = source.substring(0, first).toUpperCase(Locale.ROOT);
        if (!transport.equals("TCP") && !transport.equals("TLS")) {
            return null;
        }
        String host = source.substring(first + 1, last);
        int port;
        InetAddress address;
        try {
            port = Integer.parseInt(source.substring(last + 1));
            address = InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
        java.util.Iterator<?> points = stack.getListeningPoints();
        while (points.hasNext()) {
            MessageProcessor processor = ((ListeningPointImpl) points.next()).getMessageProcessor();
            if (processor instanceof Connections connections && processor.getTransport().equalsIgnoreCase(transport)
                    && connections.hasConnectionTo(address, port)) {
                return new Flow(host, port, transport);
            }
        }
        return null;
    }
}
