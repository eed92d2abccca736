package io.gridpbx.node.grid;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where this member binds and whom it joins.
 *
 * @param name    the cluster name: members with another name never join
 * @param host    the address the member binds and announces
 * @param port    its port (no auto-increment: a port in use is an error, not a surprise)
 * @param members host:port of the peers to join over TCP/IP; empty means alone
 * @param kubernetesServiceDns a headless Service whose A records are the members (Hazelcast's
 *                Kubernetes discovery, DNS lookup mode); when set, it replaces {@code members}
 */
public record ClusterSettings(String name, String host, int port, List<String> members,
        @Nullable String kubernetesServiceDns) {

    public ClusterSettings(String name, String host, int port, List<String> members) {
        this(name, host, port, members, null);
    }

    public ClusterSettings {
        members = List.copyOf(members);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("cluster port must be between 1 and 65535");
        }
    }
}
