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

/** This node as SIP sees it: its own addresses, its Record-Route and the Vias it adds. */
final class JainSipSelf {

    /** The Record-Route URI parameter that carries the seal ({@link RouteSeal}). */
    private static final String SEAL_PARAM = "gs";

    private final String bindHost;
    private final String advertisedHost;
    private final int port;
    private final HeaderFactory headers;
    private final RecordRouteHeader recordRoute;
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
        this.headers = headers;
        SipURI rr = addresses.createSipURI(null, settings.advertisedHost());
        rr.setPort(settings.port());
        rr.setLrParam();
        this.recordRoute = headers.createRecordRouteHeader(addresses.createAddress(rr));
        this.branchPrefix = Long.toHexString(randomSeed & 0xffffffL);
        this.seal = seal;
        this.hostPort = advertisedHost + ":" + port;
    }

    /** Whether a URI names this node (its bind or advertised host, on its port). */
    boolean isOurs(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        String host = sip.getHost().toLowerCase(Locale.ROOT);
        int uriPort = sip.getPort() < 0 ? 5060 : sip.getPort();
        return uriPort == port && (host.equals(advertisedHost) || host.equals(bindHost));
    }

    /** Removes the top Route header when it names this node; says whether it did. */
    boolean popOwnRoute(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null && isOurs(route.getAddress().getURI())) {
            request.removeFirst(RouteHeader.NAME);
            return true;
        }
        return false;
    }

    /** Whether one of the request's Vias is ours with this loop hash (RFC 3261 section 16.3 step 4). */
    boolean carriesOurBranch(Request request, String loopHash) {
        ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader via = (ViaHeader) vias.next();
            int viaPort = via.getPort() < 0 ? 5060 : via.getPort();
            String branch = via.getBranch();
            if (branch != null && viaPort == port && via.getHost().equalsIgnoreCase(advertisedHost)
                    && LoopDetector.isLoop(branch, loopHash)) {
                return true;
            }
        }
        return false;
    }

    /** Our Record-Route for the INVITE of {@code callId} from {@code callerTag}, sealed for that call. */
    RecordRouteHeader recordRoute(String callId, String callerTag) throws ParseException {
        RecordRouteHeader header = (RecordRouteHeader) recordRoute.clone();
        ((SipURI) header.getAddress().getURI()).setParameter(SEAL_PARAM, seal.seal(hostPort, callId, callerTag));
        return header;
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
        String routeHostPort = uri.getHost().toLowerCase(Locale.ROOT) + ":" + (uri.getPort() < 0 ? 5060 : uri.getPort());
        if (!seal.verifies(given, routeHostPort, callId, fromTag) && !seal.verifies(given, routeHostPort, callId, toTag)) {
            return DialogRoute.UNPROVEN;
        }
        request.removeFirst(RouteHeader.NAME);
        return DialogRoute.SEALED;
    }

    /** Whether a Record-Route or Route URI is one a cluster member inserted (it carries a seal). */
    static boolean isSealed(URI uri) {
        return uri instanceof SipURI sip && sip.getParameter(SEAL_PARAM) != null;
    }

    ViaHeader via(String transport, String loopHash) throws ParseException, InvalidArgumentException {
        String unique = branchPrefix + Long.toHexString(branchCounter.incrementAndGet());
        ViaHeader via = headers.createViaHeader(advertisedHost, port, transport, LoopDetector.branch(loopHash, unique));
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
        ViaHeader via = headers.createViaHeader(advertisedHost, port, transport, LoopDetector.branch(loopHash, unique));
        via.setRPort();
        return via;
    }

    /** Whether the top Via of a response is one this node added. */
    boolean isOurVia(ViaHeader via) {
        int viaPort = via.getPort() < 0 ? 5060 : via.getPort();
        return viaPort == port && via.getHost().equalsIgnoreCase(advertisedHost);
    }

    /** The transport to reach a URI: its transport parameter, UDP when absent. */
    static String transportOf(URI uri) {
        if (uri instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam().toLowerCase(Locale.ROOT);
        }
        return "udp";
    }
}
