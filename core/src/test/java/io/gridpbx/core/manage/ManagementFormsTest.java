package io.gridpbx.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.SignInRefused;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.User;
import java.math.BigDecimal;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Forms that are valid create what they say; forms that are not list every bad field and save nothing. */
class ManagementFormsTest {

    private static final Scope PLATFORM = Scope.platform("gridpbx.test");
    private static final Scope DEMO = Scope.reseller("demo.gridpbx.test");
    private static final Scope OFFICE = Scope.client("office.demo.gridpbx.test");
    private static final Actor PLATFORM_ADMIN = new Actor("admin@gridpbx.test", List.of(PLATFORM));

    private final ManagementFixture f = new ManagementFixture();

    @Test
    void platformCreatesAResellerWhoCanThenSignIn() {
        var reseller = f.resellers.create(PLATFORM_ADMIN, new ResellerForm("north", "North Telecom", "Ops@North.test",
                "12.5", "fr", "north-pass-1", "100.25"));
        assertThat(reseller.realm()).isEqualTo("north.gridpbx.test");
        assertThat(reseller.discountPercent()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(f.balances.balance(PLATFORM, "north.gridpbx.test")).isEqualTo(100_250_000L);
        assertThat(f.signIn.authenticate("ops@north.test", "north-pass-1").scope())
                .isEqualTo(Scope.reseller("north.gridpbx.test"));
    }

    @Test
    void aBadResellerFormListsEveryBadFieldAndSavesNothing() {
        assertThatThrownBy(() -> f.resellers.create(PLATFORM_ADMIN, new ResellerForm("demo", "", "not-an-email", "150",
                "de", "short", "abc"))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                        "realm", "password", "name", "email", "discountPercent", "language", "balance"));
        assertThat(f.directory.resellers()).hasSize(2);
    }

    @Test
    void aResellerCannotCreateResellers() {
        assertThatThrownBy(() -> f.resellers.create(new Actor("reseller@demo.gridpbx.test", List.of(DEMO)),
                new ResellerForm("x", "X", "x@x.test", "0", "en",
                "long-enough", null))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deletingAResellerWithClientsIsAConflict() {
        assertThatThrownBy(() -> f.resellers.delete(PLATFORM, "demo.gridpbx.test")).isInstanceOf(ConflictException.class);
        assertThat(f.directory.reseller("demo.gridpbx.test")).isPresent();
    }

    @Test
    void aResellerChoosesAClientsDigestAlgorithms_bothAreListedSha256First_andNoneMeansThePlatformDefault() {
        var client = f.clients.create(DEMO, new ClientForm("north", null, "North", "admin@north.test", null,
                "north-pass-1", null, java.util.List.of("md5", "SHA-256")));
        assertThat(client.digestAlgorithms()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

        var sha256 = f.clients.update(DEMO, "north.demo.gridpbx.test", new ClientForm(null, null, "North",
                "admin@north.test", null, "", null, java.util.List.of("SHA-256")));
        assertThat(f.directory.client("north.demo.gridpbx.test")).get()
                .satisfies(c -> assertThat(c.digestAlgorithms()).containsExactly(DigestAlgorithm.SHA_256));
        assertThat(sha256.digestAlgorithms()).containsExactly(DigestAlgorithm.SHA_256);

        var byDefault = f.clients.update(DEMO, "north.demo.gridpbx.test", new ClientForm(null, null, "North",
                "admin@north.test", null, "", null, java.util.List.of()));
        assertThat(byDefault.digestAlgorithms()).isEmpty();
    }

    @Test
    void anUnknownOrRepeatedDigestAlgorithm_isAFieldErrorAndChangesNothing() {
        for (var bad : java.util.List.of(java.util.List.of("SHA-512-256"), java.util.List.of("MD5", "md5"),
                java.util.List.of(""))) {
            assertThatThrownBy(() -> f.clients.update(DEMO, "office.demo.gridpbx.test", new ClientForm(null, null,
                    "Office", "admin@office.demo.gridpbx.test", null, "", null, bad))).as("%s", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.errors()).extracting(FieldError::field).containsExactly("digestAlgorithms"));
        }
        assertThat(f.directory.client("office.demo.gridpbx.test")).get()
                .satisfies(c -> assertThat(c.digestAlgorithms()).isEmpty());
    }

    @Test
    void aResellerChoosesAClientsMediaRelay_andNoneMeansWhenNat() {
        var client = f.clients.create(DEMO, new ClientForm("north", null, "North", "admin@north.test", null,
                "north-pass-1", null, null));
        assertThat(client.mediaRelay()).as("not chosen").isEqualTo(NatPolicy.WHEN_NAT);

        var always = f.clients.update(DEMO, "north.demo.gridpbx.test", new ClientForm(null, null, "North",
                "admin@north.test", null, "", null, null, "always"));
        assertThat(always.mediaRelay()).isEqualTo(NatPolicy.ALWAYS);
        assertThat(f.directory.client("north.demo.gridpbx.test")).get()
                .satisfies(c -> assertThat(c.mediaRelay()).isEqualTo(NatPolicy.ALWAYS));

        var never = f.clients.update(DEMO, "north.demo.gridpbx.test", new ClientForm(null, null, "North",
                "admin@north.test", null, "", null, null, "NEVER"));
        assertThat(never.mediaRelay()).as("the enum name too").isEqualTo(NatPolicy.NEVER);

        var byDefault = f.clients.update(DEMO, "north.demo.gridpbx.test", new ClientForm(null, null, "North",
                "admin@north.test", null, "", null, null, ""));
        assertThat(byDefault.mediaRelay()).isEqualTo(NatPolicy.WHEN_NAT);
    }

    @Test
    void anUnknownMediaRelay_isAFieldErrorAndChangesNothing() {
        f.clients.update(DEMO, "office.demo.gridpbx.test", new ClientForm(null, null, "Office",
                "admin@office.demo.gridpbx.test", null, "", null, null, "never"));

        for (var bad : java.util.List.of("sometimes", "when_nat_or_not", "0")) {
            assertThatThrownBy(() -> f.clients.update(DEMO, "office.demo.gridpbx.test", new ClientForm(null, null,
                    "Office", "admin@office.demo.gridpbx.test", null, "", null, null, bad))).as("%s", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.errors()).extracting(FieldError::field).containsExactly("mediaRelay"));
        }
        assertThat(f.directory.client("office.demo.gridpbx.test")).get()
                .satisfies(c -> assertThat(c.mediaRelay()).isEqualTo(NatPolicy.NEVER));
    }

    @Test
    void aClientCreatesAUserThatRegistersWithItsSecretAndSignsInWithItsLogin() {
        User bob = f.users.create(OFFICE, "office.demo.gridpbx.test", new UserForm("250", "Bob Martin", "bob-sip-secret",
                "bob@office.test", "bob-portal-pass", "fr", "Sales", "00:11:22:AA:BB:CC"));
        assertThat(bob.mac()).isEqualTo("001122aabbcc");
        assertThat(f.directory.credentials("250", "office.demo.gridpbx.test")).get()
                .satisfies(c -> assertThat(c.owner()).isEqualTo(bob.addressOfRecord()));
        assertThat(f.signIn.authenticate("bob@office.test", "bob-portal-pass").scope())
                .isEqualTo(Scope.user(bob.addressOfRecord()));
        assertThat(f.users.row(bob).login()).isEqualTo("bob@office.test");
    }

    @Test
    void aBulkCreateWithOneBadRowCreatesNothingAndNamesTheRow() {
        var rows = java.util.List.of(
                new UserForm("260", "Ann", "ann-secret-1", null, null, null, null, null),
                new UserForm("261", "Ben", "short", null, null, null, null, null),
                new UserForm("260", "Ann again", "ann-secret-2", null, null, null, null, null));
        assertThat(f.users.check(OFFICE, "office.demo.gridpbx.test", rows)).extracting(
                e -> e.row() + ":" + e.error().field()).containsExactlyInAnyOrder("1:sipPassword", "2:extension");
        assertThatThrownBy(() -> f.users.createAll(OFFICE, "office.demo.gridpbx.test", rows))
                .isInstanceOf(ValidationException.class);
        assertThat(f.directory.user(new AddressOfRecord("260", "office.demo.gridpbx.test"))).isEmpty();

        var good = f.users.createAll(OFFICE, "office.demo.gridpbx.test", rows.subList(0, 1));
        assertThat(good).extracting(User::extension).containsExactly("260");
        assertThat(f.directory.credentials("260", "office.demo.gridpbx.test")).isPresent();
    }

    @Test
    void aDuplicateExtensionIsRefused() {
        assertThatThrownBy(() -> f.users.create(OFFICE, "office.demo.gridpbx.test", new UserForm("202", "Dup",
                "dup-secret-1", null, null, null, null, "zz"))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("extension", "mac"));
    }

    @Test
    void aUserTurnsOnDoNotDisturbAndTheDirectoryHasItAtOnce() {
        AddressOfRecord alice = new AddressOfRecord("202", "office.demo.gridpbx.test");
        var actor = f.signIn.authenticate("202@office.demo.gridpbx.test", "demo-pass");
        f.selfCare.updateSettings(actor, new SettingsForm(true, false, null, "+15145550100", "sip:voicemail@office.demo.gridpbx.test",
                "30", "fr"));
        User stored = f.directory.user(alice).orElseThrow();
        assertThat(stored.callSettings().doNotDisturb()).isTrue();
        assertThat(stored.callSettings().forwardBusy()).isEqualTo("+15145550100");
        assertThat(stored.language()).isEqualTo("fr");
        assertThat(f.signIn.account("202@office.demo.gridpbx.test")).get().extracting(a -> a.language()).isEqualTo("fr");
    }

    @Test
    void badForwardTargetsAreRefused() {
        var actor = f.signIn.authenticate("202@office.demo.gridpbx.test", "demo-pass");
        assertThatThrownBy(() -> f.selfCare.updateSettings(actor, new SettingsForm(true, true, "call me maybe", null,
                null, "3", null))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("forwardUnconditional", "noAnswerSeconds"));
        assertThat(f.directory.user(new AddressOfRecord("202", "office.demo.gridpbx.test")).orElseThrow()
                .callSettings().doNotDisturb()).isFalse();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> f.signIn.authenticate("admin@gridpbx.test", "wrong"))
                    .isInstanceOfSatisfying(SignInRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.BAD_CREDENTIALS));
        }
        assertThatThrownBy(() -> f.signIn.authenticate("admin@gridpbx.test", "wrong"))
                .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.LOCKED));
        assertThatThrownBy(() -> f.signIn.authenticate("admin@gridpbx.test", "demo-pass"))
                .as("even the right password while locked").isInstanceOf(SignInRefused.class);
        f.clock.advance(Duration.ofMinutes(16));
        assertThat(f.signIn.authenticate("admin@gridpbx.test", "demo-pass").scope()).isEqualTo(PLATFORM);
    }

    @Test
    void aResetTokenSetsANewPasswordOnce() {
        f.signIn.forgotPassword("Admin@GridPBX.test");
        f.signIn.forgotPassword("nobody@nowhere.test");
        assertThat(f.access.mailedTokens()).hasSize(1);
        String token = f.access.mailedTokens().getFirst();
        f.signIn.resetPassword(token, "brand-new-pass");
        assertThat(f.signIn.authenticate("admin@gridpbx.test", "brand-new-pass").scope()).isEqualTo(PLATFORM);
        assertThatThrownBy(() -> f.signIn.resetPassword(token, "another-pass-1")).isInstanceOf(ValidationException.class);
    }

    @Test
    void anExpiredResetTokenIsRefused() {
        f.signIn.forgotPassword("admin@gridpbx.test");
        f.clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> f.signIn.resetPassword(f.access.mailedTokens().getFirst(), "brand-new-pass"))
                .isInstanceOf(ValidationException.class);
    }
}
