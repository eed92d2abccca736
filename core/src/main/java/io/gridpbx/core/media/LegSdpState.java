package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.Origin;

/**
 * What the relay last sent on one leg (one direction of one call): the {@code o=} line it used and
 * the whole description, as sent. RFC 3264 section 8 asks that every later description on the leg
 * keep that origin, with the version up by one exactly when the description changed; the caller
 * keeps this value (in the grid, with the media session) and hands it back to the next rewrite.
 */
public record LegSdpState(Origin origin, String lastSent) {
}
