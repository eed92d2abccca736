package io.gridpbx.core.media;

/**
 * The relay's ICE username fragment and password for one leg, RFC 8839 section 5.4. They come from
 * the caller (they are random, and must stay the same on re-offers until an ICE restart).
 */
public record IceCredentials(String ufrag, String pwd) {

    public IceCredentials {
        // RFC 8839 section 5.4: ice-char = ALPHA / DIGIT / "+" / "/"; ufrag 4 to 256, pwd 22 to 256.
        if (!ufrag.matches("[A-Za-z0-9+/]{4,256}") || !pwd.matches("[A-Za-z0-9+/]{22,256}")) {
            throw new IllegalArgumentException("ICE ufrag is 4-256 and pwd 22-256 ice-chars (RFC 8839 section 5.4)");
        }
    }
}
