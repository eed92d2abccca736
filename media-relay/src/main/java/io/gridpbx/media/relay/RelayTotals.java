package io.gridpbx.media.relay;

import java.util.Map;

/**
 * The relay's figures for metrics.
 *
 * @param sessions       sessions open
 * @param portsInUse     UDP ports bound by open sessions
 * @param portCapacity   legs the port range can hold at once
 * @param packetsRelayed datagrams forwarded since start
 * @param bytesRelayed   their octets
 * @param drops          datagrams dropped since start, by reason
 */
public record RelayTotals(int sessions, int portsInUse, int portCapacity, long packetsRelayed, long bytesRelayed,
                          Map<DropReason, Long> drops) {

    public RelayTotals {
        drops = Map.copyOf(drops);
    }

    /** Datagrams dropped for one reason. */
    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
