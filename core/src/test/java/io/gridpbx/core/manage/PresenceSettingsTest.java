package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.features.ConfigPresenceRules;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.EventHeader;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.InMemoryCallStates;
import io.gridpbx.core.presence.InMemoryPublications;
import io.gridpbx.core.presence.InMemorySubscriptions;
import io.gridpbx.core.presence.NotifyCoalescer;
import io.gridpbx.core.presence.NotifySender;
import io.gridpbx.core.presence.PresenceRules;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.SubscribeOutcome;
import io.gridpbx.core.presence.SubscribeRequest;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.body.Entry;
import io.gridpbx.core.presence.body.ResourceList;
import io.gridpbx.core.presence.body.ResourceLists;
import io.gridpbx.core.presence.xcap.Auid;
import io.gridpbx.core.presence.xcap.InMemoryXcapStore;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.presence.xcap.XcapOutcome;
import io.gridpbx.core.presence.xcap.XcapPrecondition;
import io.gridpbx.core.presence.xcap.XcapUri;
import io.gridpbx.core.store.Stages;
import io.gridpbx.core.voicemail.Mailbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** A user's presence settings through the service both faces call: scoped, validated, and acted on at once. */
class PresenceSettingsTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = new AddressOfRecord("200", OFFICE);
    private static final AddressOfRecord BOB = new AddressOfRecord("201", OFFICE);
    private static final AddressOfRecord ACME_USER = new AddressOfRecord("300", "acme.demo.gridpbx.test");
    private static final String ME = ALICE.toString();
    private static final Scope USER = Scope.user(ALICE);

    private final ManagementFixture f = new ManagementFixture();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions(f.clock);
    private final ConfigPresenceRules rules = new ConfigPresenceRules(f.configStore);
    private final InMemoryXcapStore xcap = new InMemoryXcapStore();
    private final XcapDocuments documents = new XcapDocuments(xcap, new SplittableRandom(3));
    private final List<String> notified = new ArrayList<>();
    private final PresenceServer server;
    private final PresenceSettings presence;

    PresenceSettingsTest() {
        NotifySender sender = (subscription, state, body) -> {
            notified.add(subscription.watcher() + " " + state);
            return CompletableFuture.completedFuture(NotifySender.Result.DELIVERED);
        };
        server = new PresenceServer(f.directory, subscriptions, new InMemoryPublications(SubscriptionRules.DEFAULT, f.clock),
                new InMemoryCallStates(f.clock), f.bindings,
                user -> CompletableFuture.completedFuture(Mailbox.Count.NONE), sender, SubscriptionRules.DEFAULT,
                new NotifyCoalescer(new ScheduledThreadPoolExecutor(1)), f.clock, new SplittableRandom(5), rules);
        presence = new PresenceSettings(f.users, f.directory, rules, subscriptions, documents, server);
    }

    @Test
    void watchers_listsWhoWatchesNow_withThePackage_notItsOwnDevices() {
        subscribe("c1", BOB, "presence");
        subscribe("c2", BOB, "dialog");
        subscribe("c3", ALICE, "dialog");

        assertThat(presence.watchers(USER, ME)).containsExactly(
                new PresenceSettings.Watching(BOB, EventPackage.PRESENCE),
                new PresenceSettings.Watching(BOB, EventPackage.DIALOG));
    }

    @Test
    void block_isStoredInTheConfiguration_andEndsTheWatchersSubscriptions() {
        subscribe("c1", BOB, "presence");

        PresenceRules saved = presence.block(USER, ME, "201");

        assertThat(saved.blocked()).containsExactly(BOB);
        assertThat(rules.rulesOf(ALICE)).isEqualTo(saved);
        assertThat(notified).containsExactly(BOB + " terminated;reason=rejected");
        assertThat(presence.watchers(USER, ME)).isEmpty();
        assertThat(subscribe("c2", BOB, "presence")).isEqualTo(new SubscribeOutcome.Refused(403, "Watcher Blocked"));

        presence.unblock(USER, ME, "sip:201@" + OFFICE);

        assertThat(presence.rules(USER, ME)).isEqualTo(PresenceRules.NONE);
        assertThat(subscribe("c3", BOB, "presence")).isInstanceOf(SubscribeOutcome.Accepted.class);
    }

    @Test
    void allow_letsAnOutsiderWatch_disallowEndsItsSubscription() {
        presence.allow(USER, ME, "sip:300@acme.demo.gridpbx.test");
        assertThat(subscribe("c1", ACME_USER, "presence")).isInstanceOf(SubscribeOutcome.Accepted.class);

        presence.disallow(USER, ME, "300@acme.demo.gridpbx.test");

        assertThat(notified).containsExactly(ACME_USER + " terminated;reason=rejected");
        assertThat(presence.rules(USER, ME).allowed()).isEmpty();
    }

    @Test
    void badWatchers_areFieldErrors_withStableCodes_andNothingIsSaved() {
        assertThat(codeOf(() -> presence.allow(USER, ME, "not an address"))).isEqualTo("aor.invalid");
        assertThat(codeOf(() -> presence.allow(USER, ME, "300@bad_domain"))).isEqualTo("aor.invalid");
        assertThat(codeOf(() -> presence.allow(USER, ME, "201@" + OFFICE))).isEqualTo("watcher.colleague");
        assertThat(codeOf(() -> presence.block(USER, ME, "299"))).isEqualTo("extension.unknown");
        assertThat(codeOf(() -> presence.block(USER, ME, "200"))).isEqualTo("watcher.self");
        assertThat(codeOf(() -> presence.block(USER, ME, "300@acme.demo.gridpbx.test"))).isEqualTo("watcher.outsider");
        assertThat(f.configStore.all(io.gridpbx.core.features.ConfigKind.PRESENCE_RULES)).isEmpty();
    }

    @Test
    void anotherClientsAdmin_orAColleague_findsNoSuchUser() {
        Scope acmeAdmin = Scope.client("acme.demo.gridpbx.test");
        Scope colleague = Scope.user(BOB);

        assertThatThrownBy(() -> presence.watchers(acmeAdmin, ME)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> presence.block(acmeAdmin, ME, "201")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> presence.saveBlfList(colleague, ME, List.of("202"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> presence.allow(Scope.reseller("other.gridpbx.test"), ME, "300@acme.demo.gridpbx.test"))
                .isInstanceOf(NotFoundException.class);
        assertThat(rules.rulesOf(ALICE)).isEqualTo(PresenceRules.NONE);
    }

    @Test
    void theClientsAdmin_editsTheUsersRulesAndList() {
        Scope officeAdmin = Scope.client(OFFICE);

        presence.block(officeAdmin, ME, "201");
        presence.saveBlfList(officeAdmin, ME, List.of("202"));

        assertThat(presence.rules(USER, ME).blocked()).containsExactly(BOB);
        assertThat(presence.blfList(USER, ME)).extracting(Entry::uri).containsExactly("sip:202@" + OFFICE);
    }

    @Test
    void blfList_isTheUsersXcapResourceList_whatAPhoneFetches() throws Exception {
        List<Entry> saved = presence.saveBlfList(USER, ME, List.of("203", "sip:201@" + OFFICE, " ", "202@" + OFFICE));

        assertThat(saved).extracting(Entry::uri)
                .containsExactly("sip:203@" + OFFICE, "sip:201@" + OFFICE, "sip:202@" + OFFICE);
        XcapOutcome fetched = documents.get(ALICE, new XcapUri(Auid.RESOURCE_LISTS, ALICE, XcapUri.INDEX), XcapPrecondition.NONE);
        assertThat(fetched).isInstanceOf(XcapOutcome.Found.class);
        ResourceLists lists = ResourceLists.parse(((XcapOutcome.Found) fetched).document().bytes());
        assertThat(lists.lists()).singleElement().satisfies(list -> {
            assertThat(list.name()).isEqualTo("blf");
            assertThat(list.entries()).isEqualTo(saved);
        });
        assertThat(presence.blfList(USER, ME)).isEqualTo(saved);
    }

    @Test
    void blfList_keepsThePhonesOtherLists() {
        XcapUri index = new XcapUri(Auid.RESOURCE_LISTS, ALICE, XcapUri.INDEX);
        byte[] phones = new ResourceLists(List.of(new ResourceList("friends", null,
                List.of(new Entry("sip:300@acme.demo.gridpbx.test", null))))).toXml();
        assertThat(documents.put(ALICE, index, Auid.RESOURCE_LISTS.contentType(), phones, XcapPrecondition.NONE))
                .isInstanceOf(XcapOutcome.Stored.class);

        presence.saveBlfList(USER, ME, List.of("201"));

        XcapOutcome.Found found = (XcapOutcome.Found) documents.get(ALICE, index, XcapPrecondition.NONE);
        assertThat(new String(found.document().bytes(), StandardCharsets.UTF_8)).contains("friends", "sip:201@" + OFFICE);
    }

    @Test
    void badBlfKeys_areFieldErrors() {
        assertThat(codeOf(() -> presence.saveBlfList(USER, ME, List.of("201", "299")))).isEqualTo("blf.unknown");
        assertThat(codeOf(() -> presence.saveBlfList(USER, ME, List.of("300@acme.demo.gridpbx.test")))).isEqualTo("blf.unknown");
        assertThat(codeOf(() -> presence.saveBlfList(USER, ME, List.of("201", "sip:201@" + OFFICE)))).isEqualTo("blf.duplicate");
        assertThat(presence.blfList(USER, ME)).isEmpty();
    }

    private SubscribeOutcome subscribe(String callId, AddressOfRecord watcher, String event) {
        return Stages.await(server.subscribe(new SubscribeRequest(callId, "wt", null, EventHeader.parse(event), watcher,
                ALICE, new DialogTarget("sip:" + watcher.user() + "@192.0.2.10:5060", List.of()), null, 600, "node-a")));
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException refused) {
            return refused.errors().getFirst().code();
        }
        throw new AssertionError("not refused");
    }
}
