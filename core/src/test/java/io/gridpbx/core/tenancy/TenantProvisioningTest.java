package io.gridpbx.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Provisioning of the platform, reseller, client and user hierarchy, with its rules enforced. */
class TenantProvisioningTest {

    private static final String OFFICE = "office.demo.gridpbx.test";

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final TenantProvisioning provisioning = new TenantProvisioning(directory);

    // --- hierarchy ----------------------------------------------------------------------------

    @Test
    void resellerBeforePlatform_isRefused() {
        assertThatThrownBy(() -> provisioning.createReseller("demo.gridpbx.test", "Demo"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class)
                .hasMessageContaining("platform");
    }

    @Test
    void resellerRealm_mustBeOneLabelBelowThePlatformDomain() {
        provisioning.createPlatform("gridpbx.test");

        assertThat(provisioning.createReseller("Demo.GridPBX.test", "Demo").realm()).isEqualTo("demo.gridpbx.test");
        assertThatIllegalArgumentException().isThrownBy(() -> provisioning.createReseller("a.demo.gridpbx.test", "Deep"));
        assertThatIllegalArgumentException().isThrownBy(() -> provisioning.createReseller("demo.example.com", "Foreign"));
        assertThatIllegalArgumentException().isThrownBy(() -> provisioning.createReseller("gridpbx.test", "Platform"));
    }

    @Test
    void resellerWithInvalidLabelOrBlankName_isRefused() {
        provisioning.createPlatform("gridpbx.test");

        assertThatIllegalArgumentException().isThrownBy(() -> provisioning.createReseller("de_mo.gridpbx.test", "Demo"));
        assertThatIllegalArgumentException().isThrownBy(() -> provisioning.createReseller("-demo.gridpbx.test", "Demo"));
        assertThatIllegalArgumentException().isThrownBy(() -> provisioning.createReseller("demo.gridpbx.test", " "));
    }

    @Test
    void client_isCreatedOnlyUnderAnExistingReseller() {
        provisioning.createPlatform("gridpbx.test");

        assertThatThrownBy(() -> provisioning.createClient(OFFICE, "Office", "demo.gridpbx.test"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class)
                .hasMessageContaining("unknown reseller");
        assertThat(directory.client(OFFICE)).isEmpty();
    }

    @Test
    void clientDomain_mustBeOneLabelBelowItsReseller() {
        withReseller();

        Client client = provisioning.createClient("Office.Demo.GridPBX.test", "Office", "DEMO.gridpbx.test");

        assertThat(client.domain()).isEqualTo(OFFICE);
        assertThat(client.resellerRealm()).isEqualTo("demo.gridpbx.test");
        assertThat(client.maxContactsPerUser()).isEqualTo(Client.DEFAULT_MAX_CONTACTS);
        assertThat(directory.client(OFFICE)).contains(client);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provisioning.createClient("a.office.demo.gridpbx.test", "Deep", "demo.gridpbx.test"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provisioning.createClient("office.other.gridpbx.test", "Elsewhere", "demo.gridpbx.test"));
    }

    // --- users --------------------------------------------------------------------------------

    @Test
    void createUserRange_createsConsecutiveUsersWithPasswordPrefixPlusExtension() {
        withOffice();

        int created = provisioning.createUserRange(OFFICE, 200, 3, "pass");

        assertThat(created).isEqualTo(3);
        assertThat(directory.userCount()).isEqualTo(3);
        IntStream.rangeClosed(200, 202).mapToObj(Integer::toString).forEach(extension -> {
            User user = directory.user(new AddressOfRecord(extension, OFFICE)).orElseThrow();
            assertThat(user.authUser()).isEqualTo(extension);
            assertThat(user.displayName()).isEqualTo(extension);
            assertThat(user.callSettings()).isEqualTo(CallSettings.DEFAULTS);
            SipCredentials credentials = directory.credentials(extension, OFFICE).orElseThrow();
            assertThat(credentials.owner()).isEqualTo(user.addressOfRecord());
            assertThat(credentials.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1(extension, OFFICE, "pass" + extension));
            assertThat(credentials.ha1Sha256())
                    .isEqualTo(DigestAlgorithm.SHA_256.ha1(extension, OFFICE, "pass" + extension));
        });
        assertThat(directory.user(new AddressOfRecord("203", OFFICE))).isEmpty();
    }

    @Test
    void createUserRange_refusesUnknownClientAndBadBounds() {
        withOffice();

        assertThatThrownBy(() -> provisioning.createUserRange("nowhere.demo.gridpbx.test", 200, 3, "pass"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class);
        assertThatThrownBy(() -> provisioning.createUserRange(OFFICE, 200, 0, "pass"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class);
        assertThatThrownBy(() -> provisioning.createUserRange(OFFICE, -1, 3, "pass"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class);
        assertThat(directory.userCount()).isZero();
    }

    @Test
    void passwordShorterThanFourCharacters_isRefused() {
        withOffice();

        assertThatThrownBy(() -> provisioning.createUser(OFFICE, "200", "abc", "Alice"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class);
    }

    @Test
    void authUserBelongingToAnotherUser_isRefused() {
        withOffice();
        User alice = new User("alice", OFFICE, "201", "Alice", "en", CallSettings.DEFAULTS);
        directory.saveUser(alice, SipCredentials.fromPassword("201", OFFICE, alice.addressOfRecord(), "secret"));

        assertThatThrownBy(() -> provisioning.createUser(OFFICE, "201", "pass201", "Bob"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class)
                .hasMessageContaining("alice@" + OFFICE);
        assertThatThrownBy(() -> provisioning.createUserRange(OFFICE, 200, 3, "pass"))
                .isInstanceOf(TenantProvisioning.ProvisioningException.class);
        assertThat(directory.user(new AddressOfRecord("200", OFFICE))).isEmpty();
        assertThat(directory.credentials("201", OFFICE).orElseThrow().owner()).isEqualTo(alice.addressOfRecord());
    }

    @Test
    void createUserAgain_replacesItsPassword() {
        withOffice();
        provisioning.createUser(OFFICE, "200", "first-password", "Alice");

        provisioning.createUser(OFFICE, "200", "second-password", "Alice");

        assertThat(directory.credentials("200", OFFICE).orElseThrow().ha1Md5())
                .isEqualTo(DigestAlgorithm.MD5.ha1("200", OFFICE, "second-password"));
    }

    @Test
    void fromPasswordWithMixedCaseRealm_hashesTheLowerCaseRealmItKeeps() {
        // Regression: the HA1 was computed over the realm as given while the realm was stored (and
        // challenged with) in lower case, so a phone answering the challenge could never match.
        SipCredentials credentials = SipCredentials.fromPassword("200", "Office.Demo.GridPBX.test",
                new AddressOfRecord("200", OFFICE), "pass200");

        assertThat(credentials.realm()).isEqualTo(OFFICE);
        assertThat(credentials.key()).isEqualTo("200@" + OFFICE);
        assertThat(credentials.ha1(DigestAlgorithm.MD5)).isEqualTo(DigestAlgorithm.MD5.ha1("200", OFFICE, "pass200"));
        assertThat(credentials.ha1(DigestAlgorithm.SHA_256))
                .isEqualTo(DigestAlgorithm.SHA_256.ha1("200", OFFICE, "pass200"));
    }

    // --- demo data ----------------------------------------------------------------------------

    @Test
    void demoTenants_createTheDocumentedUsers() {
        DemoTenants.create(provisioning);

        assertThat(directory.platform()).contains(new Platform(DemoTenants.PLATFORM_DOMAIN));
        assertThat(directory.client("shop.other.gridpbx.test").orElseThrow().resellerRealm())
                .isEqualTo("other.gridpbx.test");
        assertUsers("office.demo.gridpbx.test", 200, 219);
        assertUsers("acme.demo.gridpbx.test", 300, 309);
        assertUsers("shop.other.gridpbx.test", 400, 404);
        assertThat(directory.userCount()).isEqualTo(20 + 10 + 5);
        assertThat(directory.user(new AddressOfRecord("300", OFFICE))).isEmpty();
    }

    // --- who may register ---------------------------------------------------------------------

    @Test
    void mayRegister_onlyTheOwnAddressOfRecord() {
        DemoTenants.create(provisioning);
        SipCredentials credentials = directory.credentials("200", OFFICE).orElseThrow();

        assertThat(TenancyRules.mayRegister(credentials, new AddressOfRecord("200", OFFICE))).isTrue();
        assertThat(TenancyRules.mayRegister(credentials, new AddressOfRecord("200", "OFFICE.demo.gridpbx.test")))
                .isTrue();
        assertThat(TenancyRules.mayRegister(credentials, new AddressOfRecord("201", OFFICE))).isFalse();
        assertThat(TenancyRules.mayRegister(credentials, new AddressOfRecord("200", "acme.demo.gridpbx.test")))
                .isFalse();
    }

    @Test
    void sameDomain_comparesTheRealmWithTheAddressDomain() {
        DemoTenants.create(provisioning);
        SipCredentials credentials = directory.credentials("200", OFFICE).orElseThrow();

        assertThat(TenancyRules.sameDomain(credentials, new AddressOfRecord("201", OFFICE))).isTrue();
        assertThat(TenancyRules.sameDomain(credentials, new AddressOfRecord("200", "acme.demo.gridpbx.test"))).isFalse();
    }

    private void assertUsers(String domain, int first, int last) {
        for (int extension = first; extension <= last; extension++) {
            String ext = Integer.toString(extension);
            assertThat(directory.user(new AddressOfRecord(ext, domain))).as("user %s@%s", ext, domain).isPresent();
            assertThat(directory.credentials(ext, domain).orElseThrow().ha1Sha256())
                    .isEqualTo(DigestAlgorithm.SHA_256.ha1(ext, domain, "pass" + ext));
        }
        assertThat(directory.user(new AddressOfRecord(Integer.toString(first - 1), domain))).isEmpty();
        assertThat(directory.user(new AddressOfRecord(Integer.toString(last + 1), domain))).isEmpty();
    }

    private void withReseller() {
        provisioning.createPlatform("gridpbx.test");
        provisioning.createReseller("demo.gridpbx.test", "Demo Reseller");
    }

    private void withOffice() {
        withReseller();
        provisioning.createClient(OFFICE, "Office", "demo.gridpbx.test");
    }
}
