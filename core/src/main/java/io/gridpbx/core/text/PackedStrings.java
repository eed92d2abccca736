package io.gridpbx.core.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Several strings in one byte array, each as UTF-8 after its length (7 bits a byte, low bits first):
 * one object where Strings take two each (the String and its array). For records kept by the hundred
 * thousand, on their owner and their backup: a registrar binding's contact, Call-ID and source.
 */
public final class PackedStrings {

    private PackedStrings() {
    }

    public static byte[] pack(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * texts.length);
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int length = bytes.length; ; length >>>= 7) {
                if (length < 0x80) {
                    out.write(length);
                    break;
                }
                out.write(length & 0x7F | 0x80);
            }
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    /** The {@code index}th string packed (from 0); the array must come from {@link #pack} with more strings. */
    public static String unpack(byte[] packed, int index) {
        int at = 0;
        for (int i = 0; ; i++) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = packed[at++];
                length |= (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            if (i == index) {
                return new String(packed, at, length, StandardCharsets.UTF_8);
            }
            at += length;
        }
    }
}
