package io.gridpbx.core.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files built byte by byte for tests: a header that tells the truth unless a test wants otherwise. */
public final class Wavs {

    private Wavs() {
    }

    /** A mono 8 kHz file of the given format code (1 PCM, 6 A-law, 7 µ-law) and sample size, {@code seconds} long. */
    public static byte[] of(int format, int bits, int seconds) {
        return of(format, 1, 8000, bits, 8000 * bits / 8, 8000 * bits / 8 * seconds);
    }

    /** A second of 8 kHz 16-bit mono PCM per second asked: what the portal plays. */
    public static byte[] pcm(int seconds) {
        return of(1, 16, seconds);
    }

    public static byte[] of(int format, int channels, int sampleRate, int bits, int byteRate, int dataBytes) {
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) format).putShort((short) channels).putInt(sampleRate).putInt(byteRate)
                .putShort((short) (channels * bits / 8)).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < dataBytes; i++) {
            out.put((byte) (i * 7));
        }
        return out.array();
    }
}
