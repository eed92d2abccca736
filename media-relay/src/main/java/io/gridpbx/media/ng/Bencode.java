package io.gridpbx.media.ng;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bencode (BEP 3), the encoding of rtpengine's ng protocol: byte strings {@code 4:spam}, integers
 * {@code i42e}, lists {@code l...e} and dictionaries {@code d...e}.
 *
 * <p>Decoding is strict and bounded, since a datagram comes from anyone who can reach the port: at most
 * {@link #MAX_LENGTH} octets and {@link #MAX_DEPTH} nested containers, no leading zeros or {@code -0},
 * integers within a {@code long}, dictionary keys that are strings, and nothing after the value. Keys
 * need not be sorted (Kamailio adds them in its own order); a repeated key keeps its last value.
 * Decoded strings are {@code byte[]}, integers {@code Long}, lists {@code List} and dictionaries
 * {@code Map<String, Object>} with UTF-8 keys, in their order. Encoding takes the same types (and
 * {@code String}, {@code Integer}) and writes dictionary keys sorted by their octets, as BEP 3 asks, so
 * that equal values encode to equal bytes.
 */
public final class Bencode {

    /** A datagram's worth: 64 KiB. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** Containers within containers; an ng request needs three. */
    public static final int MAX_DEPTH = 16;

    private final byte[] in;
    private final int end;
    private int pos;

    private Bencode(byte[] in, int offset, int end) {
        this.in = in;
        this.pos = offset;
        this.end = end;
    }

    /** Decodes exactly one value filling {@code bytes}. */
    public static Object decode(byte[] bytes) throws BencodeException {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes exactly one value filling {@code bytes[offset..end)}. */
    public static Object decode(byte[] bytes, int offset, int end) throws BencodeException {
        if (end - offset > MAX_LENGTH) {
            throw new BencodeException("longer than " + MAX_LENGTH + " octets: " + (end - offset));
        }
        if (offset >= end) {
            throw new BencodeException("empty input");
        }
        Bencode decoder = new Bencode(bytes, offset, end);
        Object value = decoder.value(0);
        if (decoder.pos != end) {
            throw new BencodeException("trailing data at offset " + (decoder.pos - offset));
        }
        return value;
    }

    /** Encodes a value of the types listed above. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, value);
        return out.toByteArray();
    }

    private Object value(int depth) throws BencodeException {
        byte b = peek();
        return switch (b) {
            case 'i' -> integer();
            case 'l' -> list(depth + 1);
            case 'd' -> dictionary(depth + 1);
            default -> {
                if (b < '0' || b > '9') {
                    throw error("unexpected '" + printable(b) + "'");
                }
                yield string();
            }
        };
    }

    private long integer() throws BencodeException {
        pos++; // 'i'
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        long value = digits('e', 19);
        int length = pos - start - (negative ? 1 : 0);
        if (length > 1 && in[start + (negative ? 1 : 0)] == '0' || negative && value == 0) {
            throw error("integer with a leading zero or -0");
        }
        pos++; // 'e'
        return negative ? -value : value;
    }

    private byte[] string() throws BencodeException {
        int start = pos;
        long length = digits(':', 5);
        if (pos - start > 1 && in[start] == '0') {
            throw error("string length with a leading zero");
        }
        pos++; // ':'
        if (length > end - pos) {
            throw error("string of " + length + " octets runs past the end");
        }
        byte[] bytes = Arrays.copyOfRange(in, pos, pos + (int) length);
        pos += (int) length;
        return bytes;
    }

    private List<Object> list(int depth) throws BencodeException {
        checkDepth(depth);
        pos++; // 'l'
        List<Object> items = new ArrayList<>();
        while (peek() != 'e') {
            items.add(value(depth));
        }
        pos++;
        return Collections.unmodifiableList(items);
    }

    private Map<String, Object> dictionary(int depth) throws BencodeException {
        checkDepth(depth);
        pos++; // 'd'
        Map<String, Object> entries = new LinkedHashMap<>();
        while (peek() != 'e') {
            byte b = peek();
            if (b < '0' || b > '9') {
                throw error("dictionary key is not a string");
            }
            String key = new String(string(), StandardCharsets.UTF_8);
            entries.remove(key); // the last value wins, in its position
            entries.put(key, value(depth));
        }
        pos++;
        return Collections.unmodifiableMap(entries);
    }

    /** Reads up to {@code maxDigits} decimal digits ending at {@code terminator}, left at the terminator. */
    private long digits(char terminator, int maxDigits) throws BencodeException {
        long value = 0;
        int count = 0;
        while (peek() != terminator) {
            byte b = in[pos];
            if (b < '0' || b > '9') {
                throw error("expected a digit or '" + terminator + "', found '" + printable(b) + "'");
            }
            if (++count > maxDigits) {
                throw error("number longer than " + maxDigits + " digits");
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, 10), b - '0');
            } catch (ArithmeticException overflow) {
                throw error("number beyond a 64-bit integer");
            }
            pos++;
        }
        if (count == 0) {
            throw error("number without digits");
        }
        return value;
    }

    private void checkDepth(int depth) throws BencodeException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private byte peek() throws BencodeException {
        if (pos >= end) {
            throw new BencodeException("truncated: input ends inside a value");
        }
        return in[pos];
    }

    private BencodeException error(String what) {
        return new BencodeException(what + " at offset " + pos);
    }

    private static String printable(byte b) {
        return b >= 0x21 && b < 0x7f ? String.valueOf((char) b) : String.format("0x%02x", b & 0xff);
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case byte[] bytes -> writeString(out, bytes);
            case String text -> writeString(out, text.getBytes(StandardCharsets.UTF_8));
            case Long number -> writeAscii(out, "i" + number + "e");
            case Integer number -> writeAscii(out, "i" + number + "e");
            case List<?> items -> {
                out.write('l');
                items.forEach(item -> write(out, item));
                out.write('e');
            }
            case Map<?, ?> entries -> {
                out.write('d');
                List<Map.Entry<byte[], Object>> sorted = new ArrayList<>();
                entries.forEach((key, item) -> sorted.add(Map.entry(
                        ((String) key).getBytes(StandardCharsets.UTF_8), item)));
                sorted.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
                for (Map.Entry<byte[], Object> entry : sorted) {
                    writeString(out, entry.getKey());
                    write(out, entry.getValue());
                }
                out.write('e');
            }
            default -> throw new IllegalArgumentException("not encodable: " + value.getClass().getName());
        }
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        writeAscii(out, bytes.length + ":");
        out.writeBytes(bytes);
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
