package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.Client;
import org.junit.jupiter.api.Test;

/** Every level sees and changes its own subtree only; a sibling's objects are "not found". */
class TenantScopingTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OTHER = Scope.reseller("other.gridpbx.test");
    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");
    private static final Scope ACME = Scope.client("acme.demo.gridpbx.test");
    private static final AddressOfRecord ALICE = new AddressOfRecord("202", "office.demo.gridpbx.test");

    private final ManagementFixture f = new ManagementFixture();

    @Test
    void aResellerListsOnlyItsOwnClients() {
        assertThat(f.clients.list(DEMO, null, "", 0, 50).items()).extracting(row -> row.client().domain())
                .containsExactly("acme.demo.gridpbx.test", "office.demo.gridpbx.test");
        assertThat(f.clients.list(OTHER, "demo.gridpbx.test", "", 0, 50).items())
                .as("asking for another reseller's clients gives its own").extracting(row -> row.client().domain())
                .containsExactly("shop.other.gridpbx.test");
        assertThat(f.clients.list(PLATFORM, null, "", 0, 50).total()).isEqualTo(3);
    }

    @Test
    void aResellerCannotReadChangeOrDeleteAnotherResellersClient() {
        ClientForm rename = new ClientForm(null, null, "Stolen", "x@shop.test", "en", "", "10");
        assertThatThrownBy(() -> f.clients.get(OTHER, "office.demo.gridpbx.test")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.clients.update(OTHER, "office.demo.gridpbx.test", rename))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.clients.delete(OTHER, "acme.demo.gridpbx.test")).isInstanceOf(NotFoundException.class);
        assertThat(f.directory.client("office.demo.gridpbx.test")).get().extracting(Client::name).isEqualTo("Office");
    }

    @Test
    void aResellerCannotCreateAClientUnderAnotherReseller() {
        ClientForm form = new ClientForm("intruder.demo.gridpbx.test", "demo.gridpbx.test", "Intruder",
                "boss@intruder.test", "en", "long-enough", null);
        assertThatThrownBy(() -> f.clients.create(OTHER, form)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("domain"));
        assertThat(f.directory.client("intruder.demo.gridpbx.test")).isEmpty();
    }

    @Test
    void aResellerCannotImpersonateAnotherResellersClient() {
        var otherAdmin = f.signIn.authenticate("reseller@other.gridpbx.test", "demo-pass");
        assertThatThrownBy(() -> f.impersonation.connectAs(otherAdmin, OFFICE)).isInstanceOf(NotFoundException.class);
        assertThat(f.access.auditEntries()).noneMatch(e -> e.action().equals("impersonate"));
    }

    @Test
    void aClientCannotSeeAnotherClientsUsers() {
        assertThatThrownBy(() -> f.users.list(ACME, "office.demo.gridpbx.test", "", 0, 50))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.users.get(ACME, ALICE)).isInstanceOf(NotFoundException.class);
        assertThat(f.users.list(OFFICE, "office.demo.gridpbx.test", "", 0, 50).total()).isEqualTo(20);
    }

    @Test
    void aClientCannotManageResellersOrItself() {
        assertThatThrownBy(() -> f.resellers.list(OFFICE, "", 0, 50)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.clients.delete(OFFICE, "office.demo.gridpbx.test"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.clients.get(OFFICE, "office.demo.gridpbx.test").name()).isEqualTo("Office");
    }

    @Test
    void aUserSeesItselfOnly() {
        Scope alice = Scope.user(ALICE);
        assertThat(f.users.get(alice, ALICE).extension()).isEqualTo("202");
        assertThatThrownBy(() -> f.users.get(alice, new AddressOfRecord("203", "office.demo.gridpbx.test")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.users.list(alice, "office.demo.gridpbx.test", "", 0, 50))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void impersonationGoesDownTheChainAndBackWithAnAuditTrail() {
        var admin = f.signIn.authenticate("admin@gridpbx.test", "demo-pass");
        var asReseller = f.impersonation.connectAs(admin, DEMO);
        var asClient = f.impersonation.connectAs(asReseller, OFFICE);
        var asUser = f.impersonation.connectAs(asClient, Scope.user(ALICE));
        assertThat(asUser.chain()).containsExactly(PLATFORM, DEMO, OFFICE, Scope.user(ALICE));
        assertThat(f.selfCare.me(asUser.scope()).extension()).isEqualTo("202");

        var back = f.impersonation.backTo(asUser, 0);
        assertThat(back.scope()).isEqualTo(PLATFORM);
        assertThat(f.access.auditEntries()).extracting(e -> e.action() + " " + e.subject()).contains(
                "impersonate reseller:demo.gridpbx.test", "impersonate client:office.demo.gridpbx.test",
                "impersonate user:202@office.demo.gridpbx.test", "leave platform:gridpbx.test");
    }

    @Test
    void impersonationSidewaysOrUpIsRefused() {
        var demo = f.signIn.authenticate("reseller@demo.gridpbx.test", "demo-pass");
        assertThatThrownBy(() -> f.impersonation.connectAs(demo, OTHER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.impersonation.connectAs(demo, PLATFORM)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.impersonation.connectAs(demo, DEMO)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aClientMakesATokenForOneOfItsUsersButNotForAnotherClientsUser() {
        var office = io.gridpbx.core.access.Actor.token("office", OFFICE);
        var issued = f.impersonation.tokenFor(office, Scope.user(ALICE), "alice's phone app", f.tokens);
        assertThat(f.tokens.resolve(issued.secret())).get().extracting(a -> a.scope()).isEqualTo(Scope.user(ALICE));
        assertThatThrownBy(() -> f.impersonation.tokenFor(office,
                Scope.user(new AddressOfRecord("301", "acme.demo.gridpbx.test")), "x", f.tokens))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTokenActsAtTheScopeItWasCreatedIn() {
        assertThat(f.tokens.resolve("demo-reseller-token")).get().extracting(a -> a.scope()).isEqualTo(DEMO);
        assertThat(f.tokens.resolve("office-client-token")).get().extracting(a -> a.scope()).isEqualTo(OFFICE);
        assertThat(f.tokens.resolve("no-such-token")).isEmpty();
    }
}
