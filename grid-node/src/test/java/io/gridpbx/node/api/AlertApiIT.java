package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alert list over real HTTP: the platform reads it, other levels get 403, an unknown node to forget is 404. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class AlertApiIT {

    @Test
    void thePlatformReadsTheAlerts_otherLevelsAreRefused() {
        ApiClient.Reply all = PLATFORM.get("/api/v1/alerts");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().isArray()).isTrue();
        assertThat(all.json().valueStream().map(a -> a.path("alert").asString())).doesNotContain("node-left");
        assertThat(PLATFORM.get("/api/v1/alerts?active=true").status()).isEqualTo(200);

        assertThat(DEMO_RESELLER.get("/api/v1/alerts").status()).isEqualTo(403);
        assertThat(DEMO_RESELLER.delete("/api/v1/alerts/nodes/10.9.9.9:5701").status()).isEqualTo(403);
    }

    @Test
    void forgettingANodeThatDidNotLeave_isNotFound() {
        assertThat(PLATFORM.delete("/api/v1/alerts/nodes/10.9.9.9:5701").status()).isEqualTo(404);
    }
}
