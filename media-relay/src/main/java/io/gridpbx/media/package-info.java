/**
 * The RTP relay and media engine on Netty. It arrives with the media issue; the module exists so that the reactor and its edges are in place.
 */
@NullMarked
package io.gridpbx.media;

import org.jspecify.annotations.NullMarked;
