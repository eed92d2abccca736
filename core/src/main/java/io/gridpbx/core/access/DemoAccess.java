package io.gridpbx.core.access;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.DemoTenants;

/**
 * The demo logins and API tokens created with the demo tenants, as the README documents them. Every
 * login has the password {@link #PASSWORD}.
 */
public final class DemoAccess {

    public static final String PASSWORD = "demo-pass";

    private DemoAccess() {
    }

    public static void create(AccountStore accounts, PasswordHasher hasher, ApiTokens tokens) {
        String hash = hasher.hash(PASSWORD);
        Scope platform = Scope.platform(DemoTenants.PLATFORM_DOMAIN);
        Scope demo = Scope.reseller("demo.gridpbx.test");
        Scope other = Scope.reseller("other.gridpbx.test");
        Scope office = Scope.client("office.demo.gridpbx.test");
        accounts.save(new Account("admin@gridpbx.test", hash, platform, "en", 0, null));
        accounts.save(new Account("reseller@demo.gridpbx.test", hash, demo, "en", 0, null));
        accounts.save(new Account("reseller@other.gridpbx.test", hash, other, "en", 0, null));
        accounts.save(new Account("admin@office.demo.gridpbx.test", hash, office, "en", 0, null));
        accounts.save(new Account("202@office.demo.gridpbx.test", hash,
                Scope.user(new AddressOfRecord("202", "office.demo.gridpbx.test")), "en", 0, null));
        tokens.issue(Actor.token("demo", platform), "demo platform token", "demo-platform-token");
        tokens.issue(Actor.token("demo", demo), "demo reseller token", "demo-reseller-token");
        tokens.issue(Actor.token("demo", other), "other reseller token", "other-reseller-token");
        tokens.issue(Actor.token("demo", office), "office client token", "office-client-token");
    }
}
