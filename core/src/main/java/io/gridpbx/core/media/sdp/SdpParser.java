package io.gridpbx.core.media.sdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into lines and sections, RFC 8866 section 5, and hands the structure to
 * {@link SdpStructure}. Bounded first: a body over {@link #MAX_SIZE} is refused before any work, so
 * hostile input costs one length check; everything after is linear in the body.
 */
final class SdpParser {

    /** Real offers are 300 bytes to 6 KiB (a WebRTC offer with video); 16 KiB leaves room and no more. */
    static final int MAX_SIZE = 16 * 1024;

    private SdpParser() {
    }

    static SessionDescription parse(byte[] body) throws SdpParseException {
        if (body.length > MAX_SIZE) {
            throw tooLarge();
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException notUtf8) {
            throw new SdpParseException("Bad SDP: not UTF-8");
        }
    }

    static SessionDescription parse(String body) throws SdpParseException {
        if (body.length() > MAX_SIZE) {
            throw tooLarge();
        }
        List<SdpLine> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        List<SdpLine> section = session;
        List<String> texts = lines(body);
        for (int n = 0; n < texts.size(); n++) {
            SdpLine line = line(texts.get(n), n + 1);
            if (line.type() == 'm') {
                if (section != session) {
                    media.add(new MediaDescription(section));
                }
                if (media.size() == SdpStructure.MAX_MEDIA) {
                    throw new SdpParseException("Bad SDP: more than " + SdpStructure.MAX_MEDIA + " m= lines");
                }
                section = new ArrayList<>();
            }
            section.add(line);
        }
        if (section != session) {
            media.add(new MediaDescription(section));
        }
        SdpStructure.check(session, media);
        return new SessionDescription(session, media);
    }

    /** Lines ended by CRLF or LF; blank lines at the very end are tolerated, none elsewhere. */
    private static List<String> lines(String body) throws SdpParseException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            int next = end < 0 ? body.length() : end + 1;
            if (end < 0) {
                end = body.length();
            }
            lines.add(end > start && body.charAt(end - 1) == '\r' ? body.substring(start, end - 1)
                    : body.substring(start, end));
            start = next;
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        if (lines.isEmpty()) {
            throw new SdpParseException("Bad SDP: empty body");
        }
        return lines;
    }

    private static SdpLine line(String text, int number) throws SdpParseException {
        if (text.length() < 2 || text.charAt(1) != '=' || text.charAt(0) < 'a' || text.charAt(0) > 'z') {
            throw new SdpParseException("Bad SDP: line " + number + " is not type=value");
        }
        for (int i = 2; i < text.length(); i++) {
            char c = text.charAt(i);
            // RFC 8866 section 9: a value is any byte but NUL, CR and LF; other controls bar TAB are no phone's
            if (c < ' ' && c != '\t' || c == 0x7f) {
                throw new SdpParseException("Bad SDP: control character in line " + number);
            }
        }
        return new SdpLine(text.charAt(0), text.substring(2));
    }

    private static SdpParseException tooLarge() {
        return new SdpParseException("Bad SDP: larger than " + MAX_SIZE + " bytes");
    }
}
