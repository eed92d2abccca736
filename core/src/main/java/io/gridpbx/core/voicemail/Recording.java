package io.gridpbx.core.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A message's recording: a RIFF/WAVE file in one of the formats a voicemail system writes (linear PCM
 * 8 or 16 bit, G.711 A-law or µ-law), mono or stereo, 8 to 48 kHz, at most {@link #MAX_BYTES} and
 * {@link #MAX_SECONDS}. Its length is read from its own header, never taken from whoever supplied it,
 * and a file whose header does not add up is refused with the reason.
 */
public final class Recording {

    public static final String CONTENT_TYPE = "audio/wav";
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_SECONDS = 600;

    private static final int PCM = 1;
    private static final int A_LAW = 6;
    private static final int MU_LAW = 7;

    private final byte[] wav;
    private final int seconds;

    private Recording(byte[] wav, int seconds) {
        this.wav = wav;
        this.seconds = seconds;
    }

    /** The recording in these bytes; {@link IllegalArgumentException} saying what is wrong with them otherwise. */
    public static Recording of(byte[] wav) {
        if (wav.length > MAX_BYTES) {
            throw new IllegalArgumentException("a recording is at most " + MAX_BYTES + " bytes, not " + wav.length);
        }
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !"RIFF".equals(tag(in, 0)) || !"WAVE".equals(tag(in, 8))) {
            throw new IllegalArgumentException("not a WAV file (no RIFF/WAVE header)");
        }
        Format format = null;
        for (int at = 12; at + 8 <= wav.length; ) {
            String id = tag(in, at);
            long size = Integer.toUnsignedLong(in.getInt(at + 4));
            int body = at + 8;
            if ("fmt ".equals(id)) {
                format = Format.read(in, body, size);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw new IllegalArgumentException("the data chunk comes before the fmt chunk");
                }
                if (body + size > wav.length) {
                    throw new IllegalArgumentException("the data chunk is cut short");
                }
                long length = Math.round((double) size / format.byteRate());
                if (length > MAX_SECONDS) {
                    throw new IllegalArgumentException("a recording lasts at most " + MAX_SECONDS + " s, not " + length);
                }
                return new Recording(wav.clone(), (int) length);
            }
            // Chunks are padded to an even size (RIFF).
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IllegalArgumentException("the WAV file has no " + (format == null ? "fmt" : "data") + " chunk");
    }

    /** The WAV file; a copy, the recording stays as it was saved. */
    public byte[] bytes() {
        return wav.clone();
    }

    public int size() {
        return wav.length;
    }

    public int seconds() {
        return seconds;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Recording that && Arrays.equals(wav, that.wav);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wav);
    }

    @Override
    public String toString() {
        return "Recording[" + seconds + " s, " + wav.length + " bytes]";
    }

    private static String tag(ByteBuffer in, int at) {
        byte[] four = new byte[4];
        in.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }

    private record Format(int byteRate) {

        static Format read(ByteBuffer in, int at, long size) {
            if (size < 16 || at + 16 > in.limit()) {
                throw new IllegalArgumentException("the fmt chunk is too short");
            }
            int code = Short.toUnsignedInt(in.getShort(at));
            int channels = Short.toUnsignedInt(in.getShort(at + 2));
            int sampleRate = in.getInt(at + 4);
            int byteRate = in.getInt(at + 8);
            int bits = Short.toUnsignedInt(in.getShort(at + 14));
            boolean known = code == PCM && (bits == 8 || bits == 16) || (code == A_LAW || code == MU_LAW) && bits == 8;
            if (!known) {
                throw new IllegalArgumentException("format " + code + " at " + bits
                        + " bits: only linear PCM (8 or 16 bits) and G.711 A-law or µ-law");
            }
            if (channels < 1 || channels > 2 || sampleRate < 8000 || sampleRate > 48000) {
                throw new IllegalArgumentException("mono or stereo at 8 to 48 kHz, not " + channels + " channel(s) at "
                        + sampleRate + " Hz");
            }
            if (byteRate != sampleRate * channels * bits / 8) {
                throw new IllegalArgumentException("the byte rate " + byteRate + " does not match "
                        + sampleRate + " Hz × " + channels + " × " + bits + " bits");
            }
            return new Format(byteRate);
        }
    }
}
