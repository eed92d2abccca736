package io.gridpbx.core.media;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The media sessions of the cluster, by Call-ID: written by the node that relays each call, read by any. */
public interface MediaSessions {

    /** No media relayed anywhere: for a platform (or a test) without relays. */
    MediaSessions NONE = new MediaSessions() {
        @Override
        public void publish(MediaSession session) {
        }

        @Override
        public void remove(String callId) {
        }

        @Override
        public Optional<MediaSession> find(String callId) {
            return Optional.empty();
        }

        @Override
        public Map<String, MediaSession> findAll(Collection<String> callIds) {
            return Map.of();
        }
    };

    void publish(MediaSession session);

    void remove(String callId);

    Optional<MediaSession> find(String callId);

    /** The sessions of those calls that have one. */
    Map<String, MediaSession> findAll(Collection<String> callIds);
}
