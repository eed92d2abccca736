package io.gridpbx.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.drain.CountingSipServer;
import io.gridpbx.node.drain.NodeDrain;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Who may drain a node over HTTP: its own machine, or a caller with the operator token; nobody else. */
class DrainControllerTest {

    private final CountingSipServer sip = new CountingSipServer();

    @Test
    void aRemoteCallerWithoutTheOperatorToken_isRefused_andNothingDrains() {
        DrainController controller = controller("op-token");
        assertThat(controller.start(from("203.0.113.5"), null, null).getStatusCode().value()).isEqualTo(403);
        assertThat(controller.start(from("203.0.113.5"), "Bearer wrong", null).getStatusCode().value()).isEqualTo(403);
        assertThat(controller.start(from("203.0.113.5"), "Bearer op-token", "-5").getStatusCode().value()).isEqualTo(400);
        assertThat(sip.drains()).isZero();
    }

    @Test
    void withoutAConfiguredToken_onlyTheNodesOwnMachineMayDrain() {
        DrainController controller = controller(null);
        assertThat(controller.start(from("198.51.100.1"), "Bearer ", null).getStatusCode().value()).isEqualTo(403);
        assertThat(controller.start(from("127.0.0.1"), null, "soon").getStatusCode().value()).isEqualTo(400);
        assertThat(controller.start(from("127.0.0.1"), null, "30").getStatusCode().value()).isEqualTo(202);
        assertThat(sip.drains()).isEqualTo(1);
    }

    @Test
    void theOperatorToken_drainsFromAnywhere() {
        var answer = controller("op-token").start(from("203.0.113.5"), "Bearer op-token", null);
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getBody()).containsEntry("draining", true);
        assertThat(sip.drains()).isEqualTo(1);
    }

    private DrainController controller(@Nullable String token) {
        Map<String, String> props = new HashMap<>();
        if (token != null) {
            props.put("gridpbx.api.operator-token", token);
        }
        NodeProperties properties = new Binder(new MapConfigurationPropertySource(props))
                .bindOrCreate("gridpbx", Bindable.of(NodeProperties.class));
        NodeDrain drain = new NodeDrain(sip, () -> { }, Mockito.mock(DialogRegistry.class), "10.0.0.1:5060",
                Clock.systemUTC(), () -> { });
        return new DrainController(drain, properties);
    }

    private static MockHttpServletRequest from(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/node/drain");
        request.setRemoteAddr(peer);
        return request;
    }
}
