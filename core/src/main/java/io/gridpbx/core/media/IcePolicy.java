package io.gridpbx.core.media;

/** What the rewrite does with a phone's ICE attributes (RFC 8839), which describe the phone, not the relay. */
public enum IcePolicy {
    /**
     * Drop every ICE attribute: the relay terminates media at plain addresses, and candidates the
     * other leg cannot reach would only make it probe them. The default, as with rtpengine.
     */
    REMOVE,
    /**
     * Replace them with the relay as an ICE-lite agent (RFC 8445 section 2.5): {@code a=ice-lite} at
     * session level and, per stream, the relay's credentials and one host candidate per component.
     */
    RELAY_HOST_CANDIDATE
}
