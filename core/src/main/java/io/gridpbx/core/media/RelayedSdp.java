package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SessionDescription;

/**
 * The description to send on a leg and the leg's state to keep for the next one; {@code changed} is
 * false when it is the description last sent there, version and all (RFC 3264 section 8).
 */
public record RelayedSdp(SessionDescription sdp, LegSdpState state, boolean changed) {
}
