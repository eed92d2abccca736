package io.gridpbx.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cap of concurrent calls names a tenant of its owner's that exists, as the call path counts it, and
 * is that tenant's only cap; the admin sees the calls the grid counts against it now.
 */
class CallCapsTest {

    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OTHER = Scope.reseller("other.gridpbx.test");
    private static final Scope PLATFORM = Scope.platform("gridpbx.test");

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final List<List<String>> asked = new ArrayList<>();
    private final FeatureConfig config = new FeatureConfig(new InMemoryConfigStore(), directory, keys -> {
        asked.add(keys);
        return Map.of("client:office.demo.gridpbx.test", 3, "reseller:demo.gridpbx.test", 7);
    });

    CallCapsTest() {
        DemoTenants.create(new TenantProvisioning(directory));
    }

    @Test
    void aClientCap_isSavedAsTheCallPathCountsIt_lowerCaseAndWhole() {
        ConfigObject office = config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", " Office.Demo.GridPBX.test ", "maxCalls", "10"));
        ConfigObject acme = config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "acme", "maxCalls", "4"));

        assertThat(office.values()).containsEntry("client", "office.demo.gridpbx.test");
        assertThat(acme.values()).as("a bare label is one of the reseller's")
                .containsEntry("client", "acme.demo.gridpbx.test");
    }

    @Test
    void aResellerCapsOnlyItsOwnClients_thatExist() {
        for (String client : List.of("shop.other.gridpbx.test", "nowhere.demo.gridpbx.test", "demo.gridpbx.test",
                "desk.office.demo.gridpbx.test", "not a domain")) {
            assertThatThrownBy(() -> config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                    Map.of("client", client, "maxCalls", "10")))
                    .as(client).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::code)
                            .containsExactly(tuple("client", "call-limit.client-unknown")));
        }
        assertThat(config.list(DEMO, ConfigKind.CLIENT_CALL_LIMIT)).isEmpty();
        assertThat(config.create(OTHER, ConfigKind.CLIENT_CALL_LIMIT, Map.of("client", "shop.other.gridpbx.test",
                "maxCalls", "10")).values()).containsEntry("client", "shop.other.gridpbx.test");
    }

    @Test
    void eachBadFieldOfACap_hasItsOwnError() {
        assertThatThrownBy(() -> config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "shop.other.gridpbx.test", "maxCalls", "0")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                                tuple("client", "call-limit.client-unknown"), tuple("maxCalls", "integer.range")));
    }

    @Test
    void aClientIsCappedOnce_whateverCaseTheSecondCapIsWrittenIn() {
        ConfigObject first = config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "office.demo.gridpbx.test", "maxCalls", "10"));

        assertThatThrownBy(() -> config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "OFFICE.demo.gridpbx.test", "maxCalls", "5")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("client", "call-limit.client-taken")));
        config.update(DEMO, ConfigKind.CLIENT_CALL_LIMIT, first.id(),
                Map.of("client", "office.demo.gridpbx.test", "maxCalls", "5"));
        assertThat(config.list(DEMO, ConfigKind.CLIENT_CALL_LIMIT)).singleElement()
                .satisfies(cap -> assertThat(cap.values()).containsEntry("maxCalls", "5"));

        ConfigObject acme = config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "acme.demo.gridpbx.test", "maxCalls", "4"));
        assertThatThrownBy(() -> config.update(DEMO, ConfigKind.CLIENT_CALL_LIMIT, acme.id(),
                Map.of("client", "office.demo.gridpbx.test", "maxCalls", "4")))
                .as("nor by moving another cap onto it").isInstanceOf(ValidationException.class);
    }

    @Test
    void thePlatformCapsAnExistingResellerOnce() {
        assertThatThrownBy(() -> config.create(PLATFORM, ConfigKind.RESELLER_CALL_LIMIT,
                Map.of("reseller", "nowhere.gridpbx.test", "maxCalls", "100")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("reseller", "call-limit.reseller-unknown")));
        ConfigObject demo = config.create(PLATFORM, ConfigKind.RESELLER_CALL_LIMIT,
                Map.of("reseller", " DEMO.gridpbx.test", "maxCalls", "100"));
        assertThat(demo.values()).containsEntry("reseller", "demo.gridpbx.test");

        assertThatThrownBy(() -> config.create(PLATFORM, ConfigKind.RESELLER_CALL_LIMIT,
                Map.of("reseller", "demo", "maxCalls", "50")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("reseller", "call-limit.reseller-taken")));
    }

    @Test
    void theCallsNow_areAskedOnceForAList_andGivenByCap() {
        ConfigObject office = config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "office.demo.gridpbx.test", "maxCalls", "10"));
        ConfigObject acme = config.create(DEMO, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "acme.demo.gridpbx.test", "maxCalls", "4"));
        ConfigObject shop = config.create(OTHER, ConfigKind.CLIENT_CALL_LIMIT,
                Map.of("client", "shop.other.gridpbx.test", "maxCalls", "4"));
        asked.clear();

        Map<String, Integer> now = config.callsNow(DEMO, List.of(office, acme, shop));

        assertThat(now).as("acme's count is unknown; shop is another reseller's").containsExactly(
                Map.entry(office.id(), 3));
        assertThat(asked).containsExactly(List.of("client:office.demo.gridpbx.test", "client:acme.demo.gridpbx.test"));
        ConfigObject demo = config.create(PLATFORM, ConfigKind.RESELLER_CALL_LIMIT,
                Map.of("reseller", "demo.gridpbx.test", "maxCalls", "100"));
        assertThat(config.callsNow(PLATFORM, List.of(demo))).containsExactly(Map.entry(demo.id(), 7));
    }

    @Test
    void otherKinds_askTheGridNothing() {
        ConfigObject profile = config.create(DEMO, ConfigKind.USER_PROFILE, Map.of("name", "Basic", "maxCalls", "2"));
        assertThat(config.callsNow(DEMO, List.of(profile))).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(new FeatureConfig(new InMemoryConfigStore(), directory).callsNow(DEMO,
                config.list(DEMO, ConfigKind.CLIENT_CALL_LIMIT))).as("no grid, no counts").isEmpty();
    }

    @Test
    void aCapIsCountedUnderTheKeyOfTheLimitTheCallPathTakes() {
        ConfigObject client = new ConfigObject(ConfigKind.CLIENT_CALL_LIMIT, "c", DEMO,
                Map.of("client", "office.demo.gridpbx.test", "maxCalls", "10"));
        ConfigObject reseller = new ConfigObject(ConfigKind.RESELLER_CALL_LIMIT, "r", PLATFORM,
                Map.of("reseller", "demo.gridpbx.test", "maxCalls", "10"));

        assertThat(CallCaps.countKey(client)).contains(CallLimit.ofClient("office.demo.gridpbx.test", 10).key());
        assertThat(CallCaps.countKey(reseller)).contains(CallLimit.ofReseller("demo.gridpbx.test", 10).key());
        assertThat(ConfigKind.CLIENT_CALL_LIMIT.capsCalls()).isTrue();
        assertThat(ConfigKind.USER_PROFILE.capsCalls()).isFalse();
    }
}
