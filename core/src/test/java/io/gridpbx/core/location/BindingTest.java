package io.gridpbx.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
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

    @Test
    void aBindingIsAValue_itsPartsComeBackAsGiven_andEqualPartsMakeEqualBindings() {
        Binding one = new Binding("sip:200@192.0.2.10:5060;ob", 1_000_000, 500, "c\u00e9ll-1@phone", 7,
                "tls:192.0.2.10:41234", "node-a:5060", "baresip", 42);
        Binding same = new Binding("sip:200@192.0.2.10:5060;ob", 1_000_000, 500, "c\u00e9ll-1@phone", 7,
                "tls:192.0.2.10:41234", "node-a:5060", "baresip", 42);

        assertThat(one.contactUri()).isEqualTo("sip:200@192.0.2.10:5060;ob");
        assertThat(one.callId()).isEqualTo("c\u00e9ll-1@phone");
        assertThat(one.source()).isEqualTo("tls:192.0.2.10:41234");
        assertThat(one.cseq()).isEqualTo(7);
        assertThat(one.qMillis()).isEqualTo(500);
        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(new Binding("sip:201@192.0.2.10:5060;ob", 1_000_000, 500, "c\u00e9ll-1@phone", 7,
                "tls:192.0.2.10:41234", "node-a:5060", "baresip", 42));
        assertThat(one).isNotEqualTo(new Binding("sip:200@192.0.2.10:5060;ob", 1_000_000, 500, "c\u00e9ll-1@phone", 8,
                "tls:192.0.2.10:41234", "node-a:5060", "baresip", 42));
    }

    private static Binding binding(String nodeId, @Nullable String userAgent) {
        return new Binding("sip:200@192.0.2.10:5060", 1_000_000, Binding.DEFAULT_Q, "call-" + System.nanoTime(), 1,
                "udp:192.0.2.10:5060", nodeId, userAgent, 0);
    }
}
