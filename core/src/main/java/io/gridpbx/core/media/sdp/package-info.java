/**
 * The session description protocol (RFC 8866, which obsoletes RFC 4566) as a line-preserving
 * model: a description is its session lines and its media sections, each line kept exactly as the
 * phone wrote it, with typed views of the lines the relay reads or rewrites ({@code o=}, {@code c=},
 * {@code m=}, the direction attributes). Parsing is bounded and strict about the structure that
 * offer/answer relies on, and reports every defect as an {@link io.gridpbx.core.media.sdp.SdpParseException}
 * whose reason can be sent in a 488; a description nobody changed serializes back byte for byte.
 */
@NullMarked
package io.gridpbx.core.media.sdp;

import org.jspecify.annotations.NullMarked;
