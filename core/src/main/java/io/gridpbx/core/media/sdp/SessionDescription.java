package io.gridpbx.core.media.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session description, RFC 8866 section 5: the session-level lines (starting {@code v=}, {@code o=})
 * and the media sections in order. Every line is kept as written, unknown ones included, so that
 * {@link #text()} of a parsed description that nobody changed is the input byte for byte when the
 * input ended its lines with CRLF (as RFC 8866 section 5 asks; a bare LF is accepted and answered
 * with CRLF).
 */
public record SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {

    public SessionDescription {
        sessionLines = List.copyOf(sessionLines);
        media = List.copyOf(media);
        try {
            SdpStructure.check(sessionLines, media);
        } catch (SdpParseException malformed) {
            throw new IllegalArgumentException(malformed.reason(), malformed);
        }
    }

    /** Parses a body (of a SIP message, {@code application/sdp}); bounded in size and in m= lines. */
    public static SessionDescription parse(String body) throws SdpParseException {
        return SdpParser.parse(body);
    }

    /** Parses the raw bytes of a body, which must be UTF-8 (RFC 8866 section 5: the default charset). */
    public static SessionDescription parse(byte[] body) throws SdpParseException {
        return SdpParser.parse(body);
    }

    public Origin origin() {
        return SdpStructure.typed(() -> Origin.parse(sessionLines.get(1).value()));
    }

    /** The session-level {@code c=} line, the default for media sections without their own. */
    public Optional<Connection> connection() {
        return sessionLines.stream().filter(line -> line.type() == 'c').findFirst()
                .map(line -> SdpStructure.typed(() -> Connection.parse(line.value())));
    }

    /** The connection a media section uses: its own {@code c=}, else the session's. */
    public Optional<Connection> connection(int mediaIndex) {
        return media.get(mediaIndex).connection().or(this::connection);
    }

    /** The first session-level attribute with this name. */
    public Optional<SdpLine> attribute(String name) {
        return sessionLines.stream().filter(line -> line.isAttribute(name)).findFirst();
    }

    /** The direction of a media section: its own attribute, else the session's, else sendrecv (RFC 8866 section 6.7). */
    public MediaDirection direction(int mediaIndex) {
        return media.get(mediaIndex).direction().or(() -> sessionLines.stream().map(MediaDirection::of)
                .flatMap(Optional::stream).findFirst()).orElse(MediaDirection.SENDRECV);
    }

    /** The same description with another {@code o=} line. */
    public SessionDescription withOrigin(Origin origin) {
        List<SdpLine> lines = new ArrayList<>(sessionLines);
        lines.set(1, new SdpLine('o', origin.value()));
        return new SessionDescription(lines, media);
    }

    /** Every line with CRLF after it (RFC 8866 section 5), the form to send. */
    public String text() {
        StringBuilder out = new StringBuilder(512);
        sessionLines.forEach(line -> out.append(line.text()).append("\r\n"));
        media.forEach(section -> section.lines().forEach(line -> out.append(line.text()).append("\r\n")));
        return out.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
