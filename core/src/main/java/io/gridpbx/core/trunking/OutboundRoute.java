package io.gridpbx.core.trunking;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where calls to numbers matching {@link #pattern} go: the listed gateways, tried in order. A
 * reseller's routes take precedence over the platform's for its clients; within an owner, the
 * lowest priority value is tried first.
 *
 * @param ownerRealm the platform domain or a reseller's realm
 * @param pattern    a regular expression the whole dialled number (E.164 digits, optional +) must match
 */
public record OutboundRoute(String id, String ownerRealm, String name, String pattern, int priority,
        List<String> gatewayIds) {

    public OutboundRoute {
        gatewayIds = List.copyOf(gatewayIds);
        Pattern.compile(pattern);
    }

    public boolean matches(String dialled) {
        return Pattern.compile(pattern).matcher(dialled).matches();
    }
}
