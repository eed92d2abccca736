package io.gridpbx.core.limits;

/**
 * One counter of concurrent calls, and how many it allows.
 *
 * @param key           what it counts: {@code user:200@office.example}, {@code client:office.example},
 *                      {@code reseller:example}, {@code gateway:gw-1}
 * @param max           the calls it allows at once
 * @param refusalStatus what a call over it gets: 486 for a user's own limit (it is busy), 403 otherwise
 * @param reason        the reason phrase that names the limit
 */
public record CallLimit(String key, int max, int refusalStatus, String reason) {

    public CallLimit {
        if (max < 0) {
            throw new IllegalArgumentException("a call limit is at least 0");
        }
    }

    public static CallLimit ofUser(String addressOfRecord, int max) {
        return new CallLimit("user:" + addressOfRecord, max, 486, "User Call Limit Reached");
    }

    public static CallLimit ofClient(String domain, int max) {
        return new CallLimit(clientKey(domain), max, 403, "Client Call Limit Reached");
    }

    public static CallLimit ofReseller(String realm, int max) {
        return new CallLimit(resellerKey(realm), max, 403, "Reseller Call Limit Reached");
    }

    /** A gateway's concurrent calls, all clients together: over it, a call goes to the route's next gateway. */
    public static CallLimit ofGateway(String gatewayId, int max) {
        return new CallLimit(gatewayKey(gatewayId), max, 503, "Gateway Call Limit Reached");
    }

    /** The key a gateway's calls are counted under. */
    public static String gatewayKey(String gatewayId) {
        return "gateway:" + gatewayId;
    }

    /** The key a client's calls are counted under. */
    public static String clientKey(String domain) {
        return "client:" + domain;
    }

    /** The key a reseller's calls are counted under. */
    public static String resellerKey(String realm) {
        return "reseller:" + realm;
    }
}
