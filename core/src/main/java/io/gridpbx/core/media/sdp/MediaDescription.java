package io.gridpbx.core.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One media section, RFC 8866 section 5: its {@code m=} line and the lines up to the next one, in
 * the order the phone wrote them.
 */
public record MediaDescription(List<SdpLine> lines) {

    public MediaDescription {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.getFirst().type() != 'm') {
            throw new IllegalArgumentException("a media section starts with its m= line");
        }
    }

    public MediaLine mediaLine() {
        return SdpStructure.typed(() -> MediaLine.parse(lines.getFirst().value()));
    }

    /** The media-level {@code c=} line, which overrides the session's (RFC 8866 section 5.7). */
    public Optional<Connection> connection() {
        return lines.stream().filter(line -> line.type() == 'c').findFirst()
                .map(line -> SdpStructure.typed(() -> Connection.parse(line.value())));
    }

    /** The first media-level attribute with this name. */
    public Optional<SdpLine> attribute(String name) {
        return lines.stream().filter(line -> line.isAttribute(name)).findFirst();
    }

    public boolean has(String attributeName) {
        return attribute(attributeName).isPresent();
    }

    /** The media-level direction attribute, if the section states one. */
    public Optional<MediaDirection> direction() {
        return lines.stream().map(MediaDirection::of).flatMap(Optional::stream).findFirst();
    }
}
