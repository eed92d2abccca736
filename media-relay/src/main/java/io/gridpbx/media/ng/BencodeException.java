package io.gridpbx.media.ng;

/** Input that is not bencode, or bencode beyond the decoder's bounds; the message says where and why. */
public final class BencodeException extends Exception {

    private static final long serialVersionUID = 1L;

    BencodeException(String message) {
        super(message);
    }
}
