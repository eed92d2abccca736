package io.gridpbx.node.web;

import io.gridpbx.core.security.AllowList;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.drain.NodeDrain;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drains this node ({@code ./gridpbx drain} calls it): from the node's own machine, or from anywhere
 * with the operator token. Reading the drain's state is open, like the node status.
 */
@RestController
class DrainController {

    private static final long MAX_DEADLINE_SECONDS = 86_400;

    private final NodeDrain drain;
    private final Duration defaultDeadline;
    private final byte @Nullable [] operatorToken;

    DrainController(NodeDrain drain, NodeProperties properties) {
        this.drain = drain;
        this.defaultDeadline = properties.drain().deadline();
        String token = properties.api().operatorToken();
        this.operatorToken = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/api/v1/node/drain")
    ResponseEntity<Map<String, Object>> start(HttpServletRequest request,
            @RequestHeader(value = "Authorization", required = false) @Nullable String authorization,
            @RequestParam(value = "deadlineSeconds", required = false) @Nullable String deadlineSeconds) {
        if (!AllowList.LOOPBACK.covers(request.getRemoteAddr()) && !carriesOperatorToken(authorization)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
                    "a node is drained from its own machine, or with the operator token"));
        }
        Duration deadline = defaultDeadline;
        if (deadlineSeconds != null) {
            long seconds;
            try {
                seconds = Long.parseLong(deadlineSeconds.strip());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 0 || seconds > MAX_DEADLINE_SECONDS) {
                return ResponseEntity.badRequest().body(Map.of("error",
                        "deadlineSeconds must be a whole number from 0 to " + MAX_DEADLINE_SECONDS + ": '" + deadlineSeconds + "'"));
            }
            deadline = Duration.ofSeconds(seconds);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(drain.start(deadline)));
    }

    @GetMapping("/api/v1/node/drain")
    Map<String, Object> state() {
        return json(drain.state());
    }

    static Map<String, Object> json(NodeDrain.State state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("draining", state.draining());
        if (state.draining()) {
            json.put("startedAt", String.valueOf(state.startedAt()));
            json.put("deadline", String.valueOf(state.deadline()));
            json.put("callsSettingUp", state.callsSettingUp());
            json.put("callsInProgress", state.callsInProgress());
        }
        return json;
    }

    private boolean carriesOperatorToken(@Nullable String authorization) {
        String scheme = "Bearer ";
        return operatorToken != null && authorization != null
                && authorization.regionMatches(true, 0, scheme, 0, scheme.length())
                && MessageDigest.isEqual(operatorToken,
                        authorization.substring(scheme.length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
