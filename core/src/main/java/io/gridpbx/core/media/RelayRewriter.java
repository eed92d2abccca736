package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.Connection;
import io.gridpbx.core.media.sdp.MediaDescription;
import io.gridpbx.core.media.sdp.Origin;
import io.gridpbx.core.media.sdp.SdpLine;
import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rewrite of an offer or an answer so that its media flows through the relay, as a pure function:
 * the description received on one leg, the relay's endpoints and the state of the other leg give the
 * description to send there and that leg's next state.
 *
 * <p>What changes: each enabled stream's port, its connection ({@code c=} at session and media level,
 * kept consistent), {@code a=rtcp} (RFC 3605), {@code a=rtcp-mux} (RFC 5761) as the endpoint says, the
 * phone's ICE attributes (RFC 8839: dropped, or replaced by the relay's), and the {@code o=} line.
 * Direction attributes and an RFC 2543 hold ({@code c=0.0.0.0}) stay as they are, so a hold stays a hold
 * (the held stream still gets the relay's port, so that resuming changes only its address); a disabled
 * stream keeps port 0. Everything else passes byte for byte. Bundled streams (RFC 8843) are given the
 * same endpoint by the caller; DTLS and SDES lines pass untouched, as the relay does not terminate them.
 *
 * <p>The origin (RFC 3264 section 8): on a leg's first description it is the phone's username, sess-id
 * and sess-version, announced from the relay's address (that of the first enabled stream), so the
 * phone's private address does not leak; from then on the leg keeps that origin, whatever the phone or
 * a re-anchored relay says, and the version goes up by one exactly when the description differs from
 * the one last sent on the leg.
 */
public final class RelayRewriter {

    private RelayRewriter() {
    }

    /**
     * @param received   the description a phone (or the far leg) sent
     * @param plan       the relay's endpoint per enabled {@code m=} line, and the ICE policy
     * @param lastOnLeg  the state of the leg this description goes to, {@code null} before its first one
     * @throws IllegalArgumentException when the plan does not match the streams (see {@link RelayPlan})
     */
    public static RelayedSdp rewrite(SessionDescription received, RelayPlan plan, @Nullable LegSdpState lastOnLeg) {
        plan.checkCovers(received);
        List<Connection> addresses = new ArrayList<>();
        for (int i = 0; i < received.media().size(); i++) {
            addresses.add(announcedAddress(received, plan, i));
        }
        Optional<Connection> sessionConnection = received.connection().map(phone -> sessionAddress(received, addresses)
                .orElse(phone));
        List<MediaDescription> media = new ArrayList<>();
        for (int i = 0; i < received.media().size(); i++) {
            MediaDescription section = received.media().get(i);
            Optional<RelayEndpoint> endpoint = plan.endpoint(i);
            if (endpoint.isEmpty()) {
                // disabled: port 0 and nothing to relay; only the phone's ICE goes, as everywhere
                media.add(new MediaDescription(section.lines().stream().filter(line -> !IceLines.isIce(line))
                        .toList()));
                continue;
            }
            Connection address = addresses.get(i);
            boolean inherits = section.connection().isEmpty();
            boolean addConnection = inherits && !sessionConnection.map(address::equals).orElse(false);
            media.add(new MediaSectionRewrite(endpoint.get(), address, addConnection,
                    plan.ice() == IcePolicy.RELAY_HOST_CANDIDATE ? plan.iceCredentials() : null).apply(section));
        }
        SessionDescription body = new SessionDescription(sessionLines(received, sessionConnection, plan), media);
        return versioned(body, lastOnLeg, originAddress(received, plan));
    }

    /** RFC 3264 section 8: same origin on the leg; the version moves by one, and only on a change. */
    private static RelayedSdp versioned(SessionDescription body, @Nullable LegSdpState lastOnLeg, String address) {
        if (lastOnLeg == null) {
            Origin origin = body.origin().at(address);
            SessionDescription first = body.withOrigin(origin);
            return new RelayedSdp(first, new LegSdpState(origin, first.text()), true);
        }
        SessionDescription same = body.withOrigin(lastOnLeg.origin());
        if (same.text().equals(lastOnLeg.lastSent())) {
            return new RelayedSdp(same, lastOnLeg, false);
        }
        Origin next = lastOnLeg.origin().nextVersion();
        SessionDescription changed = body.withOrigin(next);
        return new RelayedSdp(changed, new LegSdpState(next, changed.text()), true);
    }

    /** A stream's address after the rewrite: the relay's, unless the phone holds it RFC 2543 style. */
    private static Connection announcedAddress(SessionDescription received, RelayPlan plan, int index) {
        Optional<RelayEndpoint> endpoint = plan.endpoint(index);
        Optional<Connection> phone = received.connection(index);
        if (endpoint.isEmpty() || MediaFacts.oldStyleHold(received, index)) {
            // a disabled stream may name no connection at all (checked by the parser only for enabled ones)
            return phone.orElse(Connection.of("0.0.0.0"));
        }
        return Connection.of(endpoint.get().address());
    }

    /**
     * The session-level connection: the first enabled stream's that is not on hold, so that most
     * streams inherit it; when every stream is held or disabled, the phone's (a session-wide hold).
     */
    private static Optional<Connection> sessionAddress(SessionDescription received, List<Connection> addresses) {
        for (int i = 0; i < received.media().size(); i++) {
            if (!received.media().get(i).mediaLine().disabled() && !MediaFacts.oldStyleHold(received, i)) {
                return Optional.of(addresses.get(i));
            }
        }
        return Optional.empty();
    }

    private static List<SdpLine> sessionLines(SessionDescription received, Optional<Connection> connection,
            RelayPlan plan) {
        List<SdpLine> lines = new ArrayList<>();
        for (SdpLine line : received.sessionLines()) {
            if (line.type() == 'c') {
                lines.add(new SdpLine('c', connection.orElseThrow().value()));
            } else if (!IceLines.isIce(line)) {
                lines.add(line);
            }
        }
        if (plan.ice() == IcePolicy.RELAY_HOST_CANDIDATE) {
            // RFC 8839 section 5.3: ice-lite is session-level; the relay never gathers or checks
            lines.add(SdpLine.attribute("ice-lite", null));
        }
        return lines;
    }

    private static String originAddress(SessionDescription received, RelayPlan plan) {
        return plan.endpoints().values().stream().findFirst().map(RelayEndpoint::address)
                .orElse(received.origin().address());
    }
}
