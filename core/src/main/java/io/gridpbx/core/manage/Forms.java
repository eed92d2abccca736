package io.gridpbx.core.manage;

import org.jspecify.annotations.Nullable;

/** What every form needs from a typed text: trimmed, and empty when absent. */
public final class Forms {

    private Forms() {
    }

    public static String text(@Nullable String typed) {
        return typed == null ? "" : typed.trim();
    }
}
