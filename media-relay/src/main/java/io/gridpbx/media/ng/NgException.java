package io.gridpbx.media.ng;

/**
 * A request that is answered {@code result: error}, with rtpengine's wording of the reason where it has
 * one (the proxies log it, and some match on it).
 */
final class NgException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NgException(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
