package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.RouteSeal;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.proxy.LoopDetector;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/** This node as SIP sees it: its own addresses, its Record-Route and the Vias it adds. */
final class JainSipSelf {

    /** The Record-Route URI parameter that carries the seal ({@link RouteSeal}). */
    private static final String SEAL_PARAM = "gs";
    /**
     * The parameter of a member's Record-Route or hand-off Route naming the callee's connection it
     * relays to ({@link JainSipFlows.Flow#token()}); it is sealed with the route, so nobody else can
     * aim a member at another phone's connection.
     */
    private static final String FLOW_PARAM = "gf";
    /** The same for the caller's connection, the one its INVITE came in on (requests from the callee go down it). */
    private static final String CALLER_FLOW_PARAM = "gc";

    private final String bindHost;
    private final String advertisedHost;
    private final int port;
    /** The TLS port, 0 without TLS. */
    private final int tlsPort;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final RecordRouteHeader recordRoute;
    private final @Nullable RecordRouteHeader tlsRecordRoute;
    private final String branchPrefix;
    private final RouteSeal seal;
    private final String hostPort;
    /** The domain the Record-Route names instead of this node when the dialog is bound to no connection; or null. */
    private final @Nullable String recordRouteDomain;
    private final AtomicLong branchCounter = new AtomicLong();

    /**
     * The top Route of an in-dialog request, recorded by a member of this cluster for this call.
     *
     * @param flow the phone connection this node relays the request down, when its own entry named one
     */
    record ProvenRoute(JainSipFlows.@Nullable Flow flow) {
    }

    JainSipSelf(SipNodeSettings settings, HeaderFactory headers, AddressFactory addresses, long randomSeed,
            RouteSeal seal) throws ParseException {
        this.bindHost = settings.host().toLowerCase(Locale.ROOT);
        this.advertisedHost = settings.advertisedHost().toLowerCase(Locale.ROOT);
        this.port = settings.port();
        this.tlsPort = settings.tls() == null ? 0 : settings.tls().port();
        this.headers = headers;
        this.addresses = addresses;
        SipURI rr = addresses.createSipURI(null, settings.advertisedHost());
        rr.setPort(settings.port());
        rr.setLrParam();
        this.recordRoute = headers.createRecordRouteHeader(addresses.createAddress(rr));
        if (tlsPort > 0) {
            SipURI tlsRr = addresses.createSipURI(null, settings.advertisedHost());
            tlsRr.setPort(tlsPort);
            tlsRr.setTransportParam("tls");
            tlsRr.setLrParam();
            this.tlsRecordRoute = headers.createRecordRouteHeader(addresses.createAddress(tlsRr));
        } else {
            this.tlsRecordRoute = null;
        }
        this.branchPrefix = Long.toHexString(randomSeed & 0xffffffL);
        this.seal = seal;
        this.hostPort = advertisedHost + ":" + port;
        this.recordRouteDomain = settings.recordRouteDomain();
    }

    /**
     * Whether a URI names this node (its bind or advertised host, on its port or its TLS port), or the
     * cluster's Record-Route domain without a port (resolved through SRV, it names every live node).
     */
    boolean isOurs(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        String host = sip.getHost().toLowerCase(Locale.ROOT);
        if (host.equals(recordRouteDomain) && sip.getPort() < 0) {
            return true;
        }
        boolean secure = sip.isSecure() || "tls".equalsIgnoreCase(sip.getTransportParam());
        int uriPort = sip.getPort() < 0 ? (secure ? 5061 : 5060) : sip.getPort();
        return isOurPort(uriPort) && (host.equals(advertisedHost) || host.equals(bindHost));
    }

    private boolean isOurPort(int candidate) {
        return candidate == port || tlsPort > 0 && candidate == tlsPort;
    }

    /**
     * Removes the top Route headers that name this node; says whether it did. Two in a row are this
     * node's double Record-Route (RFC 5658 section 3.1), left when a call changed transport here.
     */
    boolean popOwnRoute(Request request) {
        boolean popped = false;
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        while (route != null && isOurs(route.getAddress().getURI())) {
            request.removeFirst(RouteHeader.NAME);
            popped = true;
            route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        }
        return popped;
    }

    /** Whether one of the request's Vias is ours with this loop hash (RFC 3261 section 16.3 step 4). */
    boolean carriesOurBranch(Request request, String loopHash) {
        ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader via = (ViaHeader) vias.next();
            int viaPort = via.getPort() < 0 ? 5060 : via.getPort();
            String branch = via.getBranch();
            if (branch != null && isOurPort(viaPort) && via.getHost().equalsIgnoreCase(advertisedHost)
                    && LoopDetector.isLoop(branch, loopHash)) {
                return true;
            }
        }
        return false;
    }


    /**
     * Checks the top Route of an in-dialog request: a Record-Route that a cluster member inserted for
     * this call (its seal verifies for its own host and port, the Call-ID and the caller's tag, which
     * is the request's From tag or, from the callee, its To tag) is removed and the request may go on
     * to the dialog check; null means unproven. A route of another member counts like our own: a phone
     * may send its BYE to any node once DNS names the cluster. Another member's entry that names a
     * phone connection stays: only that member holds the connection, so the request goes to it.
     */
    @Nullable ProvenRoute popDialogRoute(Request request, String callId, String fromTag, String toTag) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route == null || !(route.getAddress().getURI() instanceof SipURI uri)) {
            return null;
        }
        Boolean fromCaller = fromCaller(uri, callId, fromTag, toTag);
        if (fromCaller == null) {
            return null;
        }
        // The connection on the side the request goes to: the callee's for a request of the caller.
        String flowParam = fromCaller ? FLOW_PARAM : CALLER_FLOW_PARAM;
        boolean ours = isOurs(uri);
        if (!ours && uri.getParameter(flowParam) != null) {
            return new ProvenRoute(null);
        }
        request.removeFirst(RouteHeader.NAME);
        JainSipFlows.Flow flow = ours ? JainSipFlows.Flow.parse(uri.getParameter(flowParam)) : null;
        // A call that changed transport at a node recorded it twice (RFC 5658): both values go.
        RouteHeader next = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (next != null && next.getAddress().getURI() instanceof SipURI nextUri
                && nextUri.getHost().equalsIgnoreCase(uri.getHost()) && isClusterRoute(nextUri, callId, fromTag, toTag)) {
            request.removeFirst(RouteHeader.NAME);
        }
        // The flow is the phone's side of this node: only a request with no route left goes to the phone.
        return new ProvenRoute(request.getHeader(RouteHeader.NAME) == null ? flow : null);
    }

    /**
     * Whether a Route URI is a cluster member's Record-Route for this call: sealed, and the seal
     * verifies (a route that merely carries the parameter is someone else's).
     */
    boolean isClusterRoute(URI uri, String callId, String fromTag, String toTag) {
        return uri instanceof SipURI sip && fromCaller(sip, callId, fromTag, toTag) != null;
    }

    /**
     * Which party sent a request through this member's Record-Route: TRUE when the seal verifies with
     * the request's From tag (the caller's, for which it was made), FALSE with its To tag (the callee
     * answering in the dialog), null when it does not verify.
     */
    private @Nullable Boolean fromCaller(SipURI uri, String callId, String fromTag, String toTag) {
        String given = uri.getParameter(SEAL_PARAM);
        if (given == null) {
            return null;
        }
        String sealed = sealedAddress(uri);
        if (seal.verifies(given, sealed, callId, fromTag)) {
            return Boolean.TRUE;
        }
        return seal.verifies(given, sealed, callId, toTag) ? Boolean.FALSE : null;
    }

    /** What a route's seal covers: its host and port, and the phone connections it names, if any. */
    private static String sealedAddress(SipURI uri) {
        boolean secure = uri.isSecure() || "tls".equalsIgnoreCase(uri.getTransportParam());
        String hostPort = uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + (uri.getPort() < 0 ? (secure ? 5061 : 5060) : uri.getPort());
        return sealedAddress(hostPort, uri.getParameter(FLOW_PARAM), uri.getParameter(CALLER_FLOW_PARAM));
    }

    private static String sealedAddress(String hostPort, @Nullable String calleeFlow, @Nullable String callerFlow) {
        if (calleeFlow == null && callerFlow == null) {
            return hostPort;
        }
        return hostPort + " " + (calleeFlow == null ? "-" : calleeFlow) + " " + (callerFlow == null ? "-" : callerFlow);
    }

    /**
     * Where this node's entries sit in a dialog's Record-Route (top first, as in a 2xx): the first and
     * last of them (two when the call changed transport here, RFC 5658), and the phone connections they
     * name towards the callee ({@code gf}) and the caller ({@code gc}); null when none is ours.
     */
    @Nullable OwnRecordRoute locate(List<URI> recordRoutes) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < recordRoutes.size(); i++) {
            if (isSealed(recordRoutes.get(i)) && isOurs(recordRoutes.get(i))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        SipURI ours = (SipURI) recordRoutes.get(first);
        return new OwnRecordRoute(first, last, JainSipFlows.Flow.parse(ours.getParameter(FLOW_PARAM)),
                JainSipFlows.Flow.parse(ours.getParameter(CALLER_FLOW_PARAM)));
    }

    /** This node's place in a Record-Route; see {@link #locate}. */
    record OwnRecordRoute(int first, int last, JainSipFlows.@Nullable Flow calleeFlow, JainSipFlows.@Nullable Flow callerFlow) {
    }

    /** Whether a Record-Route or Route URI is one a cluster member inserted (it carries a seal). */
    static boolean isSealed(URI uri) {
        return uri instanceof SipURI sip && sip.getParameter(SEAL_PARAM) != null;
    }

    /**
     * The Route that hands an initial request to the member holding a phone's connection: that
     * member's address ({@code host:port}, its node id), the flow, and a seal over both for this call.
     */
    RouteHeader handoffRoute(String node, JainSipFlows.Flow flow, String callId, String callerTag) throws ParseException {
        int colon = node.lastIndexOf(':');
        String host = node.substring(0, colon);
        SipURI uri = addresses.createSipURI(null, host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        try {
            uri.setPort(Integer.parseInt(node.substring(colon + 1)));
        } catch (NumberFormatException notANodeId) {
            throw new ParseException("not a node id: " + node, colon);
        }
        uri.setLrParam();
        uri.setParameter(FLOW_PARAM, flow.token());
        String sealed = sealedAddress(uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort(), flow.token(), null);
        uri.setParameter(SEAL_PARAM, seal.seal(sealed, callId, callerTag));
        return headers.createRouteHeader(addresses.createAddress(uri));
    }

    /**
     * Removes the top Route when it is this node's hand-off Route for this call and returns the phone
     * connection it names; null, with the request untouched, for anything else.
     */
    JainSipFlows.@Nullable Flow popHandoff(Request request, String callId, String callerTag) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route == null || !(route.getAddress().getURI() instanceof SipURI uri) || uri.getParameter(FLOW_PARAM) == null
                || uri.getParameter(SEAL_PARAM) == null || !isOurs(uri)
                || !seal.verifies(uri.getParameter(SEAL_PARAM), sealedAddress(uri), callId, callerTag)) {
            return null;
        }
        JainSipFlows.Flow flow = JainSipFlows.Flow.parse(uri.getParameter(FLOW_PARAM));
        if (flow != null) {
            request.removeFirst(RouteHeader.NAME);
        }
        return flow;
    }

    /**
     * Adds this node's Record-Route for a request that came in over one transport and leaves over
     * another: one value when both sides are TLS or both are not, else two, the top one for the side
     * the request goes to, so that each party reaches the node over its own transport (RFC 5658
     * section 3.1; RFC 3261 section 26.2: a request that came over TLS stays on TLS here). The entries
     * name the phone connections this node holds on either side, {@code calleeFlow} that the request
     * leaves by and {@code callerFlow} that it came in on, so that the dialog's later requests towards
     * either phone go down its connection too (RFC 5626 section 5.3).
     */
    void addRecordRoutes(Request request, String inTransport, String outTransport, String callId, String callerTag,
            JainSipFlows.@Nullable Flow calleeFlow, JainSipFlows.@Nullable Flow callerFlow)
            throws javax.sip.SipException, ParseException {
        boolean inTls = "tls".equalsIgnoreCase(inTransport);
        boolean outTls = "tls".equalsIgnoreCase(outTransport);
        String callee = calleeFlow == null ? null : calleeFlow.token();
        String caller = callerFlow == null ? null : callerFlow.token();
        request.addFirst(recordRouteFor(inTls, callId, callerTag, callee, caller));
        if (inTls != outTls) {
            request.addFirst(recordRouteFor(outTls, callId, callerTag, callee, caller));
        }
    }

    /** Our plain (UDP/TCP) Record-Route for the INVITE of {@code callId} from {@code callerTag}, sealed for that call. */
    RecordRouteHeader recordRoute(String callId, String callerTag) throws ParseException {
        return recordRouteFor(false, callId, callerTag, null, null);
    }

    private RecordRouteHeader recordRouteFor(boolean tls, String callId, String callerTag, @Nullable String calleeFlow,
            @Nullable String callerFlow) throws ParseException {
        boolean onTls = tls && tlsRecordRoute != null;
        if (recordRouteDomain != null && calleeFlow == null && callerFlow == null) {
            return clusterRecordRoute(onTls, callId, callerTag);
        }
        RecordRouteHeader header = (RecordRouteHeader) (onTls ? tlsRecordRoute : recordRoute).clone();
        SipURI uri = (SipURI) header.getAddress().getURI();
        if (calleeFlow != null) {
            uri.setParameter(FLOW_PARAM, calleeFlow);
        }
        if (callerFlow != null) {
            uri.setParameter(CALLER_FLOW_PARAM, callerFlow);
        }
        String sealed = sealedAddress(advertisedHost + ":" + (onTls ? tlsPort : port), calleeFlow, callerFlow);
        uri.setParameter(SEAL_PARAM, seal.seal(sealed, callId, callerTag));
        return header;
    }

    /**
     * The Record-Route naming the cluster's domain, with no port, so that a phone finds a live node
     * through NAPTR/SRV for each later request (RFC 3263 section 4); sealed over the domain with its
     * default port, as any member verifies it. A dialog bound to a phone's connection keeps the node's
     * own address instead: only that node holds the connection.
     */
    private RecordRouteHeader clusterRecordRoute(boolean tls, String callId, String callerTag) throws ParseException {
        SipURI uri = addresses.createSipURI(null, recordRouteDomain);
        if (tls) {
            uri.setTransportParam("tls");
        }
        uri.setLrParam();
        uri.setParameter(SEAL_PARAM, seal.seal(sealedAddress(recordRouteDomain + ":" + (tls ? 5061 : 5060), null, null),
                callId, callerTag));
        return headers.createRecordRouteHeader(addresses.createAddress(uri));
    }

    private int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port;
    }

    /**
     * This node as a Contact for {@code user} over {@code transport}: its advertised host, the port of
     * that transport, and the transport named unless UDP (where a carrier sends its requests for a trunk
     * account this node registered).
     */
    SipURI uri(String user, String transport) throws ParseException {
        SipURI uri = addresses.createSipURI(user, advertisedHost);
        uri.setPort(portFor(transport));
        if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        }
        return uri;
    }

    ViaHeader via(String transport, String loopHash) throws ParseException, InvalidArgumentException {
        String unique = branchPrefix + Long.toHexString(branchCounter.incrementAndGet());
        ViaHeader via = headers.createViaHeader(advertisedHost, portFor(transport), transport,
                LoopDetector.branch(loopHash, unique));
        via.setRPort();
        return via;
    }

    /**
     * The Via for a request forwarded statelessly (an ACK for a 2xx). RFC 3261 section 16.11: the
     * branch must be the same for every retransmission of the request, so it derives from the
     * incoming top branch instead of a counter; the next hop then sees one ACK retransmitted,
     * not several different ACKs.
     */
    ViaHeader statelessVia(String transport, String loopHash, String incomingBranch)
            throws ParseException, InvalidArgumentException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(incomingBranch.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String unique = "s" + Long.toHexString(crc.getValue()) + Integer.toHexString(incomingBranch.length());
        ViaHeader via = headers.createViaHeader(advertisedHost, portFor(transport), transport,
                LoopDetector.branch(loopHash, unique));
        via.setRPort();
        return via;
    }

    /** Whether the top Via of a response is one this node added. */
    boolean isOurVia(ViaHeader via) {
        int viaPort = via.getPort() < 0 ? 5060 : via.getPort();
        return isOurPort(viaPort) && via.getHost().equalsIgnoreCase(advertisedHost);
    }

    /** The transport to reach a URI: TLS for sips (RFC 5630 section 3.1.3), its transport parameter, UDP when absent. */
    static String transportOf(URI uri) {
        if (uri instanceof SipURI sip && sip.isSecure()) {
            return "tls";
        }
        if (uri instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam().toLowerCase(Locale.ROOT);
        }
        return "udp";
    }
}
