package io.gridpbx.core.media.sdp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code m=} line, RFC 8866 section 5.14: {@code <media> <port>[/<number of ports>] <proto>
 * <fmt> ...}. Port 0 is a disabled or rejected stream (RFC 3264 sections 5.1 and 6).
 */
public record MediaLine(String media, int port, @Nullable Integer portCount, String proto, List<String> formats) {

    public MediaLine {
        formats = List.copyOf(formats);
        if (!SdpTokens.isToken(media) || !SdpTokens.isToken(proto) || formats.isEmpty()
                || !formats.stream().allMatch(SdpTokens::isToken)) {
            throw new IllegalArgumentException("an m= line has a media, a proto and at least one format");
        }
        if (port < 0 || port > 65535 || portCount != null && portCount < 1) {
            throw new IllegalArgumentException("an m= port is 0 to 65535, a port count at least 1");
        }
    }

    static MediaLine parse(String value) throws SdpParseException {
        String[] fields = value.split(" ", -1);
        if (fields.length < 4) {
            throw new SdpParseException("Bad SDP: m= line needs media, port, proto and formats");
        }
        String portField = fields[1];
        int slash = portField.indexOf('/');
        String port = slash < 0 ? portField : portField.substring(0, slash);
        if (!SdpTokens.isNumber(port, 5) || Integer.parseInt(port) > 65535) {
            throw new SdpParseException("Bad SDP: port out of range in m= line");
        }
        Integer count = null;
        if (slash >= 0) {
            String digits = portField.substring(slash + 1);
            if (!SdpTokens.isNumber(digits, 5) || Integer.parseInt(digits) < 1) {
                throw new SdpParseException("Bad SDP: bad port count in m= line");
            }
            count = Integer.parseInt(digits);
        }
        try {
            return new MediaLine(fields[0], Integer.parseInt(port), count, fields[2],
                    List.of(fields).subList(3, fields.length));
        } catch (IllegalArgumentException badField) {
            throw new SdpParseException("Bad SDP: malformed m= line");
        }
    }

    public boolean disabled() {
        return port == 0;
    }

    /**
     * The same line on another port, without a port count: a relay endpoint is one RTP port, so
     * announcing a range of consecutive ports (RFC 8866 section 5.14) would promise what it lacks.
     */
    public MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, null, proto, formats);
    }

    /** The text after {@code m=}. */
    public String value() {
        return media + " " + port + (portCount == null ? "" : "/" + portCount) + " " + proto + " "
                + String.join(" ", formats);
    }
}
