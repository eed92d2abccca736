package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.RouteSeal;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.proxy.LoopDetector;
import java.text.ParseException;
import java.util.ListIterator;
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

    private final String bindHost;
    private final String advertisedHost;
    private final int port;
    /** The TLS port, 0 without TLS. */
    private final int tlsPort;
    private final HeaderFactory headers;
    private final RecordRouteHeader recordRoute;
    private final @Nullable RecordRouteHeader tlsRecordRoute;
    private final String branchPrefix;
    private final RouteSeal seal;
    private final String hostPort;
    private final AtomicLong branchCounter = new AtomicLong();

    /** Whether the top Route of an in-dialog request was recorded by a member of this cluster. */
    enum DialogRoute {
        /** A Record-Route of a cluster member, sealed for this call: removed from the request. */
        SEALED,
        /** None, someone else's, or ours without a valid seal: not a dialog this cluster set up. */
        UNPROVEN
    }

    JainSipSelf(SipNodeSettings settings, HeaderFactory headers, AddressFactory addresses, long randomSeed,
            RouteSeal seal) throws ParseException {
        this.bindHost = settings.host().toLowerCase(Locale.ROOT);
        this.advertisedHost = settings.advertisedHost().toLowerCase(Locale.ROOT);
        this.port = settings.port();
        this.tlsPort = settings.tls() == null ? 0 : settings.tls().port();
        this.headers = headers;
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
    }

    /** Whether a URI names this node (its bind or advertised host, on its port or its TLS port). */
    boolean isOurs(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        String host = sip.getHost().toLowerCase(Locale.ROOT);
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
     * to the dialog check; anything else is unproven. A route of another member counts like our own:
     * a phone may send its BYE to any node once DNS names the cluster.
     */
    DialogRoute popDialogRoute(Request request, String callId, String fromTag, String toTag) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route == null || !(route.getAddress().getURI() instanceof SipURI uri)) {
            return DialogRoute.UNPROVEN;
        }
        String given = uri.getParameter(SEAL_PARAM);
        if (given == null) {
            return DialogRoute.UNPROVEN;
        }
        if (!verifies(uri, given, callId, fromTag, toTag)) {
            return DialogRoute.UNPROVEN;
        }
        request.removeFirst(RouteHeader.NAME);
        // A call that changed transport at the node recorded it twice (RFC 5658): both values go.
        RouteHeader next = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (next != null && next.getAddress().getURI() instanceof SipURI nextUri && nextUri.getParameter(SEAL_PARAM) != null
                && verifies(nextUri, nextUri.getParameter(SEAL_PARAM), callId, fromTag, toTag)) {
            request.removeFirst(RouteHeader.NAME);
        }
        return DialogRoute.SEALED;
    }

    private boolean verifies(SipURI uri, String given, String callId, String fromTag, String toTag) {
        boolean secure = uri.isSecure() || "tls".equalsIgnoreCase(uri.getTransportParam());
        String routeHostPort = uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + (uri.getPort() < 0 ? (secure ? 5061 : 5060) : uri.getPort());
        return seal.verifies(given, routeHostPort, callId, fromTag) || seal.verifies(given, routeHostPort, callId, toTag);
    }

    /** Whether a Record-Route or Route URI is one a cluster member inserted (it carries a seal). */
    static boolean isSealed(URI uri) {
        return uri instanceof SipURI sip && sip.getParameter(SEAL_PARAM) != null;
    }

    /**
     * Adds this node's Record-Route for a request that came in over one transport and leaves over
     * another: one value when both sides are TLS or both are not, else two, the top one for the side
     * the request goes to, so that each party reaches the node over its own transport (RFC 5658
     * section 3.1; RFC 3261 section 26.2: a request that came over TLS stays on TLS here).
     */
    void addRecordRoutes(Request request, String inTransport, String outTransport, String callId, String callerTag)
            throws javax.sip.SipException, ParseException {
        boolean inTls = "tls".equalsIgnoreCase(inTransport);
        boolean outTls = "tls".equalsIgnoreCase(outTransport);
        request.addFirst(recordRouteFor(inTls, callId, callerTag));
        if (inTls != outTls) {
            request.addFirst(recordRouteFor(outTls, callId, callerTag));
        }
    }

    /** Our plain (UDP/TCP) Record-Route for the INVITE of {@code callId} from {@code callerTag}, sealed for that call. */
    RecordRouteHeader recordRoute(String callId, String callerTag) throws ParseException {
        return recordRouteFor(false, callId, callerTag);
    }

    private RecordRouteHeader recordRouteFor(boolean tls, String callId, String callerTag) throws ParseException {
        boolean onTls = tls && tlsRecordRoute != null;
        RecordRouteHeader header = (RecordRouteHeader) (onTls ? tlsRecordRoute : recordRoute).clone();
        String sealedHostPort = advertisedHost + ":" + (onTls ? tlsPort : port);
        ((SipURI) header.getAddress().getURI()).setParameter(SEAL_PARAM, seal.seal(sealedHostPort, callId, callerTag));
        return header;
    }

    private int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port;
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
