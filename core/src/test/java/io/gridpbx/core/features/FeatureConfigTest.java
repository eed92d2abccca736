package io.gridpbx.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each level keeps its own configuration objects, checked field by field. */
class FeatureConfigTest {

    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");
    private static final Scope ACME = Scope.client("acme.demo.gridpbx.test");
    private static final Scope PLATFORM = Scope.platform("gridpbx.test");

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final FeatureConfig config = new FeatureConfig(new InMemoryConfigStore(), directory);

    FeatureConfigTest() {
        DemoTenants.create(new TenantProvisioning(directory));
    }

    @Test
    void aClientKeepsARingGroupOfItsOwnExtensions() {
        ConfigObject group = config.create(OFFICE, ConfigKind.RING_GROUP, Map.of("name", "Sales", "number", "600",
                "strategy", "sequential", "members", "201, 202 203", "ringSeconds", "20"));
        assertThat(group.values()).containsEntry("members", "201,202,203").containsEntry("strategy", "sequential");
        assertThat(config.list(OFFICE, ConfigKind.RING_GROUP)).extracting(ConfigObject::label).containsExactly("Sales");
        assertThat(config.list(ACME, ConfigKind.RING_GROUP)).isEmpty();
        assertThatThrownBy(() -> config.get(ACME, ConfigKind.RING_GROUP, group.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyBadFieldIsListedAndNothingIsSaved() {
        assertThatThrownBy(() -> config.create(OFFICE, ConfigKind.RING_GROUP, Map.of("name", "", "number", "6x",
                "strategy", "loudest", "members", "201, 300", "ringSeconds", "1", "colour", "red")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "number", "strategy", "members", "ringSeconds", "colour"));
        assertThat(config.list(OFFICE, ConfigKind.RING_GROUP)).isEmpty();
    }

    @Test
    void aKindOfAnotherLevelIsForbidden() {
        assertThatThrownBy(() -> config.list(OFFICE, ConfigKind.BILLING_PROFILE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> config.list(Scope.reseller("demo.gridpbx.test"), ConfigKind.CONFERENCE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void settingsAreOnePerOwner() {
        Scope alice = Scope.user(new AddressOfRecord("202", "office.demo.gridpbx.test"));
        assertThat(config.single(alice, ConfigKind.FOLLOW_ME).values()).isEmpty();
        config.update(alice, ConfigKind.FOLLOW_ME, "ignored", Map.of("enabled", "true", "number", "+15145550100",
                "delaySeconds", "15", "pressOneToAccept", "true"));
        config.update(alice, ConfigKind.FOLLOW_ME, "ignored", Map.of("enabled", "false", "number", "+15145550100",
                "delaySeconds", "10", "pressOneToAccept", "false"));
        assertThat(config.single(alice, ConfigKind.FOLLOW_ME).values()).containsEntry("delaySeconds", "10")
                .containsEntry("enabled", "false");
        assertThat(config.list(alice, ConfigKind.FOLLOW_ME)).hasSize(1);
    }

    @Test
    void aResellersBrandingReachesItsClientsAndUsersButNotAnotherResellers() {
        Scope demo = Scope.reseller("demo.gridpbx.test");
        config.update(demo, ConfigKind.RESELLER_SETTINGS, "x", Map.of("brandName", "Demo Telecom",
                "logoUrl", "https://demo.example/logo.png", "defaultLanguage", "fr"));
        assertThat(config.brandingFor(OFFICE)).get().extracting(FeatureConfig.Branding::brandName).isEqualTo("Demo Telecom");
        assertThat(config.brandingFor(Scope.user(new AddressOfRecord("202", "office.demo.gridpbx.test"))))
                .get().extracting(FeatureConfig.Branding::logoUrl).isEqualTo("https://demo.example/logo.png");
        assertThat(config.brandingFor(Scope.client("shop.other.gridpbx.test"))).isEmpty();
        assertThat(config.brandingFor(Scope.platform("gridpbx.test"))).isEmpty();
    }

    @Test
    void aPortedNumberWithNowhereToGo_isRefusedOnItsRoutingNumber() {
        assertThatThrownBy(() -> config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "15145550100",
                "routingNumber", " ", "gateway", "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("routingNumber", "ported.route-missing")));
        assertThat(config.list(PLATFORM, ConfigKind.PORTED_NUMBER)).isEmpty();

        config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "15145550100", "gateway", "carrier-b"));
        config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "15145550101", "routingNumber", "15149990000"));
        assertThat(config.list(PLATFORM, ConfigKind.PORTED_NUMBER)).hasSize(2);
    }

    @Test
    void aPortedNumberAndItsRoutingNumber_areE164() {
        assertThatThrownBy(() -> config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "0145551234",
                "routingNumber", "1514*", "gateway", "carrier-b")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactlyInAnyOrder(tuple("number", "e164.invalid"), tuple("routingNumber", "e164.invalid")));
        assertThatThrownBy(() -> config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "151455",
                "gateway", "carrier-b"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aNumberIsPortedOnce_onThePlatform() {
        ConfigObject first = config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "15145550100",
                "gateway", "carrier-b"));

        assertThatThrownBy(() -> config.create(PLATFORM, ConfigKind.PORTED_NUMBER, Map.of("number", "15145550100",
                "routingNumber", "15149990000")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("number", "ported.number-taken")));
        config.update(PLATFORM, ConfigKind.PORTED_NUMBER, first.id(), Map.of("number", "15145550100",
                "routingNumber", "15149990000"));
        assertThat(config.list(PLATFORM, ConfigKind.PORTED_NUMBER)).singleElement()
                .satisfies(o -> assertThat(o.values()).containsEntry("routingNumber", "15149990000"));
    }

    @Test
    void kindsHaveStablePaths() {
        assertThat(ConfigKind.RING_GROUP.path()).isEqualTo("ring-groups");
        assertThat(ConfigKind.PLATFORM_SETTINGS.path()).isEqualTo("platform-settings");
        assertThat(ConfigKind.FOLLOW_ME.path()).isEqualTo("follow-me");
        assertThat(ConfigKind.byPath("ivr-menus")).contains(ConfigKind.IVR_MENU);
    }
}
