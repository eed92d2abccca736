package io.gridpbx.media.relay;

import io.gridpbx.media.rtp.RtpHeader;
import java.time.Duration;

/**
 * How a node relays media.
 *
 * @param bindHost        the local address the relay's sockets bind to ("0.0.0.0" for all)
 * @param advertisedHost  the address peers send to, as written into SDP; differs from the bind
 *                        address on a node behind 1:1 NAT, and may not be a wildcard
 * @param ports           the UDP ports the relay may bind
 * @param latchWindow     how long after an offer, answer or relatch a leg may learn its source
 * @param latchMode       which sources a leg accepts
 * @param maxDatagramSize the longest datagram relayed; longer ones are dropped
 * @param ioThreads       event loops; each session lives on one of them
 * @param nativeTransport use epoll where it is available (NIO otherwise, or when false)
 */
public record MediaRelayConfig(String bindHost, String advertisedHost, PortRange ports, Duration latchWindow,
                               LatchMode latchMode, int maxDatagramSize, int ioThreads, boolean nativeTransport) {

    /** Three seconds cover a slow answer's first packets and still close before a hijacker guesses the port. */
    public static final Duration DEFAULT_LATCH_WINDOW = Duration.ofSeconds(3);

    /** An Ethernet MTU: RTP is never fragmented on purpose, and larger datagrams are not voice. */
    public static final int DEFAULT_MAX_DATAGRAM_SIZE = 1500;

    public MediaRelayConfig {
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost is blank");
        }
        if (advertisedHost.isBlank() || isWildcard(advertisedHost)) {
            throw new IllegalArgumentException("advertisedHost must be an address peers can reach: " + advertisedHost);
        }
        if (latchWindow.isNegative()) {
            throw new IllegalArgumentException("negative latch window: " + latchWindow);
        }
        if (maxDatagramSize < RtpHeader.FIXED_LENGTH || maxDatagramSize > 65507) {
            throw new IllegalArgumentException("maxDatagramSize out of 12..65507: " + maxDatagramSize);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads < 1: " + ioThreads);
        }
    }

    /** The defaults: a 3 s learning window, 1500-octet datagrams, one event loop per core, epoll where possible. */
    public static MediaRelayConfig of(String bindHost, String advertisedHost, String portRange) {
        return new MediaRelayConfig(bindHost, advertisedHost, PortRange.parse(portRange), DEFAULT_LATCH_WINDOW,
                LatchMode.LEARN, DEFAULT_MAX_DATAGRAM_SIZE, Runtime.getRuntime().availableProcessors(), true);
    }

    public MediaRelayConfig withLatchWindow(Duration window) {
        return new MediaRelayConfig(bindHost, advertisedHost, ports, window, latchMode, maxDatagramSize, ioThreads,
                nativeTransport);
    }

    public MediaRelayConfig withLatchMode(LatchMode mode) {
        return new MediaRelayConfig(bindHost, advertisedHost, ports, latchWindow, mode, maxDatagramSize, ioThreads,
                nativeTransport);
    }

    public MediaRelayConfig withMaxDatagramSize(int size) {
        return new MediaRelayConfig(bindHost, advertisedHost, ports, latchWindow, latchMode, size, ioThreads,
                nativeTransport);
    }

    public MediaRelayConfig withIoThreads(int threads) {
        return new MediaRelayConfig(bindHost, advertisedHost, ports, latchWindow, latchMode, maxDatagramSize, threads,
                nativeTransport);
    }

    public MediaRelayConfig withNativeTransport(boolean enabled) {
        return new MediaRelayConfig(bindHost, advertisedHost, ports, latchWindow, latchMode, maxDatagramSize, ioThreads,
                enabled);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
