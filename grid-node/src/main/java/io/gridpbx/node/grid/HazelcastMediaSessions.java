package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.media.MediaSession;
import io.gridpbx.core.media.MediaSessions;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The media sessions in a grid map (with its backup), by Call-ID. Only the relaying node writes a
 * session, so writes need no lock; they are asynchronous, off the media and SIP threads.
 */
public final class HazelcastMediaSessions implements MediaSessions {

    private final IMap<String, MediaSession> sessions;

    public HazelcastMediaSessions(HazelcastInstance grid) {
        this.sessions = grid.getMap(MapNames.MEDIA_SESSIONS);
    }

    @Override
    public void publish(MediaSession session) {
        sessions.setAsync(session.callId(), session);
    }

    @Override
    public void remove(String callId) {
        sessions.removeAsync(callId);
    }

    @Override
    public Optional<MediaSession> find(String callId) {
        return Optional.ofNullable(sessions.get(callId));
    }

    @Override
    public Map<String, MediaSession> findAll(Collection<String> callIds) {
        Set<String> keys = callIds.stream().collect(Collectors.toSet());
        return keys.isEmpty() ? Map.of() : Map.copyOf(sessions.getAll(keys));
    }
}
