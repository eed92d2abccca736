package io.gridpbx.core.provisioning;

import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.ConfigStore;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Phone provisioning's service: answers a phone's fetch of its configuration by MAC, and issues the
 * per-phone secret an admin gives the phone. The user is looked up at every fetch, so a phone moved
 * to another user gets the new user's account on its next fetch. Every configuration served is
 * audited and stamps the phone's "last provisioned"; passwords are never logged nor audited.
 */
public final class PhoneProvisioning {

    private static final Duration DIGEST_DEADLINE = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(PhoneProvisioning.class.getName());

    private final TenantDirectory directory;
    private final PhoneStore phones;
    private final ConfigStore configs;
    private final AuditLog audit;
    private final SipPasswordSeal seal;
    private final UnknownMacLimit limit;
    private final PhoneSecrets secrets;
    private final Duration limitWindow;
    private final Clock clock;
    private final @Nullable DigestAuthenticator digest;

    public PhoneProvisioning(TenantDirectory directory, PhoneStore phones, ConfigStore configs, AuditLog audit,
            SipPasswordSeal seal, UnknownMacLimit limit, Duration limitWindow, PhoneSecrets secrets, Clock clock) {
        this(directory, phones, configs, audit, seal, limit, limitWindow, secrets, clock, null);
    }

    /**
     * @param digest checks HTTP Digest answers with the cluster's nonces and replay counts, as the
     *               registrar does; null offers Basic only
     */
    public PhoneProvisioning(TenantDirectory directory, PhoneStore phones, ConfigStore configs, AuditLog audit,
            SipPasswordSeal seal, UnknownMacLimit limit, Duration limitWindow, PhoneSecrets secrets, Clock clock,
            @Nullable DigestAuthenticator digest) {
        this.digest = digest;
        this.directory = directory;
        this.phones = phones;
        this.configs = configs;
        this.audit = audit;
        this.seal = seal;
        this.limit = limit;
        this.limitWindow = limitWindow;
        this.secrets = secrets;
        this.clock = clock;
    }

    public FetchResult fetch(PhoneFetch fetch) {
        if (limit.limited(fetch.source())) {
            return new FetchResult.TooMany(Math.max(1, limitWindow.toSeconds()));
        }
        Optional<PhoneFile> file = PhoneFile.parse(fetch.fileName());
        if (file.isEmpty()) {
            limit.miss(fetch.source());
            return new FetchResult.NotFound();
        }
        return switch (file.get()) {
            case PhoneFile.Common common -> new FetchResult.Common(common.name(), common.vendor());
            case PhoneFile.ForMac forMac -> fetchFor(forMac, fetch);
        };
    }

    private FetchResult fetchFor(PhoneFile.ForMac file, PhoneFetch fetch) {
        Optional<User> owner = phones.userWithMac(file.mac());
        Optional<Client> client = owner.flatMap(u -> directory.client(u.domain()));
        if (owner.isEmpty() || client.isEmpty()) {
            limit.miss(fetch.source());
            return new FetchResult.NotFound();
        }
        User user = owner.get();
        Optional<SipCredentials> credentials = directory.credentials(user.authUser(), user.domain());
        List<DigestAuthenticator.DigestChallenge> refusal = refusal(file.mac(), user, credentials, fetch);
        if (refusal != null) {
            if (fetch.user() != null || fetch.digest() != null) {
                // A wrong password counts like an unknown MAC: /prov/ must not become a SIP password
                // oracle beside the SIP edge's lockouts. A fetch without credentials (a phone asking
                // for the challenge) does not count.
                limit.miss(fetch.source());
            }
            return new FetchResult.Unauthorized(refusal);
        }
        PhoneChoice choice = PhoneChoice.of(file, fetch.userAgent(), myPhone(user),
                configs.of(ConfigKind.PROVISIONING_TEMPLATE, Scope.reseller(client.get().resellerRealm())));
        PhoneConfig config = new PhoneSettings(directory, seal).of(file.mac(), user, credentials, choice,
                myPhone(user));
        if (config.password() == null) {
            LOG.log(System.Logger.Level.WARNING, "phone {0} of {1} gets no SIP password: it was set before "
                    + "passwords were sealed; set it again", file.mac(), user.addressOfRecord());
        }
        stamp(file, fetch, user.addressOfRecord());
        return new FetchResult.Config(file.name(), config, choice.template());
    }

    /** Null when the fetch is authenticated; otherwise the Digest challenges of the 401 (none without Digest). */
    private @Nullable List<DigestAuthenticator.DigestChallenge> refusal(String mac, User user,
            Optional<SipCredentials> credentials, PhoneFetch fetch) {
        if (fetch.digest() != null) {
            return digestRefusal(user, fetch.digest());
        }
        return basicAuthenticated(mac, user, credentials, fetch) ? null : freshChallenge(user);
    }

    private List<DigestAuthenticator.DigestChallenge> freshChallenge(User user) {
        return digest == null ? List.of() : digest.challenge(user.domain(), false).challenges();
    }

    private boolean basicAuthenticated(String mac, User user, Optional<SipCredentials> credentials, PhoneFetch fetch) {
        String name = fetch.user();
        String password = fetch.password();
        if (name == null || password == null) {
            return false;
        }
        if (User.normalizeMac(name) != null && mac.equals(User.normalizeMac(name))) {
            return phones.phone(mac).map(Phone::secretHash).map(hash -> PhoneSecrets.matches(password, hash))
                    .orElse(false);
        }
        // The SIP credentials, checked against the HA1 the registrar keeps: RFC 7616 section 3.4.2.
        return name.equals(user.authUser()) && credentials.map(c -> sameText(c.ha1Md5(),
                DigestAlgorithm.MD5.ha1(c.authUser(), c.realm(), password))).orElse(false);
    }

    /**
     * An HTTP Digest answer in the user's client domain, by the user's own credentials: null when right,
     * else the challenges to send (stale ones when only the nonce was old, so the phone retries at once).
     */
    private @Nullable List<DigestAuthenticator.DigestChallenge> digestRefusal(User user, DigestResponse response) {
        if (digest == null) {
            return List.of();
        }
        try {
            // An HTTP thread may wait: the replay check is one grid round trip, bounded here.
            DigestAuthenticator.Verdict verdict = digest.authenticate("GET", user.domain(), response)
                    .toCompletableFuture().get(DIGEST_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return switch (verdict) {
                case DigestAuthenticator.Verdict.Authenticated ok ->
                        ok.credentials().owner().equals(user.addressOfRecord()) ? null : freshChallenge(user);
                case DigestAuthenticator.Verdict.Challenge challenge -> challenge.challenges();
            };
        } catch (ExecutionException | TimeoutException failed) {
            LOG.log(System.Logger.Level.WARNING, "digest check for {0} failed: {1}", user.addressOfRecord(),
                    failed.toString());
            return freshChallenge(user);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return freshChallenge(user);
        }
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ConfigObject> myPhone(User user) {
        return configs.find(ConfigObject.key(ConfigKind.MY_PHONE, Scope.user(user.addressOfRecord()),
                ConfigObject.SINGLE_ID));
    }

    private void stamp(PhoneFile.ForMac file, PhoneFetch fetch, AddressOfRecord aor) {
        var now = clock.instant();
        Phone phone = phones.phone(file.mac()).orElse(Phone.unseen(file.mac()));
        phones.save(phone.provisioned(now, aor.toString()));
        audit.append(new AuditEntry(now, "phone " + file.mac(), "provision", Scope.user(aor),
                file.name() + " from " + fetch.source()));
    }

    /**
     * Issues a new provisioning secret for the phone of {@code aor} (its user's MAC) and returns it: the
     * only time it is shown. The previous secret stops working at once.
     */
    public String issueSecret(Scope actingAs, String actor, AddressOfRecord aor) {
        if (!actingAs.coversUser(aor)) {
            throw new NotFoundException("user", aor.toString());
        }
        User user = directory.user(aor).orElseThrow(() -> new NotFoundException("user", aor.toString()));
        String mac = user.mac();
        if (mac == null) {
            throw new NotFoundException("phone of", aor.toString());
        }
        String secret = secrets.newSecret();
        phones.save(phones.phone(mac).orElse(Phone.unseen(mac)).withSecretHash(PhoneSecrets.hash(secret)));
        audit.append(new AuditEntry(clock.instant(), actor, "phone-secret", actingAs, mac + " of " + aor));
        return secret;
    }

    /** The phone with this MAC as last seen. */
    public Optional<Phone> phone(String mac) {
        return phones.phone(mac);
    }

    /**
     * What the admin's users list shows of each user's phone: when it last fetched its configuration,
     * and whether that configuration lacks the SIP password (set before passwords were sealed: setting
     * it again mends it). Users outside {@code actor}'s subtree or without a MAC are left out; one read
     * of the phones for the whole page, the credentials from the near cache.
     */
    public Map<AddressOfRecord, PhoneStatus> statuses(Scope actor, List<User> users) {
        List<User> withPhones = users.stream().filter(u -> u.mac() != null && actor.coversUser(u.addressOfRecord()))
                .toList();
        Map<String, Phone> seen = phones.phones(withPhones.stream().map(User::mac).toList());
        Map<AddressOfRecord, PhoneStatus> statuses = new HashMap<>();
        for (User user : withPhones) {
            Phone phone = seen.get(user.mac());
            boolean noPassword = directory.credentials(user.authUser(), user.domain())
                    .map(c -> seal.open(c.sealedPassword(), c.key()).isEmpty()).orElse(true);
            statuses.put(user.addressOfRecord(), new PhoneStatus(phone == null ? null : phone.lastProvisioned(),
                    noPassword));
        }
        return statuses;
    }

    /**
     * @param lastProvisioned null when the phone never fetched its configuration
     * @param withoutPassword its configuration carries no SIP password until the password is set again
     */
    public record PhoneStatus(@Nullable Instant lastProvisioned, boolean withoutPassword) {
    }
}
