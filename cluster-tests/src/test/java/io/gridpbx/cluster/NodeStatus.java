package io.gridpbx.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of {@code GET /api/v1/node/status} a cluster test watches.
 *
 * @param clusterSize         members the node sees
 * @param registeredAddresses AORs with bindings in the grid
 * @param activeDialogs       established calls in the grid
 * @param clusterBacklog      writes not yet in the database, cluster-wide (-1 when unknown)
 * @param json                the whole answer, for failure messages
 */
record NodeStatus(int clusterSize, int registeredAddresses, int activeDialogs, long clusterBacklog, String json) {

    static NodeStatus parse(String json) {
        return new NodeStatus(number(json, "clusterSize"), number(json, "registeredAddresses"),
                number(json, "activeDialogs"), number(json, "clusterBacklog"), json);
    }

    /** Another numeric field of the status, by its name (unique in the answer): {@code subscriptions}, {@code notifiesDelivered}. */
    long field(String name) {
        return number(json, name);
    }

    /** The status is flat JSON with numeric fields: a pattern is enough, and keeps JSON libraries out. */
    private static int number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + field + " in node status " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public String toString() {
        return json;
    }
}
