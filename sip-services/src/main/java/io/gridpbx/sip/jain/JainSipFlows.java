package io.gridpbx.sip.jain;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.media.NatDetection;
import java.net.InetAddress;
import java.util.Locale;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * Which open connection, or which NAT binding, reaches a registered phone. A phone that registered
 * over TCP or TLS through this node keeps that connection open, often from a port nothing listens on,
 * and behind NAT it is the only way in: requests for it go back over it (RFC 5626 section 5.3; RFC 3261
 * section 18.2.2). A UDP phone whose Contact names a private address other than the one its REGISTER
 * came from is behind NAT: it is reached at that source, the pinhole its NAT opened towards the node that
 * received the REGISTER, and a restricted NAT lets in only what that node sends (the registrar's
 * "received" of RFC 5626 section 5, Kamailio's fix_nated_register). The binding remembers the transport,
 * source and receiving node of its REGISTER. A connection or pinhole held by another member is reached
 * through that member, which relays the request down it (a {@link Handoff}: the edge proxy of RFC 5626,
 * with the node id as its address). When a connection is gone, the Contact is used as RFC 3261 says.
 */
final class JainSipFlows {

    /** The far end of a phone's connection or NAT pinhole, which the {@link JainSipFlowRouter} sends to. */
    record Flow(String host, int port, String transport) {

        private static final char SEPARATOR = '~';

        Hop hop() {
            return new HopImpl(host, port, transport);
        }

        void attachTo(Request request) {
            ((SIPRequest) request).setApplicationData(this);
        }

        /** The flow as a URI parameter value: {@code tls~192.0.2.7~50432} (an IPv6 host keeps its colons). */
        String token() {
            return transport.toLowerCase(Locale.ROOT) + SEPARATOR + host + SEPARATOR + port;
        }

        /** The flow a {@link #token()} names, or null for anything else. */
        static @Nullable Flow parse(@Nullable String token) {
            return token == null ? null : split(token, SEPARATOR);
        }

        /**
         * The flow of {@code transport<sep>host<sep>port} (the host between the first and the last
         * separator, so an IPv6 literal keeps its colons), or null unless it is UDP, TCP or TLS to an address.
         */
        static @Nullable Flow split(String text, char separator) {
            int first = text.indexOf(separator);
            int last = text.lastIndexOf(separator);
            if (first <= 0 || last <= first + 1) {
                return null;
            }
            String transport = text.substring(0, first).toUpperCase(Locale.ROOT);
            if (!transport.equals("UDP") && !transport.equals("TCP") && !transport.equals("TLS")) {
                return null;
            }
            try {
                String host = text.substring(first + 1, last);
                InetAddress.ofLiteral(host);
                int port = Integer.parseInt(text.substring(last + 1));
                return port > 0 && port <= 65_535 ? new Flow(host, port, transport) : null;
            } catch (IllegalArgumentException notAFlow) {
                return null;
            }
        }

        boolean datagram() {
            return transport.equals("UDP");
        }

        /**
         * Whether a phone whose Contact is that URI sits behind a NAT this flow crossed: the Contact
         * names a private address and the packets came from another one ({@link NatDetection}, the
         * RFC 1918 test of Kamailio's nat_uac_test). A Contact with a routable address is taken as
         * written: a phone that learnt its public address (STUN) or a third party registering on a
         * phone's behalf.
         */
        boolean natted(SipURI contact) {
            return NatDetection.behindNat(host, contact.getHost(), null);
        }
    }

    /** How a request reaches a registered phone: over this node's own connection to it, or through another member's. */
    sealed interface Reach {
    }

    /** This node holds the phone's connection. */
    record Direct(Flow flow) implements Reach {
    }

    /** Another member holds it: the request goes to {@code node} ({@code host:port}), which relays it down the flow. */
    record Handoff(String node, Flow flow) implements Reach {
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

    /**
     * How to reach the phone of that binding (whose Contact is {@code contact}) over the connection or
     * NAT pinhole it registered through: this node's own while it is open, the member that received the
     * REGISTER when that is another, or null (a UDP phone reachable at its Contact, or a connection
     * that closed) to send to its Contact.
     */
    @Nullable Reach reach(Binding binding, URI contact) {
        Flow flow = flowOf(binding.source(), contact);
        if (flow == null) {
            return null;
        }
        if (!nodeId.equals(binding.nodeId())) {
            return new Handoff(binding.nodeId(), flow);
        }
        return holds(flow) ? new Direct(flow) : null;
    }

    /** Whether this node has an open connection that is that flow. */
    boolean holds(Flow flow) {
        if (flow.datagram()) {
            return true; // a pinhole has no state here: it is open as long as the phone keeps it so
        }
        InetAddress address = InetAddress.ofLiteral(flow.host());
        java.util.Iterator<?> points = stack.getListeningPoints();
        while (points.hasNext()) {
            MessageProcessor processor = ((ListeningPointImpl) points.next()).getMessageProcessor();
            if (processor instanceof Connections connections && processor.getTransport().equalsIgnoreCase(flow.transport())
                    && connections.hasConnectionTo(address, flow.port())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The flow of a {@code transport:host:port} source (a binding's, or a request's as
     * {@link JainSipMessages#source} gives it) for a party whose Contact is {@code contact}: its TCP or
     * TLS connection; over UDP its NAT pinhole when its Contact is {@link Flow#natted behind a NAT};
     * else null.
     */
    static @Nullable Flow flowOf(String source, @Nullable URI contact) {
        Flow flow = Flow.split(source, ':');
        if (flow == null || !flow.datagram()) {
            return flow;
        }
        return contact instanceof SipURI sip && flow.natted(sip) ? flow : null;
    }
}
