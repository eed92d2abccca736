package io.gridpbx.core.manage;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An image shown in the portal (a user's profile picture, a reseller's logo): a PNG or JPEG image of at most {@link #MAX_BYTES}. Its type is read from
 * its first bytes, never taken from what the browser said, so the portal serves nothing but images.
 */
public record Picture(String contentType, byte[] bytes) {

    public static final int MAX_BYTES = 256 * 1024;
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    // The PNG signature (PNG specification, section 5.2) and the JPEG start-of-image marker followed by
    // the first segment's marker prefix (ITU-T T.81, annex B.1.1.2).
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_START = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    public Picture {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a picture is at most " + MAX_BYTES + " bytes, not " + bytes.length);
        }
        if (!typeOf(bytes).map(contentType::equals).orElse(false)) {
            throw new IllegalArgumentException("the bytes are not a " + contentType + " image");
        }
        bytes = bytes.clone();
    }

    /** A picture of these bytes, its type read from them. */
    public static Picture of(byte[] bytes) {
        return new Picture(typeOf(bytes).orElseThrow(() -> new IllegalArgumentException("not a PNG or JPEG image")),
                bytes);
    }

    /**
     * The image in an uploaded file's bytes, whatever the file was called; a {@link ValidationException}
     * on {@code field} when they are larger than {@link #MAX_BYTES} or not a PNG or JPEG image.
     */
    public static Picture checked(byte[] bytes, String field) {
        Errors errors = new Errors();
        errors.check(bytes.length <= MAX_BYTES, field, "picture.too-large", "at most " + MAX_BYTES / 1024 + " KB");
        errors.check(typeOf(bytes).isPresent(), field, "picture.not-image", "a PNG or JPEG image");
        errors.throwIfAny();
        return of(bytes);
    }

    /** {@link #PNG} or {@link #JPEG} by the signature the bytes start with; empty for anything else. */
    public static Optional<String> typeOf(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        return startsWith(bytes, JPEG_START) ? Optional.of(JPEG) : Optional.empty();
    }

    /** A copy: the picture stays as it was saved whatever the caller does with it. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Picture that && contentType.equals(that.contentType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Picture[" + contentType + ", " + bytes.length + " bytes]";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
