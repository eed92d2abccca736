package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's first and last name (the client's list shows them) and the user profile its reseller gives it. */
class UserNamesAndProfilesTest {

    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OTHER = Scope.reseller("other.gridpbx.test");
    private static final String OFFICE_DOMAIN = "office.demo.gridpbx.test";
    private static final Scope OFFICE = Scope.client(OFFICE_DOMAIN);

    private final ManagementFixture f = new ManagementFixture();

    private static UserForm form(String extension, String displayName, String first, String last, String profile) {
        return new UserForm(extension, displayName, "sip-secret-" + extension, null, null, null, null, null, first, last,
                profile);
    }

    private ConfigObject profile(Scope reseller, String name) {
        return f.config.create(reseller, ConfigKind.USER_PROFILE, Map.of("name", name, "maxCalls", "2"));
    }

    @Test
    void namesWithoutADisplayName_becomeTheSipDisplayName() {
        User ann = f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "", " Ann ", "Lee", null));

        assertThat(ann.firstName()).isEqualTo("Ann");
        assertThat(ann.lastName()).isEqualTo("Lee");
        assertThat(ann.displayName()).isEqualTo("Ann Lee");
        assertThat(f.directory.user(ann.addressOfRecord())).hasValue(ann);
    }

    @Test
    void aTypedDisplayName_staysTheSipDisplayName() {
        User ann = f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "Reception", "Ann", "Lee", ""));

        assertThat(ann.displayName()).isEqualTo("Reception");
        assertThat(ann.fullName()).isEqualTo("Ann Lee");
        assertThat(ann.profile()).as("blank is no profile").isNull();
    }

    @Test
    void aLastNameAlone_isEnoughForADisplayName_butNoNameAtAllIsRefused() {
        assertThat(f.users.create(OFFICE, OFFICE_DOMAIN, form("250", null, null, "Lee", null)).displayName())
                .isEqualTo("Lee");
        assertThatThrownBy(() -> f.users.create(OFFICE, OFFICE_DOMAIN, form("251", " ", " ", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("displayName"));
    }

    @Test
    void namesLongerThan100Characters_areRefused_andNothingIsSaved() {
        assertThatThrownBy(() -> f.users.create(OFFICE, OFFICE_DOMAIN,
                form("250", "Ann", "a".repeat(101), "b".repeat(101), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(x -> x.field() + ":" + x.code())
                        .containsExactlyInAnyOrder("firstName:name.length", "lastName:name.length"));
        assertThat(f.directory.user(new AddressOfRecord("250", OFFICE_DOMAIN))).isEmpty();
        User longest = f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "", "a".repeat(100), "b".repeat(100), null));
        assertThat(longest.firstName()).hasSize(100);
        assertThat(longest.displayName()).as("the SIP display name stops at 200 characters").hasSize(200);
    }

    @Test
    void aProfileOfTheUsersReseller_isKept_andItsNameShowsInTheRow() {
        ConfigObject standard = profile(DEMO, "Standard");
        profile(DEMO, "Executive");

        User ann = f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "", "Ann", "Lee", standard.id()));

        assertThat(ann.profile()).isEqualTo(standard.id());
        assertThat(f.users.row(ann).profileName()).isEqualTo("Standard");
        assertThat(f.users.profiles(OFFICE, OFFICE_DOMAIN)).extracting(ProfileChoice::name)
                .containsExactly("Executive", "Standard");
    }

    @Test
    void anUnknownProfile_orAnotherResellersProfile_isRefusedOnItsField() {
        ConfigObject foreign = profile(OTHER, "Other's standard");

        for (String profile : List.of("no-such-profile", foreign.id())) {
            assertThatThrownBy(() -> f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "Ann", null, null, profile)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(x -> x.field() + ":" + x.code()).containsExactly("profile:profile.unknown"));
        }
        assertThat(f.directory.user(new AddressOfRecord("250", OFFICE_DOMAIN))).isEmpty();
    }

    @Test
    void aProfileTheResellerDeletedLater_leavesTheRowWithoutAName() {
        ConfigObject standard = profile(DEMO, "Standard");
        User ann = f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "Ann", null, null, standard.id()));

        f.config.delete(DEMO, ConfigKind.USER_PROFILE, standard.id());

        assertThat(f.users.row(ann).profileName()).isNull();
    }

    @Test
    void anUpdateChangesNamesAndProfile() {
        ConfigObject standard = profile(DEMO, "Standard");
        User ann = f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "", "Ann", "Lee", null));

        User married = f.users.update(OFFICE, ann.addressOfRecord(), form("250", "Ann Lee", "Ann", "Park", standard.id()));

        assertThat(married.lastName()).isEqualTo("Park");
        assertThat(married.displayName()).as("typed, so kept").isEqualTo("Ann Lee");
        assertThat(f.directory.user(ann.addressOfRecord()).orElseThrow().profile()).isEqualTo(standard.id());
    }

    @Test
    void theListFindsUsersByFirstLastAndFullName() {
        f.users.create(OFFICE, OFFICE_DOMAIN, form("250", "Reception", "Zoé", "Marchand", null));

        for (String search : List.of("zoé", "MARCHAND", "zoé march")) {
            assertThat(f.users.list(OFFICE, OFFICE_DOMAIN, search, 0, 10).items())
                    .as(search).extracting(r -> r.user().extension()).containsExactly("250");
        }
    }

    @Test
    void aBulkCreate_checksNamesAndProfilesOfEveryRow() {
        ConfigObject standard = profile(DEMO, "Standard");
        var rows = List.of(form("260", "", "Ann", "Lee", standard.id()), form("261", "", "x".repeat(101), null, null),
                form("262", "", "Cid", null, "nope"));

        assertThat(f.users.check(OFFICE, OFFICE_DOMAIN, rows)).extracting(e -> e.row() + ":" + e.error().field())
                .containsExactlyInAnyOrder("1:firstName", "2:profile");
        assertThat(f.users.createAll(OFFICE, OFFICE_DOMAIN, rows.subList(0, 1))).singleElement()
                .satisfies(u -> assertThat(u.displayName()).isEqualTo("Ann Lee"))
                .satisfies(u -> assertThat(u.profile()).isEqualTo(standard.id()));
    }

    @Test
    void onlyAManagerOfTheClient_listsTheProfilesItsUsersMayHave() {
        profile(DEMO, "Standard");

        assertThat(f.users.profiles(DEMO, OFFICE_DOMAIN)).hasSize(1);
        assertThatThrownBy(() -> f.users.profiles(Scope.user(new AddressOfRecord("202", OFFICE_DOMAIN)), OFFICE_DOMAIN))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.users.profiles(Scope.client("acme.demo.gridpbx.test"), OFFICE_DOMAIN))
                .isInstanceOf(NotFoundException.class);
    }
}
