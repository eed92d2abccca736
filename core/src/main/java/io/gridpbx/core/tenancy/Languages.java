package io.gridpbx.core.tenancy;

import java.util.List;

/** The languages the screens, prompts and messages exist in. */
public final class Languages {

    public static final String DEFAULT = "en";
    public static final List<String> SUPPORTED = List.of("en", "fr");

    private Languages() {
    }

    public static boolean isSupported(String language) {
        return SUPPORTED.contains(language);
    }

    static void require(String language) {
        if (!isSupported(language)) {
            throw new IllegalArgumentException("language must be one of " + SUPPORTED + ": '" + language + "'");
        }
    }
}
