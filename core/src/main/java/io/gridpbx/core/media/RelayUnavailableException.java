package io.gridpbx.core.media;

/** The relay cannot take a stream now (its port range is used up, or it is stopping): the call gets a 503. */
public final class RelayUnavailableException extends RuntimeException {

    public RelayUnavailableException(String reason) {
        super(reason);
    }

    public RelayUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
