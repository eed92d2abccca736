package io.gridpbx.media.relay;

/** A monotonic clock in nanoseconds, injected so that latch windows, jitter and idleness can be tested. */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanos();

    /** The JVM's monotonic clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
