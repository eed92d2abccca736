package io.gridpbx.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.Binding;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

    @Test
    void keepsOneCopyOfEach_andNoMoreThanItsBound() {
        SharedStrings strings = new SharedStrings(1);
        String kept = strings.of(new String("a.example"));

        assertThat(strings.of(new String("a.example"))).isSameAs(kept);
        String other = new String("b.example");
        assertThat(strings.of(other)).as("full: returned as it is").isSameAs(other);
        assertThat(strings.of(new String("b.example"))).isNotSameAs(other);
    }

    @Test
    void bindingsShareTheirNodeIdAndUserAgent() {
        Binding first = binding(new String("10.0.0.1:5060"), new String("Yealink SIP-T46S 66.86.0.15"));
        Binding second = binding(new String("10.0.0.1:5060"), new String("Yealink SIP-T46S 66.86.0.15"));

        assertThat(second.nodeId()).isSameAs(first.nodeId());
        assertThat(second.userAgent()).isSameAs(first.userAgent());
        assertThat(binding("10.0.0.1:5060", null).userAgent()).isNull();
    }

    private static Binding binding(String nodeId, @Nullable String userAgent) {
        return new Binding("sip:200@192.0.2.7:5060", 60_000, Binding.DEFAULT_Q, "call-1", 1, "udp:192.0.2.7:5060",
                nodeId, userAgent, 0);
    }
}
