package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The relay's side of one rewrite: an endpoint for each stream that is not disabled, by the index of
 * its {@code m=} line (from 0), and what to do with ICE. A disabled stream (port 0) gets none: RFC
 * 3264 section 6 leaves it disabled in every later offer and answer, so a port for it would be leaked.
 */
public record RelayPlan(Map<Integer, RelayEndpoint> endpoints, IcePolicy ice, @Nullable IceCredentials iceCredentials) {

    public RelayPlan {
        endpoints = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(endpoints));
        if (ice == IcePolicy.RELAY_HOST_CANDIDATE && iceCredentials == null) {
            throw new IllegalArgumentException("a relay host candidate needs the relay's ICE credentials");
        }
    }

    /** The usual plan: the relay terminates media and the phone's ICE attributes are dropped. */
    public static RelayPlan removingIce(Map<Integer, RelayEndpoint> endpoints) {
        return new RelayPlan(endpoints, IcePolicy.REMOVE, null);
    }

    /** The relay as an ICE-lite agent with these credentials, one host candidate per component. */
    public static RelayPlan withRelayCandidates(Map<Integer, RelayEndpoint> endpoints, IceCredentials credentials) {
        return new RelayPlan(endpoints, IcePolicy.RELAY_HOST_CANDIDATE, credentials);
    }

    public Optional<RelayEndpoint> endpoint(int mediaIndex) {
        return Optional.ofNullable(endpoints.get(mediaIndex));
    }

    /**
     * @throws IllegalArgumentException when a stream that is not disabled has no endpoint, a disabled one
     *                                  has one, or an index names no {@code m=} line: a wiring error, not the phone's
     */
    void checkCovers(SessionDescription sdp) {
        for (int index : endpoints.keySet()) {
            if (index < 0 || index >= sdp.media().size()) {
                throw new IllegalArgumentException("no m= line " + index + " for a relay endpoint");
            }
        }
        for (int i = 0; i < sdp.media().size(); i++) {
            boolean disabled = sdp.media().get(i).mediaLine().disabled();
            if (disabled && endpoints.containsKey(i)) {
                throw new IllegalArgumentException("m= line " + i + " is disabled (port 0) and gets no relay port");
            }
            if (!disabled && !endpoints.containsKey(i)) {
                throw new IllegalArgumentException("m= line " + i + " has no relay endpoint");
            }
        }
    }
}
