package io.gridpbx.media.ng;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One ng message as it travels: {@code <cookie> <bencoded dictionary>}. The cookie is the client's
 * (Kamailio writes {@code <pid>_<counter>}) and comes back unchanged in front of the reply.
 */
record NgDatagram(String cookie, Map<String, Object> dictionary) {

    /** Longer cookies are no client's; the bound keeps the reply cache small. */
    static final int MAX_COOKIE_LENGTH = 128;

    /**
     * Splits and decodes a request.
     *
     * @throws BencodeException when there is no cookie, or what follows it is not one bencoded dictionary
     */
    static NgDatagram parse(byte[] datagram) throws BencodeException {
        int space = -1;
        for (int i = 0; i < Math.min(datagram.length, MAX_COOKIE_LENGTH + 1); i++) {
            if (datagram[i] == ' ') {
                space = i;
                break;
            }
        }
        if (space <= 0) {
            throw new BencodeException("no cookie: a request is '<cookie> <dictionary>'");
        }
        for (int i = 0; i < space; i++) {
            if (datagram[i] < 0x21 || datagram[i] > 0x7e) {
                throw new BencodeException("cookie holds a byte that is not printable ASCII");
            }
        }
        String cookie = new String(datagram, 0, space, StandardCharsets.US_ASCII);
        Object body = Bencode.decode(datagram, space + 1, datagram.length);
        if (!(body instanceof Map<?, ?> dictionary)) {
            throw new BencodeException("the body is not a dictionary");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) dictionary;
        return new NgDatagram(cookie, typed);
    }

    /** The wire form of a reply to {@code cookie}. */
    static byte[] reply(String cookie, Map<String, Object> dictionary) {
        byte[] prefix = (cookie + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Bencode.encode(dictionary);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }
}
