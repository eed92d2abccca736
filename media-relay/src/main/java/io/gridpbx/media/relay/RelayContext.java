package io.gridpbx.media.relay;

import java.time.Clock;

/** What every session of one relay shares: its configuration, its clocks and its counters. */
record RelayContext(MediaRelayConfig config, Clock clock, Ticker ticker, RelayCounters counters) {

    SourceLatch newLatch() {
        return new SourceLatch(config.latchMode(), config.latchWindow(), ticker);
    }
}
