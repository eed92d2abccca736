package io.gridpbx.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.provisioning.FetchResult;
import io.gridpbx.core.provisioning.PhoneFetch;
import io.gridpbx.core.tenancy.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's side of phone provisioning: the secret a phone is given, and when each phone last fetched. */
class PhoneProvisioningViewsTest extends AdminUiTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("201@" + OFFICE);
    private static final String MAC = "805ec0a1b201";

    @BeforeEach
    void aliceHasADeskPhone() {
        signIn("admin@office.demo.gridpbx.test");
        User u = fixture.directory.user(ALICE).orElseThrow();
        fixture.directory.saveUser(new User(u.extension(), u.domain(), u.authUser(), u.displayName(), u.language(),
                u.callSettings(), u.department(), MAC, u.firstName(), u.lastName(), u.profile()));
    }

    @Test
    void theUserPage_issuesAPhoneSecretShownOnce_thatThePhoneFetchesWith() {
        UserView page = navigate("users/" + ALICE, UserView.class);

        test(page.phoneSecret).click();
        String shown = page.issuedSecret.getText();
        String secret = shown.replaceAll(".*: (\\S+) — .*", "$1");

        assertThat(shown).startsWith("Phone secret (shown once): ");
        assertThat(fixture.phones.fetch(new PhoneFetch(MAC + ".cfg", "192.0.2.1", "Yealink", MAC, secret)))
                .isInstanceOf(FetchResult.Config.class);
    }

    @Test
    void theUsersList_showsWhenEachPhoneLastFetched() {
        fixture.phones.fetch(new PhoneFetch(MAC + ".cfg", "192.0.2.1", "Yealink", "201", "pass201"));

        var grid = test(navigate(UsersView.class).grid);

        assertThat(grid.getCellText(1, grid.getColumnPosition("provisioned"))).contains("2026");
        assertThat(grid.getCellText(2, grid.getColumnPosition("provisioned"))).as("no phone").isEmpty();
    }
}
