package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.billing.BillingIndex;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.Reseller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression: a paid call whose node died, its client's funds good for days, was charged for all of them.
 * Its dialog expired only 30 s past the end its funds set (the longest call allowed bounded unpaid calls
 * alone), and its record ended when the member's sweep of expired entries saw the expiry (a few
 * partitions every 5 s: up to a minute or more late), the wait charged too. Found by
 * {@code ExactlyOnceCdrClusterTest}: with the longest call at 45 s, its calls left up did not time out.
 */
@Timeout(60)
class DialogTimeoutOfAWellFundedCallTest {

    private static final String RESELLER = "north.gridpbx.test";
    private static final String CLIENT = "office.north.gridpbx.test";
    private static final Duration LONGEST_CALL = Duration.ofSeconds(2);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<Cdr> cdrs = new CopyOnWriteArrayList<>();
    private final CdrStore cdrStore = new CdrStore() {
        @Override
        public void record(Cdr cdr) {
            cdrs.add(cdr);
        }

        @Override
        public List<Cdr> within(String domain, long fromMillis, long toMillis) {
            return List.copyOf(cdrs);
        }

        @Override
        public Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis, long toMillis) {
            throw new UnsupportedOperationException("not used by dialogs");
        }
    };

    @AfterEach
    void stopMember() {
        factory.terminateAll();
    }

    @Test
    void aWellFundedCallLeftUp_isRecordedAsLastingTheLongestCall_howeverLateItsExpiryIsSeen() {
        HazelcastInstance member = factory.newHazelcastInstance(config());
        HazelcastBalances balances = new HazelcastBalances(member, new HazelcastAuditLog(member), Clock.systemUTC(),
                new SplittableRandom(), new GridDeadline(Duration.ofSeconds(10)));
        HazelcastDialogRegistry registry = new HazelcastDialogRegistry(member, cdrStore,
                new CallBilling(billing(), balances, directory()), null, "n1", clock,
                new GridDeadline(Duration.ofSeconds(10)), LONGEST_CALL);
        try {
            long answeredAt = clock.millis();
            // Funds for three days; its node died: no BYE will come.
            registry.started(londonCall(answeredAt, answeredAt + Duration.ofDays(3).toMillis()));
            // The member sees the expiry late, as its sweep has it: ten minutes, by the registry's clock.
            clock.advance(Duration.ofMinutes(10));

            assertTrueEventually(() -> assertThat(cdrs).singleElement().satisfies(cdr -> {
                assertThat(cdr.disposition()).isEqualTo(HazelcastDialogRegistry.DIALOG_TIMEOUT);
                assertThat(cdr.endedAtMillis()).isEqualTo(answeredAt + LONGEST_CALL.toMillis());
                assertThat(cdr.charge()).as("2 s at 0.60 a minute; the reseller 15 percent less")
                        .isEqualTo(new Charge(20_000, 17_000, "44"));
            }), 30);
            assertTrueEventually(() -> assertThat(Stages.await(balances.balance(CLIENT))).isEqualTo(-20_000L));
        } finally {
            registry.close();
        }
    }

    private Dialog londonCall(long answeredAt, long endsAt) {
        AddressOfRecord london = new AddressOfRecord("9011442079460000", CLIENT);
        CallFacts facts = new CallFacts(Direction.OUTBOUND, london.user(), "442079460000", "gw-b", answeredAt - 5_000,
                CLIENT, List.of(CdrLeg.gateway("gw-b", 200, "OK")));
        return new Dialog(new DialogId("well-funded", "caller-tag", "carrier-tag"), new AddressOfRecord("200", CLIENT),
                london, answeredAt, "n1", new DialogTarget("sip:200@10.0.0.1:5062", List.of()),
                new DialogTarget("sip:442079460000@192.0.2.7", List.of()), facts, endsAt);
    }

    /** The client prepaid, by the second at 0.60 a minute to the UK. */
    private static BillingIndex billing() {
        BillingIndex billing = new BillingIndex();
        billing.put(billingObject(ConfigKind.BILLING_PROFILE, "by-the-second", Map.of("name", "By the second",
                "incrementSeconds", "1", "minimumSeconds", "0", "connectionFee", "0")));
        billing.put(billingObject(ConfigKind.RATE, "uk", Map.of("description", "United Kingdom",
                "billingProfile", "By the second", "prefix", "44", "pricePerMinute", "0.60")));
        billing.put(billingObject(ConfigKind.CLIENT_BILLING, "office", Map.of("client", CLIENT,
                "billingProfile", "By the second", "mode", "prepaid", "creditLimit", "0")));
        return billing;
    }

    private static ConfigObject billingObject(ConfigKind kind, String id, Map<String, String> values) {
        return new ConfigObject(kind, id, Scope.reseller(RESELLER), values);
    }

    private static InMemoryTenantDirectory directory() {
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        directory.saveReseller(new Reseller(RESELLER, "North", "gridpbx.test", null, new BigDecimal("15"), 0, "en"));
        return directory;
    }

    /** The production configuration, with expired entries looked for every second instead of five. */
    private static Config config() {
        Config config = GridMemberConfig.grid("well-funded-call-test");
        config.setProperty("hazelcast.internal.map.expiration.task.period.seconds", "1");
        return config;
    }
}
