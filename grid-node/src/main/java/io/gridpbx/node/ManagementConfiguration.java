package io.gridpbx.node;

import io.gridpbx.core.media.MediaSessions;
import io.gridpbx.node.grid.HazelcastMediaSessions;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.ApiTokenStore;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.PasswordHasher;
import io.gridpbx.core.access.PasswordResets;
import io.gridpbx.core.access.ResetMailer;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.billing.Balances;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.dialog.CallHangup;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.features.ConfigStore;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.NumberPorts;
import io.gridpbx.core.features.UserProfiles;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.manage.BalanceAdmin;
import io.gridpbx.core.manage.CallRecords;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.manage.LogoStore;
import io.gridpbx.core.manage.Logos;
import io.gridpbx.core.manage.PictureStore;
import io.gridpbx.core.manage.Voicemails;
import io.gridpbx.core.manage.ProfileCatalog;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.trunking.DidAdmin;
import io.gridpbx.core.trunking.GatewayAdmin;
import io.gridpbx.core.trunking.RegistrationBoard;
import io.gridpbx.core.trunking.RouteAdmin;
import io.gridpbx.core.trunking.TrunkingStore;
import io.gridpbx.core.voicemail.VoicemailStore;
import io.gridpbx.node.access.BcryptPasswordHasher;
import io.gridpbx.node.access.ResetMailers;
import io.gridpbx.node.grid.HazelcastAccounts;
import io.gridpbx.node.grid.HazelcastApiTokens;
import io.gridpbx.node.grid.HazelcastAuditLog;
import io.gridpbx.node.grid.HazelcastConfigStore;
import io.gridpbx.node.grid.HazelcastLogoStore;
import io.gridpbx.node.grid.HazelcastPictureStore;
import io.gridpbx.node.grid.HazelcastVoicemailStore;
import io.gridpbx.node.grid.HazelcastTrunkingStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The tenant-scoped management services that the admin UI and the REST API share, on the grid's stores. */
@Configuration(proxyBeanMethods = false)
class ManagementConfiguration {

    @Bean
    HazelcastAccounts accounts(HazelcastInstance grid) {
        return new HazelcastAccounts(grid);
    }

    @Bean
    ApiTokenStore apiTokenStore(HazelcastInstance grid) {
        return new HazelcastApiTokens(grid);
    }

    @Bean
    AuditLog auditLog(HazelcastInstance grid) {
        return new HazelcastAuditLog(grid);
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new BcryptPasswordHasher(10);
    }

    @Bean
    ResetMailer resetMailer(ObjectProvider<JavaMailSender> smtp, NodeProperties properties) {
        return ResetMailers.choose(smtp.getIfAvailable(), properties.admin().resetLinkBase(),
                "no-reply@" + properties.platformDomain());
    }

    @Bean
    SignIn signIn(AccountStore accounts, PasswordHasher hasher, PasswordResets resets, ResetMailer mailer,
            AuditLog audit, Clock clock) {
        return new SignIn(accounts, hasher, resets, mailer, audit, clock);
    }

    @Bean
    Impersonation impersonation(TenantDirectory directory, AuditLog audit, Clock clock) {
        return new Impersonation(directory, audit, clock);
    }

    @Bean
    ApiTokens apiTokens(ApiTokenStore store, AuditLog audit, Clock clock) {
        return new ApiTokens(store, audit, clock);
    }

    /** The balances of resellers and clients as each level sees and tops them up, on the grid's balances. */
    @Bean
    BalanceAdmin balanceAdmin(TenantDirectory directory, Balances balances) {
        return new BalanceAdmin(directory, balances);
    }

    @Bean
    ResellerAdmin resellerAdmin(TenantDirectory directory, AccountStore accounts, PasswordHasher hasher,
            LogoStore logos, BalanceAdmin balances) {
        return new ResellerAdmin(directory, accounts, hasher, logos, balances);
    }

    @Bean
    ClientAdmin clientAdmin(TenantDirectory directory, AccountStore accounts, PasswordHasher hasher,
            BalanceAdmin balances) {
        return new ClientAdmin(directory, accounts, hasher, balances);
    }

    @Bean
    ConfigStore configStore(HazelcastInstance grid) {
        return new HazelcastConfigStore(grid);
    }

    @Bean
    ProfileCatalog profileCatalog(ConfigStore store) {
        return new UserProfiles(store);
    }

    @Bean
    PictureStore pictureStore(HazelcastInstance grid) {
        return new HazelcastPictureStore(grid);
    }

    @Bean
    LogoStore logoStore(HazelcastInstance grid) {
        return new HazelcastLogoStore(grid);
    }

    @Bean
    Logos logos(ResellerAdmin resellers, LogoStore store) {
        return new Logos(resellers, store);
    }

    @Bean
    VoicemailStore voicemailStore(HazelcastInstance grid) {
        return new HazelcastVoicemailStore(grid);
    }

    @Bean
    UserAdmin userAdmin(TenantDirectory directory, BindingStore bindings, AccountStore accounts, PasswordHasher hasher,
            ProfileCatalog profiles, PictureStore pictures, VoicemailStore voicemail, SipPasswordSeal seal) {
        return new UserAdmin(directory, bindings, accounts, hasher, profiles, pictures, voicemail, seal);
    }

    @Bean
    Voicemails voicemails(UserAdmin users, VoicemailStore store, Clock clock) {
        return new Voicemails(users, store, clock);
    }

    @Bean
    MediaSessions mediaSessions(HazelcastInstance grid) {
        return new HazelcastMediaSessions(grid);
    }

    @Bean
    CallRecords callRecords(DialogRegistry dialogs, CdrStore cdrs, MediaSessions media, CallHangup hangups) {
        return new CallRecords(dialogs, cdrs, media, hangups);
    }

    /** Caps of concurrent calls show the calls the grid's slots count against them now. */
    @Bean
    FeatureConfig featureConfig(ConfigStore store, TenantDirectory directory, CallSlots slots) {
        return new FeatureConfig(store, directory, slots::counts);
    }

    @Bean
    NumberPorts numberPorts(ConfigStore store, AuditLog audit, Clock clock) {
        return new NumberPorts(store, audit, clock);
    }

    @Bean
    TrunkingStore trunkingStore(HazelcastInstance grid) {
        return new HazelcastTrunkingStore(grid);
    }

    @Bean
    GatewayAdmin gatewayAdmin(TrunkingStore store, RegistrationBoard registrations) {
        return new GatewayAdmin(store, registrations);
    }

    @Bean
    RouteAdmin routeAdmin(TrunkingStore store) {
        return new RouteAdmin(store);
    }

    @Bean
    DidAdmin didAdmin(TrunkingStore store, TenantDirectory directory) {
        return new DidAdmin(store, directory);
    }

    @Bean
    SelfCare selfCare(TenantDirectory directory, UserAdmin users, AccountStore accounts, PictureStore pictures) {
        return new SelfCare(directory, users, accounts, pictures);
    }
}
