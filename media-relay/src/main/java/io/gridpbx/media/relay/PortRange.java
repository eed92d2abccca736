package io.gridpbx.media.relay;

/** An inclusive range of UDP ports for the relay, written "30000-40000" in configuration. */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /** Parses "first-last". */
    public static PortRange parse(String range) {
        int dash = range.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("a port range reads first-last: " + range);
        }
        try {
            return new PortRange(Integer.parseInt(range.substring(0, dash).strip()),
                    Integer.parseInt(range.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a port range reads first-last: " + range, e);
        }
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
