package io.gridpbx.core.presence.body;

import org.jspecify.annotations.Nullable;

/** Reads the unsigned counters the documents carry (versions), refusing what is not one. */
final class Numbers {

    private Numbers() {
    }

    static long unsigned(@Nullable String text, String kind, String what) throws BodyException {
        // At most 18 digits: always fits a long, and no schema here counts higher (xs:unsignedInt/Long).
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw BodyException.malformed(kind, "no valid " + what);
        }
        return Long.parseLong(text);
    }
}
