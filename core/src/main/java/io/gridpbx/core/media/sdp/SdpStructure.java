package io.gridpbx.core.media.sdp;

import java.util.List;

/**
 * The structure every description must have before the relay reads it, RFC 8866 section 5: {@code v=0}
 * first, one {@code o=} second, at least one media section, a connection address for every stream that
 * is not disabled (section 5.7), well-formed {@code c=}, {@code m=} and {@code a=rtcp} lines.
 */
final class SdpStructure {

    /** A call has a few streams; a WebRTC conference may have dozens. Past this, it is no call of ours. */
    static final int MAX_MEDIA = 32;

    private SdpStructure() {
    }

    static void check(List<SdpLine> session, List<MediaDescription> media) throws SdpParseException {
        if (session.isEmpty() || session.getFirst().type() != 'v') {
            throw new SdpParseException("Bad SDP: does not start with v=");
        }
        String version = session.getFirst().value();
        if (!SdpTokens.isNumber(version, 9)) {
            throw new SdpParseException("Bad SDP: v= is not a number");
        }
        if (!version.equals("0")) {
            throw new SdpParseException("Bad SDP: unsupported version, v=0 expected");
        }
        if (session.size() < 2 || session.get(1).type() != 'o') {
            throw new SdpParseException("Bad SDP: o= must follow v=");
        }
        Origin.parse(session.get(1).value());
        boolean sessionConnection = false;
        for (SdpLine line : session.subList(2, session.size())) {
            switch (line.type()) {
                case 'v', 'o' -> throw new SdpParseException("Bad SDP: repeated " + line.type() + "= line");
                case 'm' -> throw new SdpParseException("Bad SDP: m= line inside the session section");
                case 'c' -> {
                    if (sessionConnection) {
                        throw new SdpParseException("Bad SDP: more than one session c= line");
                    }
                    Connection.parse(line.value());
                    sessionConnection = true;
                }
                default -> {
                    // any other line, known or not, is kept as written
                }
            }
        }
        if (media.isEmpty()) {
            throw new SdpParseException("Bad SDP: no m= line");
        }
        if (media.size() > MAX_MEDIA) {
            throw new SdpParseException("Bad SDP: more than " + MAX_MEDIA + " m= lines");
        }
        for (int i = 0; i < media.size(); i++) {
            checkMedia(media.get(i).lines(), i + 1, sessionConnection);
        }
    }

    private static void checkMedia(List<SdpLine> lines, int number, boolean sessionConnection)
            throws SdpParseException {
        MediaLine mediaLine;
        try {
            mediaLine = MediaLine.parse(lines.getFirst().value());
        } catch (SdpParseException bad) {
            throw new SdpParseException(bad.reason() + " " + number);
        }
        boolean connection = false;
        for (SdpLine line : lines.subList(1, lines.size())) {
            switch (line.type()) {
                case 'v', 'o', 'm' -> throw new SdpParseException(
                        "Bad SDP: " + line.type() + "= line inside m= section " + number);
                case 'c' -> {
                    if (connection) {
                        // legal for layered multicast (RFC 8866 section 5.7), never a phone's unicast stream
                        throw new SdpParseException("Bad SDP: more than one c= line in m= section " + number);
                    }
                    Connection.parse(line.value());
                    connection = true;
                }
                case 'a' -> {
                    if (line.isAttribute("rtcp") && !isRtcpValue(line.attributeValue())) {
                        throw new SdpParseException("Bad SDP: malformed a=rtcp in m= section " + number);
                    }
                }
                default -> {
                    // kept as written
                }
            }
        }
        if (!connection && !sessionConnection && !mediaLine.disabled()) {
            throw new SdpParseException("Bad SDP: no c= line for m= line " + number);
        }
    }

    /** RFC 3605 section 2.1: {@code port [nettype addrtype address]}. */
    private static boolean isRtcpValue(String value) {
        String[] fields = value.split(" ", -1);
        return (fields.length == 1 || fields.length == 4)
                && SdpTokens.isNumber(fields[0], 5) && Integer.parseInt(fields[0]) <= 65535
                && java.util.Arrays.stream(fields).allMatch(SdpTokens::isToken);
    }

    /** A typed view of a line that {@link #check} has accepted, which therefore cannot fail. */
    static <T> T typed(Parse<T> parse) {
        try {
            return parse.get();
        } catch (SdpParseException impossible) {
            throw new IllegalStateException("a checked description holds a malformed line", impossible);
        }
    }

    @FunctionalInterface
    interface Parse<T> {
        T get() throws SdpParseException;
    }
}
