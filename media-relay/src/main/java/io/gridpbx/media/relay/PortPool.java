package io.gridpbx.media.relay;

/**
 * The bookkeeping of the relay's port range, in slots of an even RTP port and the odd RTCP port
 * beside it (RFC 3550 §11). A leg with rtcp-mux takes a whole slot but binds only the even port: RTP
 * stays on an even port and pairs never fragment.
 *
 * <p>Slots are handed out round-robin from where the last one was taken, so a freed port rests as
 * long as possible before it is reused and late packets of an ended call do not reach a new one.
 * Thread-safe: sessions on every event loop share the pool; each call holds the lock for a scan of
 * an array, never while binding.
 */
final class PortPool {

    private final PortRange range;
    private final int firstEven;
    private final byte[] widths;
    private int cursor;
    private int portsInUse;

    PortPool(PortRange range) {
        this.range = range;
        this.firstEven = range.first() + (range.first() & 1);
        int slots = (range.last() - firstEven + 1) / 2;
        if (slots < 1) {
            throw new IllegalArgumentException("port range " + range + " holds no even/odd pair");
        }
        this.widths = new byte[slots];
    }

    /**
     * Reserves a free slot.
     *
     * @param width 2 for an RTP/RTCP pair, 1 for a muxed port
     * @return the slot's even port, or -1 when every slot is taken
     */
    synchronized int reserve(int width) {
        if (width != 1 && width != 2) {
            throw new IllegalArgumentException("width " + width);
        }
        for (int i = 0; i < widths.length; i++) {
            int slot = (cursor + i) % widths.length;
            if (widths[slot] == 0) {
                widths[slot] = (byte) width;
                portsInUse += width;
                cursor = (slot + 1) % widths.length;
                return firstEven + 2 * slot;
            }
        }
        return -1;
    }

    /** Frees the slot of an even port that {@link #reserve} returned; freeing a free slot does nothing. */
    synchronized void release(int port) {
        int slot = (port - firstEven) / 2;
        if (port < firstEven || (port & 1) != 0 || slot >= widths.length) {
            throw new IllegalArgumentException("port " + port + " is no slot of " + range);
        }
        portsInUse -= widths[slot];
        widths[slot] = 0;
    }

    /** How many slots the range holds: the most legs that can be open at once. */
    int capacity() {
        return widths.length;
    }

    synchronized int portsInUse() {
        return portsInUse;
    }

    PortRange range() {
        return range;
    }
}
