package io.gridpbx.media.ng;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed parts of ng replies: {@code result} is {@code ok}, {@code pong} or {@code error}. */
final class NgReplies {

    private NgReplies() {
    }

    /** A mutable reply dictionary holding {@code result: ok}, for the command to add to. */
    static Map<String, Object> ok() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("result", "ok");
        return reply;
    }

    static Map<String, Object> pong() {
        return Map.of("result", "pong");
    }

    static Map<String, Object> error(String reason) {
        return Map.of("result", "error", "error-reason", reason);
    }
}
