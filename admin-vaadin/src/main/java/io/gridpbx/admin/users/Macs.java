package io.gridpbx.admin.users;

import org.jspecify.annotations.Nullable;

/** A stored MAC ({@code 001122aabbcc}) as people read it ({@code 00:11:22:aa:bb:cc}). */
final class Macs {

    private Macs() {
    }

    static String display(@Nullable String mac) {
        if (mac == null || mac.length() != 12) {
            return mac == null ? "" : mac;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            text.append(i == 0 ? "" : ":").append(mac, i, i + 2);
        }
        return text.toString();
    }
}
