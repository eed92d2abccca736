package io.gridpbx.media.relay;

/** No port (or RTP/RTCP pair) of the relay's range could be bound: all are in use, here or by another process. */
public final class PortPoolExhaustedException extends RuntimeException {

    PortPoolExhaustedException(String message) {
        super(message);
    }
}
