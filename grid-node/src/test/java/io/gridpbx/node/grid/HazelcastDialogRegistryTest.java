package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.HazelcastTestSupport;
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
import io.gridpbx.core.limits.Admission;
import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.Reseller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Dialogs as the in-dialog check reads them on any member: with both parties' targets, refreshed by an
 * entry processor on the dialog's owner, and still there after the owner crashed. Their records: rated
 * and charged when they end; written once, as {@code DIALOG_TIMEOUT}, with their slots given back, when
 * no BYE came before their dialog expired. Each member has one registry, as a node has.
 */
@Timeout(120)
class HazelcastDialogRegistryTest {

    private static final String RESELLER = "north.gridpbx.test";
    private static final String CLIENT = "office.north.gridpbx.test";
    private static final AddressOfRecord CALLER = new AddressOfRecord("200", CLIENT);
    private static final AddressOfRecord LONDON = new AddressOfRecord("9011442079460000", CLIENT);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(3);
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
    private final BillingIndex billingConfig = new BillingIndex();
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final Map<HazelcastInstance, HazelcastDialogRegistry> registries = new HashMap<>();
    private HazelcastInstance first;
    private HazelcastInstance second;
    private HazelcastInstance third;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(config());
        second = factory.newHazelcastInstance(config());
        third = factory.newHazelcastInstance(config());
        HazelcastTestSupport.assertClusterSizeEventually(3, first, second, third);
        // Every member watches the expiries of the dialogs it owns, from its start, as every node does.
        List.of(first, second, third).forEach(this::registry);
        directory.saveReseller(new Reseller(RESELLER, "North", "gridpbx.test", null, new BigDecimal("15"), 0, "en"));
        billingConfig.put(billing(ConfigKind.BILLING_PROFILE, "standard", Map.of("name", "Standard",
                "incrementSeconds", "60", "minimumSeconds", "0", "connectionFee", "0")));
        billingConfig.put(billing(ConfigKind.RATE, "uk", Map.of("description", "United Kingdom",
                "billingProfile", "Standard", "prefix", "44", "pricePerMinute", "0.012")));
        billingConfig.put(billing(ConfigKind.CLIENT_BILLING, "office", Map.of("client", CLIENT,
                "billingProfile", "Standard", "mode", "prepaid", "creditLimit", "0")));
    }

    @AfterEach
    void stopMembers() {
        registries.values().forEach(HazelcastDialogRegistry::close);
        factory.terminateAll();
    }

    @Test
    void targetsWrittenOnOneMember_refreshedOnAnother_areReadOnAThird_andSurviveTheOwnersCrash() {
        String callId = callIdWhoseDialogIsOwnedBy(first);
        DialogId id = new DialogId(callId, "caller-tag", "callee-tag");
        Dialog dialog = new Dialog(id, new AddressOfRecord("200", "office.test"), new AddressOfRecord("201", "office.test"),
                1_000, "n1", new DialogTarget("sip:200@10.0.0.1:5062", List.of()),
                new DialogTarget("sip:201@10.0.0.2", List.of("sip:sbc.example;lr")));
        registry(second).started(dialog);
        assertTrueEventually(() -> assertThat(Stages.await(registry(third).find(id))).contains(dialog));

        // The callee's re-INVITE (its tag first in the key's other order) moves both ends.
        registry(third).targetRefreshed(new DialogId(callId, "callee-tag", "caller-tag"), "callee-tag",
                "sip:201@10.0.0.7", "sip:200@10.0.0.8:5062");
        Dialog refreshed = dialog.refreshed("callee-tag", "sip:201@10.0.0.7", "sip:200@10.0.0.8:5062");
        assertTrueEventually(() -> assertThat(Stages.await(registry(second).find(id))).contains(refreshed));

        first.getLifecycleService().terminate();
        HazelcastTestSupport.assertClusterSizeEventually(2, second, third);
        assertThat(Stages.await(registry(third).find(id))).contains(refreshed);
    }

    @Test
    void aRefreshOfADialogThatIsGone_createsNothing() {
        DialogId id = new DialogId("gone", "a", "b");
        registry(first).targetRefreshed(id, "a", "sip:x@10.0.0.1", "sip:y@10.0.0.2");
        registry(first).started(new Dialog(new DialogId("marker", "a", "b"), new AddressOfRecord("200", "office.test"),
                new AddressOfRecord("201", "office.test"), 0, "n1"));

        assertTrueEventually(() -> assertThat(Stages.await(registry(second).find(new DialogId("marker", "a", "b")))).isPresent());
        assertThat(Stages.await(registry(second).find(id))).isEmpty();
    }

    @Test
    void theDialogsANodeSetUp_areCountedClusterWide_byTheNodeThatSetThemUp() {
        for (int i = 0; i < 3; i++) {
            registry(first).started(new Dialog(new DialogId("n1-call-" + i, "a", "b"), new AddressOfRecord("200", "office.test"),
                    new AddressOfRecord("201", "office.test"), 0, "10.0.0.1:5060"));
        }
        registry(second).started(new Dialog(new DialogId("n2-call", "a", "b"), new AddressOfRecord("200", "office.test"),
                new AddressOfRecord("201", "office.test"), 0, "10.0.0.2:5060"));

        assertTrueEventually(() -> assertThat(registry(third).activeSetUpBy("10.0.0.1:5060")).isEqualTo(3));
        assertThat(registry(third).activeSetUpBy("10.0.0.2:5060")).isEqualTo(1);
        assertThat(registry(third).activeSetUpBy("10.0.0.3:5060")).isZero();
        registry(second).ended(new DialogId("n1-call-0", "a", "b"));
        assertTrueEventually(() -> assertThat(registry(first).activeSetUpBy("10.0.0.1:5060")).isEqualTo(2));
    }

    @Test
    void anEndedOutboundCall_isRecordedRated_andChargesItsClient_andItsResellerLessTheDiscount() {
        DialogId id = new DialogId("uk-call", "caller-tag", "carrier-tag");
        // Answered 90 s before its BYE: two minutes of 60 s steps at 0.012 a minute.
        registry(first).started(outbound(id, clock.millis() - 90_000, 0));
        assertTrueEventually(() -> assertThat(Stages.await(registry(third).find(id))).isPresent());

        registry(second).ended(id);

        assertTrueEventually(() -> assertThat(cdrs).singleElement().satisfies(cdr -> {
            assertThat(cdr.disposition()).isEqualTo(Cdr.ANSWERED);
            assertThat(cdr.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(cdr.charge()).isEqualTo(new Charge(24_000, 20_400, "44"));
        }));
        assertTrueEventually(() -> {
            assertThat(Stages.await(balances(third).balance(CLIENT))).isEqualTo(-24_000L);
            assertThat(Stages.await(balances(third).balance(RESELLER))).isEqualTo(-20_400L);
        });
    }

    @Test
    void anUnansweredCall_isRecordedAsItCame_andChargesNothing() {
        CallFacts facts = new CallFacts(Direction.OUTBOUND, LONDON.user(), "442079460000", "gw-a", clock.millis(),
                CLIENT, List.of(CdrLeg.gateway("gw-a", 486, "Busy Here")));
        Cdr busy = Cdr.unanswered("busy-call", CLIENT, CALLER, LONDON, clock.millis() + 4_000, "n1", 486, facts);

        registry(first).unanswered(busy);

        assertThat(cdrs).containsExactly(busy);
        assertThat(Stages.await(balances(second).balance(CLIENT))).isZero();
    }

    @Test
    void aDialogPastItsEndAndGrace_expiresIntoOneTimedOutRecord_rated_andItsSlotsComeBack() {
        DialogId id = new DialogId("cut-off-call", "caller-tag", "carrier-tag");
        CallLimit limit = CallLimit.ofClient(CLIENT, 5);
        assertThat(Stages.await(slots(first).admit(id.callId(), List.of(limit), "n1"))).isEqualTo(Admission.ADMITTED);
        // Answered a minute ago; the platform was to end it 31 s ago, past the grace: it expires at once.
        registry(second).started(outbound(id, clock.millis() - 60_000,
                clock.millis() - HazelcastDialogRegistry.GRACE.toMillis() - 1_000));
        // A dialog that expires later on, the sign that the expiries before it were all handled.
        DialogId later = new DialogId("later-call", "a", "b");
        registry(third).started(new Dialog(later, CALLER, new AddressOfRecord("201", CLIENT), clock.millis(), "n1")
                .withFacts(CallFacts.internal(clock.millis(), CLIENT),
                        clock.millis() - HazelcastDialogRegistry.GRACE.toMillis() + 2_000));

        assertTrueEventually(() -> assertThat(cdrs).extracting(Cdr::callId).contains(later.callId()));
        assertThat(cdrs).filteredOn(cdr -> cdr.callId().equals(id.callId())).singleElement().satisfies(cdr -> {
            assertThat(cdr.disposition()).isEqualTo(HazelcastDialogRegistry.DIALOG_TIMEOUT);
            assertThat(cdr.endedAtMillis()).as("when its funds ran out")
                    .isEqualTo(clock.millis() - HazelcastDialogRegistry.GRACE.toMillis() - 1_000);
            assertThat(cdr.charge()).isEqualTo(new Charge(12_000, 10_200, "44"));
        });
        assertTrueEventually(() -> assertThat(slots(third).counts(List.of(limit.key()))).containsEntry(limit.key(), 0));
        assertTrueEventually(() -> assertThat(Stages.await(balances(first).balance(CLIENT))).isEqualTo(-12_000L));
    }

    @Test
    void aDialogRefreshedBeforeItsEnd_stillExpires_andItsLateByeWritesNothing() {
        DialogId id = new DialogId("refreshed-call", "caller-tag", "carrier-tag");
        registry(first).started(outbound(id, clock.millis() - 10_000,
                clock.millis() - HazelcastDialogRegistry.GRACE.toMillis() + 1_500));
        registry(second).targetRefreshed(id, "caller-tag", "sip:200@10.0.0.9:5062", "sip:carrier@192.0.2.7");

        assertTrueEventually(() -> assertThat(cdrs).extracting(Cdr::disposition)
                .containsExactly(HazelcastDialogRegistry.DIALOG_TIMEOUT));

        registry(third).ended(id);
        DialogId marker = new DialogId("marker-call", "a", "b");
        registry(third).started(new Dialog(marker, CALLER, new AddressOfRecord("201", CLIENT), clock.millis(), "n1"));
        assertTrueEventually(() -> assertThat(Stages.await(registry(first).find(marker))).isPresent());
        registry(third).ended(marker);
        assertTrueEventually(() -> assertThat(cdrs).extracting(Cdr::callId).contains(marker.callId()));
        assertThat(cdrs).extracting(Cdr::callId).containsOnlyOnce(id.callId());
    }

    @Test
    void theTimeToLive_isTheSetEndPlusGrace_orTheLongestCall_andNeverForEver() {
        HazelcastDialogRegistry registry = registry(first);
        long now = clock.millis();

        assertThat(registry.timeToLive(outbound(new DialogId("a", "b", "c"), now, now + 60_000), now))
                .isEqualTo(90_000);
        assertThat(registry.timeToLive(outbound(new DialogId("a", "b", "c"), now, 0), now))
                .isEqualTo(Duration.ofHours(4).toMillis());
        assertThat(registry.timeToLive(outbound(new DialogId("a", "b", "c"), now, now - 3_600_000), now))
                .as("0 would keep it for ever").isEqualTo(1);
    }

    /**
     * A paid call's set end is where its funds run out, days away for a well-funded client: its dialog
     * expired only then, so a call whose node died was charged for all its funds, and the longest call
     * allowed bounded the unpaid calls alone.
     */
    @Test
    void aPaidCallWhoseFundsOutlastTheLongestCall_expiresAfterTheLongestCall_notWhenItsFundsRunOut() {
        long now = clock.millis();
        Dialog wellFunded = outbound(new DialogId("a", "b", "c"), now, now + Duration.ofDays(3).toMillis());

        assertThat(registry(first).timeToLive(wellFunded, now)).isEqualTo(Duration.ofHours(4).toMillis());
    }

    private Dialog outbound(DialogId id, long answeredAt, long endsAt) {
        CallFacts facts = new CallFacts(Direction.OUTBOUND, LONDON.user(), "442079460000", "gw-b", answeredAt - 5_000,
                CLIENT, List.of(CdrLeg.gateway("gw-b", 200, "OK")));
        return new Dialog(id, CALLER, LONDON, answeredAt, "n1", new DialogTarget("sip:200@10.0.0.1:5062", List.of()),
                new DialogTarget("sip:442079460000@192.0.2.7", List.of()), facts, endsAt);
    }

    /** The dialog's key (Call-ID and both tags) decides its partition: try Call-IDs until the member owns it. */
    private static String callIdWhoseDialogIsOwnedBy(HazelcastInstance member) {
        for (int i = 0; ; i++) {
            String callId = "call-" + i;
            String key = new DialogId(callId, "caller-tag", "callee-tag").key();
            if (member.getPartitionService().getPartition(key).getOwner().localMember()) {
                return callId;
            }
        }
    }

    private HazelcastDialogRegistry registry(HazelcastInstance member) {
        return registries.computeIfAbsent(member, m -> new HazelcastDialogRegistry(m, cdrStore,
                new CallBilling(billingConfig, balances(m), directory), slots(m), m.getName(), clock,
                new GridDeadline(Duration.ofSeconds(10)), Duration.ofHours(4)));
    }

    private static HazelcastBalances balances(HazelcastInstance member) {
        return new HazelcastBalances(member, new HazelcastAuditLog(member), Clock.systemUTC(),
                new SplittableRandom(), new GridDeadline(Duration.ofSeconds(10)));
    }

    private static HazelcastCallSlots slots(HazelcastInstance member) {
        return new HazelcastCallSlots(member, Clock.systemUTC(), new GridDeadline(Duration.ofSeconds(10)));
    }

    private static ConfigObject billing(ConfigKind kind, String id, Map<String, String> values) {
        return new ConfigObject(kind, id, Scope.reseller(RESELLER), values);
    }

    /** The production configuration, with expired entries looked for every second instead of five. */
    private static Config config() {
        Config config = GridMemberConfig.grid("dialog-registry-test");
        config.setProperty("hazelcast.internal.map.expiration.task.period.seconds", "1");
        return config;
    }
}
