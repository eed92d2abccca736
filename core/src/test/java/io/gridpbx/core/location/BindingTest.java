package io.gridpbx.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindingTest {

    @Test
    void bindingsShareOneCopyOfTheirNodeAndUserAgent_eachComingWithItsOwnString() {
        Binding first = binding(new String("node-a:5060"), new String("Yealink SIP-T46U 108.86.0.20"));
        Binding second = binding(new String("node-a:5060"), new String("Yealink SIP-T46U 108.86.0.20"));

        assertThat(first.nodeId()).isSameAs(second.nodeId());
        assertThat(first.userAgent()).isSameAs(second.userAgent());
        assertThat(binding("node-a:5060", null).userAgent()).isNull();
    }

    private static Binding binding(String nodeId, String userAgent) {
        return new Binding("sip:200@192.0.2.10:5060", 1_000_000, Binding.DEFAULT_Q, "call-" + System.nanoTime(), 1,
                "udp:192.0.2.10:5060", nodeId, userAgent, 0);
    }
}
