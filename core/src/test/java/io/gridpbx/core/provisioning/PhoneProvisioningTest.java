package io.gridpbx.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.auth.ChallengeMemory;
import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import io.gridpbx.core.auth.LocalNonceCounts;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.InMemoryConfigStore;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.tenancy.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhoneProvisioningTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("201@" + OFFICE);
    private static final AddressOfRecord BOB = AddressOfRecord.parse("202@" + OFFICE);
    private static final String MAC = "805ec0a1b2c3";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final InMemoryConfigStore configs = new InMemoryConfigStore();
    private final InMemoryAccess audit = new InMemoryAccess();
    private final InMemoryPhoneStore phones = new InMemoryPhoneStore(directory);
    private final SipPasswordSeal seal = new SipPasswordSeal(key(), new SplittableRandom(1));
    private final NonceService nonces = new NonceService(new byte[32], clock, new SplittableRandom(3),
            Duration.ofMinutes(5));
    private final PhoneProvisioning provisioning = new PhoneProvisioning(directory, phones, configs, audit, seal,
            new UnknownMacLimit(3, Duration.ofMinutes(1), clock), Duration.ofMinutes(1),
            new PhoneSecrets(new SplittableRandom(2)), clock, new DigestAuthenticator(directory, nonces,
                    List.of(DigestAlgorithm.MD5), new ChallengeMemory(clock, Duration.ofSeconds(32)),
                    new LocalNonceCounts(clock, Duration.ofMinutes(5), Duration.ofSeconds(32))));
    private String secret = "";

    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        return key;
    }

    @BeforeEach
    void aliceHasAYealinkWatchingTwoColleagues() {
        DemoTenants.create(new TenantProvisioning(directory, seal));
        directory.saveUser(withMac(directory.user(ALICE).orElseThrow(), MAC));
        configs.save(new ConfigObject(ConfigKind.MY_PHONE, ConfigObject.SINGLE_ID, Scope.user(ALICE),
                Map.of("model", "T46U", "blfKeys", "202,203", "timeZone", "Europe/Paris")));
        secret = provisioning.issueSecret(Scope.client(OFFICE), "admin@office", ALICE);
    }

    private static User withMac(User u, String mac) {
        return new User(u.extension(), u.domain(), u.authUser(), u.displayName(), u.language(), u.callSettings(),
                u.department(), mac, u.firstName(), u.lastName(), u.profile());
    }

    private FetchResult fetch(String file, String user, String password) {
        return provisioning.fetch(new PhoneFetch(file, "192.0.2.7", "Yealink SIP-T46U 66.86.0.15", user, password));
    }

    @Test
    void aPhoneWithItsSecret_getsItsUsersAccountAndBlfKeys() {
        FetchResult result = fetch(MAC + ".cfg", MAC, secret);

        assertThat(result).isInstanceOf(FetchResult.Config.class);
        PhoneConfig config = ((FetchResult.Config) result).config();
        assertThat(config.vendor()).isEqualTo(PhoneVendor.YEALINK);
        assertThat(config.account()).isEqualTo("201");
        assertThat(config.password()).isEqualTo("pass201");
        assertThat(config.sipServer()).isEqualTo(OFFICE);
        assertThat(config.timeZone()).isEqualTo("Europe/Paris");
        assertThat(config.blfKeys()).extracting(BlfKey::extension).containsExactly("202", "203");
        assertThat(config.blfKeys().getFirst().uri()).isEqualTo("sip:202@" + OFFICE);
    }

    @Test
    void theSipCredentials_alsoOpenThePhonesFile() {
        assertThat(fetch(MAC + ".cfg", "201", "pass201")).isInstanceOf(FetchResult.Config.class);
        assertThat(fetch(MAC + ".cfg", "201", "wrong")).isInstanceOf(FetchResult.Unauthorized.class);
    }

    private static DigestResponse digest(String user, String password, String nonce, String nc) {
        DigestResponse unsigned = new DigestResponse(user, OFFICE, nonce, "/prov/" + MAC + ".cfg", "", "MD5", "auth",
                nc, "c0ffee");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1(user, OFFICE, password), "GET", unsigned);
        return new DigestResponse(user, OFFICE, nonce, unsigned.uri(), response, "MD5", "auth", nc, "c0ffee");
    }

    private FetchResult fetchWithDigest(DigestResponse answer) {
        return provisioning.fetch(new PhoneFetch(MAC + ".cfg", "192.0.2.7", "Yealink", null, null, answer));
    }

    @Test
    void httpDigestWithTheSipCredentials_answersTheChallenge_andAReplayIsRefused() {
        FetchResult challenged = fetch(MAC + ".cfg", null, null);
        assertThat(challenged).isInstanceOf(FetchResult.Unauthorized.class);
        var challenge = ((FetchResult.Unauthorized) challenged).digest().getFirst();
        assertThat(challenge.realm()).isEqualTo(OFFICE);

        FetchResult served = fetchWithDigest(digest("201", "pass201", challenge.nonce(), "00000001"));
        FetchResult replayed = fetchWithDigest(digest("201", "pass201", challenge.nonce(), "00000001"));
        FetchResult wrong = fetchWithDigest(digest("201", "nope", challenge.nonce(), "00000002"));
        FetchResult colleague = fetchWithDigest(digest("202", "pass202", challenge.nonce(), "00000001"));

        assertThat(served).isInstanceOfSatisfying(FetchResult.Config.class,
                c -> assertThat(c.config().account()).isEqualTo("201"));
        assertThat(replayed).isInstanceOf(FetchResult.Unauthorized.class);
        assertThat(wrong).isInstanceOf(FetchResult.Unauthorized.class);
        assertThat(colleague).as("another user's right credentials").isInstanceOf(FetchResult.Unauthorized.class);
    }

    @Test
    void aWrongOrMissingSecret_isUnauthorized_andNotAudited() {
        assertThat(fetch(MAC + ".cfg", MAC, "wrong")).isInstanceOf(FetchResult.Unauthorized.class);
        assertThat(fetch(MAC + ".cfg", null, null)).isInstanceOf(FetchResult.Unauthorized.class);
        assertThat(audit.auditEntries()).extracting(e -> e.action()).doesNotContain("provision");
    }

    @Test
    void aServedFetch_isAudited_andStampsLastProvisioned_withoutThePassword() {
        fetch(MAC + ".cfg", MAC, secret);

        assertThat(phones.phone(MAC).orElseThrow().lastProvisioned()).isEqualTo(clock.instant());
        assertThat(phones.phone(MAC).orElseThrow().lastUser()).isEqualTo(ALICE.toString());
        assertThat(audit.auditEntries()).filteredOn(e -> e.action().equals("provision")).singleElement()
                .satisfies(e -> assertThat(e.subject()).contains(MAC + ".cfg").doesNotContain("pass201", secret));
    }

    @Test
    void aPhoneMovedToAnotherUser_getsTheNewAccountOnItsNextFetch() {
        directory.saveUser(withMac(directory.user(ALICE).orElseThrow(), null));
        directory.saveUser(withMac(directory.user(BOB).orElseThrow(), MAC));

        PhoneConfig config = ((FetchResult.Config) fetch(MAC + ".cfg", MAC, secret)).config();

        assertThat(config.account()).isEqualTo("202");
        assertThat(config.blfKeys()).as("Bob has no BLF list").isEmpty();
    }

    @Test
    void anUnknownMac_isNotFound_thenTooMany() {
        assertThat(fetch("001122334455.cfg", null, null)).isInstanceOf(FetchResult.NotFound.class);
        assertThat(fetch("no-such-file", null, null)).isInstanceOf(FetchResult.NotFound.class);
        assertThat(fetch("001122334456.cfg", null, null)).isInstanceOf(FetchResult.NotFound.class);

        assertThat(fetch(MAC + ".cfg", MAC, secret)).as("even a known phone, from that source")
                .isInstanceOf(FetchResult.TooMany.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(fetch(MAC + ".cfg", MAC, secret)).isInstanceOf(FetchResult.Config.class);
    }

    @Test
    void wrongPasswords_countTowardsTheLimit_butAFetchWithoutCredentialsDoesNot() {
        for (int i = 0; i < 5; i++) {
            assertThat(fetch(MAC + ".cfg", null, null)).isInstanceOf(FetchResult.Unauthorized.class);
        }
        fetch(MAC + ".cfg", "201", "guess-1");
        fetch(MAC + ".cfg", "201", "guess-2");
        fetch(MAC + ".cfg", "201", "guess-3");

        assertThat(fetch(MAC + ".cfg", "201", "pass201")).isInstanceOf(FetchResult.TooMany.class);
    }

    @Test
    void aPasswordSetBeforeSealing_givesAConfigWithoutPassword() {
        TenantProvisioning unsealed = new TenantProvisioning(directory);
        unsealed.createUser(OFFICE, "299", "old-pass", "Old Timer");
        directory.saveUser(withMac(directory.user(AddressOfRecord.parse("299@" + OFFICE)).orElseThrow(),
                "0004f2000299"));

        PhoneConfig config = ((FetchResult.Config) fetch("0004f2000299-phone.cfg", "299", "old-pass")).config();

        assertThat(config.password()).isNull();
        assertThat(config.variables()).doesNotContainKey("password").containsEntry("hasPassword", false);
        assertThat(config.vendor()).isEqualTo(PhoneVendor.POLYCOM);
    }

    @Test
    void aSharedFileName_followsTheResellersTemplateForTheModel() {
        configs.save(new ConfigObject(ConfigKind.PROVISIONING_TEMPLATE, "vvx", Scope.reseller("demo.gridpbx.test"),
                Map.of("name", "VVX", "vendor", "polycom", "model", "T46U", "template", "acct={{account}}")));

        FetchResult.Config result = (FetchResult.Config) fetch(MAC + ".cfg", MAC, secret);

        assertThat(result.config().vendor()).isEqualTo(PhoneVendor.POLYCOM);
        assertThat(result.template()).isEqualTo("acct={{account}}");
    }

    @Test
    void aSecretIsIssuedOnlyWithinTheActorsSubtree() {
        assertThatThrownBy(() -> provisioning.issueSecret(Scope.client("acme.demo.gridpbx.test"), "x", ALICE))
                .isInstanceOf(NotFoundException.class);
        String fresh = provisioning.issueSecret(Scope.user(ALICE), "alice", ALICE);

        assertThat(fetch(MAC + ".cfg", MAC, secret)).as("the old secret").isInstanceOf(FetchResult.Unauthorized.class);
        assertThat(fetch(MAC + ".cfg", MAC, fresh)).isInstanceOf(FetchResult.Config.class);
    }

    @Test
    void theUsersList_showsLastProvisioned_andWarnsOfAMissingPassword() {
        new TenantProvisioning(directory).createUser(OFFICE, "299", "old-pass", "Old Timer");
        AddressOfRecord old = AddressOfRecord.parse("299@" + OFFICE);
        directory.saveUser(withMac(directory.user(old).orElseThrow(), "0004f2000299"));
        fetch(MAC + ".cfg", MAC, secret);

        var statuses = provisioning.statuses(Scope.client(OFFICE), directory.usersOf(OFFICE));

        assertThat(statuses).containsOnlyKeys(ALICE, old);
        assertThat(statuses.get(ALICE)).isEqualTo(new PhoneProvisioning.PhoneStatus(clock.instant(), false));
        assertThat(statuses.get(old)).isEqualTo(new PhoneProvisioning.PhoneStatus(null, true));
        assertThat(provisioning.statuses(Scope.client("acme.demo.gridpbx.test"), directory.usersOf(OFFICE))).isEmpty();
    }
}
