package io.gridpbx.node;

import org.springframework.stereotype.Component;

/** This node's name in the cluster: its SIP address, unique among peers. */
@Component
public class NodeIdentity {

    private final String nodeId;
    private final String advertisedHost;

    NodeIdentity(NodeProperties properties) {
        NodeProperties.Sip sip = properties.sip();
        this.advertisedHost = sip.advertisedHost() != null ? sip.advertisedHost() : sip.host();
        this.nodeId = advertisedHost + ":" + sip.port();
    }

    public String nodeId() {
        return nodeId;
    }

    public String advertisedHost() {
        return advertisedHost;
    }
}
