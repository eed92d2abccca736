package io.gridpbx.sip.jain;

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

    private final String bindHost;
    private final String advertisedHost;
    private final int port;
    /** The TLS port, 0 without TLS. */
    private final int tlsPort;
    private final HeaderFactory headers;
    private final RecordRouteHeader recordRoute;
    private final @Nullable RecordRouteHeader tlsRecordRoute;
    private final String branchPrefix;
    private final AtomicLong branchCounter = new AtomicLong();

    JainSipSelf(SipNodeSettings settings, HeaderFactory headers, AddressFactory addresses, long randomSeed)
            throws ParseException {
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

    RecordRouteHeader recordRoute() {
        return (RecordRouteHeader) recordRoute.clone();
    }

    /**
     * Adds this node's Record-Route for a request that came in over one transport and leaves over
     * another: one value when both sides are TLS or both are not, else two, the top one for the side
     * the request goes to, so that each party reaches the node over its own transport (RFC 5658
     * section 3.1; RFC 3261 section 26.2: a request that came over TLS stays on TLS here).
     */
    void addRecordRoutes(Request request, String inTransport, String outTransport) throws javax.sip.SipException {
        boolean inTls = "tls".equalsIgnoreCase(inTransport);
        boolean outTls = "tls".equalsIgnoreCase(outTransport);
        request.addFirst(recordRouteFor(inTls));
        if (inTls != outTls) {
            request.addFirst(recordRouteFor(outTls));
        }
    }

    private RecordRouteHeader recordRouteFor(boolean tls) {
        return (RecordRouteHeader) (tls && tlsRecordRoute != null ? tlsRecordRoute : recordRoute).clone();
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
