package io.gridpbx.core.text;

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
        byte[][] encoded = new byte[texts.length][];
        int size = 0;
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            size += lengthBytes(encoded[i].length) + encoded[i].length;
        }
        byte[] packed = new byte[size];
        int at = 0;
        for (byte[] bytes : encoded) {
            int length = bytes.length;
            for (; length >= 0x80; length >>>= 7) {
                packed[at++] = (byte) (length & 0x7F | 0x80);
            }
            packed[at++] = (byte) length;
            System.arraycopy(bytes, 0, packed, at, bytes.length);
            at += bytes.length;
        }
        return packed;
    }

    private static int lengthBytes(int length) {
        int bytes = 1;
        for (; length >= 0x80; length >>>= 7) {
            bytes++;
        }
        return bytes;
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
