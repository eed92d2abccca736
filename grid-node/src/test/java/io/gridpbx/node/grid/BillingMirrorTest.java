package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.billing.BillingAccount;
import io.gridpbx.core.billing.BillingMode;
import io.gridpbx.core.billing.BillingView;
import io.gridpbx.core.billing.Rate;
import io.gridpbx.core.billing.Tariff;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The billing mirror on two real (in-JVM) members: what the first member saves or deletes of a
 * reseller's billing configuration reaches the second member's view, and what was saved before the
 * mirror started is read at start.
 */
@Timeout(120)
class BillingMirrorTest {

    private static final String RESELLER = "north.gridpbx.test";
    private static final String CLIENT = "office.north.gridpbx.test";

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastConfigStore config;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("billing-mirror-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("billing-mirror-test"));
        assertClusterSizeEventually(2, first, second);
        config = new HazelcastConfigStore(first);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void aProfileItsRateAndAClientsBilling_savedBeforeTheStart_areRead_andLaterChangesFollow() {
        config.save(object(ConfigKind.BILLING_PROFILE, "standard", Map.of("name", "Standard", "incrementSeconds", "6",
                "minimumSeconds", "30", "connectionFee", "0.05")));
        config.save(object(ConfigKind.RATE, "uk", Map.of("description", "United Kingdom", "billingProfile", "Standard",
                "prefix", "44", "pricePerMinute", "0.036")));

        try (BillingMirror mirror = BillingMirror.start(second)) {
            BillingView view = mirror.view();
            assertThat(view.tariff(RESELLER, "Standard")).contains(new Tariff("Standard", 6, 30, 50_000,
                    java.util.List.of(new Rate("44", "United Kingdom", 36_000))));

            ConfigObject office = object(ConfigKind.CLIENT_BILLING, "office", Map.of("client", CLIENT,
                    "billingProfile", "Standard", "mode", "postpaid", "creditLimit", "100"));
            config.save(office);
            assertTrueEventually(() -> assertThat(view.account(CLIENT)).contains(new BillingAccount(CLIENT, RESELLER,
                    "Standard", BillingMode.POSTPAID, 100_000_000)), 10);

            config.save(object(ConfigKind.RATE, "uk", Map.of("description", "United Kingdom", "billingProfile",
                    "Standard", "prefix", "44", "pricePerMinute", "0.030")));
            assertTrueEventually(() -> assertThat(view.tariff(RESELLER, "Standard").orElseThrow().rateFor("442079460000"))
                    .contains(new Rate("44", "United Kingdom", 30_000)), 10);

            config.delete(office.key());
            assertTrueEventually(() -> assertThat(view.account(CLIENT)).as("no longer billed").isEmpty(), 10);
        }
    }

    private static ConfigObject object(ConfigKind kind, String id, Map<String, String> values) {
        return new ConfigObject(kind, id, Scope.reseller(RESELLER), values);
    }
}
