package io.gridpbx.admin.security;

import io.gridpbx.core.access.Level;

/** The first screen of each level: the list of what it manages, or a user's portal. */
public final class Homes {

    public static final String SIGN_IN = "login";

    private Homes() {
    }

    public static String of(Level level) {
        return switch (level) {
            case PLATFORM -> "resellers";
            case RESELLER -> "clients";
            case CLIENT -> "users";
            case USER -> "portal";
        };
    }
}
