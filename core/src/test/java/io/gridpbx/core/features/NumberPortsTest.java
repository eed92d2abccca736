package io.gridpbx.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reseller files a port request; the platform sees every reseller's and decides. */
class NumberPortsTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryAccess access = new InMemoryAccess();
    private final FeatureConfig config = new FeatureConfig(store, directory);
    private final NumberPorts ports = new NumberPorts(store, access, new MutableClock(Instant.parse("2026-11-26T10:00:00Z")));

    NumberPortsTest() {
        DemoTenants.create(new TenantProvisioning(directory));
    }

    private ConfigObject file(Scope reseller, String number, String status) {
        return config.create(reseller, ConfigKind.NUMBER_PORT, Map.of("number", number, "losingCarrier", "Old Telco",
                "status", status));
    }

    @Test
    void thePlatformSeesSubmittedRequestsOfEveryResellerAndDecides() {
        ConfigObject submitted = file(DEMO, "15145550999", "submitted");
        file(DEMO, "15145550998", "draft");
        file(Scope.reseller("other.gridpbx.test"), "14165550100", "submitted");

        assertThat(ports.queue(PLATFORM)).extracting(o -> o.values().get("number"))
                .containsExactly("15145550999", "14165550100");
        ConfigObject accepted = ports.decide(PLATFORM, "demo.gridpbx.test", submitted.id(), "accepted", "admin@gridpbx.test");

        assertThat(config.get(DEMO, ConfigKind.NUMBER_PORT, submitted.id()).values()).containsEntry("status", "accepted");
        assertThat(accepted.values()).containsEntry("losingCarrier", "Old Telco");
        assertThat(access.auditEntries()).extracting(e -> e.action() + " " + e.subject())
                .contains("number-port-accepted demo.gridpbx.test/15145550999");
    }

    @Test
    void aResellerCannotDecideItsOwnRequest() {
        assertThatThrownBy(() -> file(DEMO, "15145550997", "completed")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("status"));
        ConfigObject mine = file(DEMO, "15145550996", "submitted");
        assertThatThrownBy(() -> ports.queue(DEMO)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ports.decide(DEMO, "demo.gridpbx.test", mine.id(), "completed", "x"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void draftsAndUnknownRequestsAreNotFound() {
        ConfigObject draft = file(DEMO, "15145550995", "draft");
        assertThatThrownBy(() -> ports.decide(PLATFORM, "demo.gridpbx.test", draft.id(), "accepted", "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ports.decide(PLATFORM, "other.gridpbx.test", draft.id(), "accepted", "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ports.decide(PLATFORM, "not a realm", "x", "accepted", "x"))
                .isInstanceOf(NotFoundException.class);
        ConfigObject submitted = file(DEMO, "15145550994", "submitted");
        assertThatThrownBy(() -> ports.decide(PLATFORM, "demo.gridpbx.test", submitted.id(), "draft", "x"))
                .isInstanceOf(ValidationException.class);
    }
}
