package io.gridpbx.sip.jain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Cuts a SIP byte stream (TCP, TLS) into whole messages by their Content-Length (RFC 3261 section
 * 18.3) before the RI's stream parser sees them, holding at most {@code limit} bytes per
 * connection. The RI's parser allocates the body buffer at the size the Content-Length claims: a
 * claim of two gigabytes threw an OutOfMemoryError that killed the node's only TCP selector thread,
 * so one packet ended TCP for every phone. Here a claim is checked first: not a number ends the
 * connection (there is no telling where the next message starts), more than the limit gets the
 * message's headers handed to {@link Sink#tooLarge} (for a 513) and its body skipped unread.
 *
 * <p>Only the full name {@code Content-Length} frames, as in the RI's stream parser, so that both
 * cut the stream at the same places.
 */
final class SipStreamFramer {

    /** Where framed bytes go. */
    interface Sink {
        /** A whole message, headers and body. */
        void message(byte[] message) throws Exception;

        /** The header block of a message whose body would pass the limit; the body is skipped. */
        void tooLarge(byte[] headers) throws Exception;

        /** CR and LF between messages: RFC 5626 section 4.4.1 keepalives, which the RI answers. */
        void between(byte[] crlf) throws Exception;
    }

    /** A stream that cannot be framed; the connection must end. */
    static final class FramingException extends Exception {
        FramingException(String message) {
            super(message);
        }
    }

    private static final String CONTENT_LENGTH = "content-length";

    private final int limit;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(1024);
    private int lineStart;
    private int contentLength;
    private int bodyLeft = -1;
    private long skipLeft;

    SipStreamFramer(int limit) {
        this.limit = limit;
    }

    void feed(byte[] chunk, Sink sink) throws Exception {
        int i = 0;
        while (i < chunk.length) {
            if (skipLeft > 0) {
                int n = (int) Math.min(skipLeft, chunk.length - i);
                skipLeft -= n;
                i += n;
            } else if (bodyLeft >= 0) {
                int n = Math.min(bodyLeft, chunk.length - i);
                current.write(chunk, i, n);
                bodyLeft -= n;
                i += n;
                if (bodyLeft == 0) {
                    emit(sink);
                }
            } else if (current.size() == 0 && (chunk[i] == '\r' || chunk[i] == '\n')) {
                int from = i;
                while (i < chunk.length && (chunk[i] == '\r' || chunk[i] == '\n')) {
                    i++;
                }
                byte[] crlf = new byte[i - from];
                System.arraycopy(chunk, from, crlf, 0, crlf.length);
                sink.between(crlf);
            } else {
                byte b = chunk[i++];
                current.write(b);
                if (current.size() > limit) {
                    throw new FramingException("headers over " + limit + " bytes");
                }
                if (b == '\n') {
                    endOfLine(sink);
                }
            }
        }
    }

    private void endOfLine(Sink sink) throws Exception {
        byte[] all = current.toByteArray();
        String line = new String(all, lineStart, all.length - lineStart, StandardCharsets.ISO_8859_1).strip();
        lineStart = all.length;
        if (!line.isEmpty()) {
            if (line.regionMatches(true, 0, CONTENT_LENGTH, 0, CONTENT_LENGTH.length())) {
                contentLength = contentLength(line);
            }
            return;
        }
        if (contentLength > limit - all.length) {
            long skip = contentLength;
            reset();
            skipLeft = skip;
            sink.tooLarge(all);
        } else if (contentLength == 0) {
            emit(sink);
        } else {
            bodyLeft = contentLength;
        }
    }

    private static int contentLength(String line) throws FramingException {
        String value = line.substring(CONTENT_LENGTH.length()).strip();
        if (!value.startsWith(":")) {
            return 0; // another header whose name starts alike; the RI's parser would refuse it too
        }
        value = value.substring(1).strip();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FramingException("Content-Length is not a number: " + JainSipMessageParserFactory.oneLine(
                    value.length() > 20 ? value.substring(0, 20) : value).toLowerCase(Locale.ROOT));
        }
        long length = Long.parseLong(value);
        return (int) Math.min(length, Integer.MAX_VALUE);
    }

    private void emit(Sink sink) throws Exception {
        byte[] message = current.toByteArray();
        reset();
        sink.message(message);
    }

    private void reset() {
        current.reset();
        lineStart = 0;
        contentLength = 0;
        bodyLeft = -1;
    }
}
