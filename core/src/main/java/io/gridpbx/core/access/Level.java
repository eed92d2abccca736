package io.gridpbx.core.access;

/** The four levels of the hierarchy, from the top. */
public enum Level {
    PLATFORM, RESELLER, CLIENT, USER;

    public boolean isAbove(Level other) {
        return ordinal() < other.ordinal();
    }
}
