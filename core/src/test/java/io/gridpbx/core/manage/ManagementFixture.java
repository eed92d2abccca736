package io.gridpbx.core.manage;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.DemoAccess;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.InMemoryConfigStore;
import io.gridpbx.core.features.UserProfiles;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.voicemail.InMemoryVoicemailStore;
import java.time.Instant;

/** The management services over in-memory stores, filled with the demo tenants and logins. */
final class ManagementFixture {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    final InMemoryBindingStore bindings = new InMemoryBindingStore(clock);
    final InMemoryAccess access = new InMemoryAccess();
    final InMemoryAccess.FastHasher hasher = new InMemoryAccess.FastHasher();
    final ApiTokens tokens = new ApiTokens(access, access, clock);
    final SignIn signIn = new SignIn(access, hasher, access, access, access, clock);
    final Impersonation impersonation = new Impersonation(directory, access, clock);
    final InMemoryLogoStore logoStore = new InMemoryLogoStore();
    final RecordingBalances balanceStore = new RecordingBalances();
    final BalanceAdmin balances = new BalanceAdmin(directory, balanceStore);
    final ResellerAdmin resellers = new ResellerAdmin(directory, access, hasher, logoStore, balances);
    final Logos logos = new Logos(resellers, logoStore);
    final ClientAdmin clients = new ClientAdmin(directory, access, hasher, balances);
    final InMemoryConfigStore configStore = new InMemoryConfigStore();
    final FeatureConfig config = new FeatureConfig(configStore, directory);
    final InMemoryPictureStore pictures = new InMemoryPictureStore();
    final InMemoryVoicemailStore voicemail = new InMemoryVoicemailStore();
    final UserAdmin users = new UserAdmin(directory, bindings, access, hasher, new UserProfiles(configStore), pictures,
            voicemail);
    final Voicemails voicemails = new Voicemails(users, voicemail, clock);
    final SelfCare selfCare = new SelfCare(directory, users, access, pictures);

    ManagementFixture() {
        DemoTenants.create(new TenantProvisioning(directory));
        DemoAccess.create(access, hasher, tokens);
    }
}
