package io.gridpbx.core.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The rules that decide which sources the SIP edge refuses, one instance per node. The transport asks
 * {@link #admitsPacket} for every datagram or request (a local read, one counter), and reports what
 * the node answered: a 403/404 ({@link #rejected}), a failed digest answer ({@link #failedDigest}).
 * A source past a threshold is banned on the {@link BanList}, so every node refuses it; sources on the
 * allow-list (the cluster's members, the operator's networks) are never banned nor locked out.
 */
public final class EdgeGuard {

    private final EdgeThresholds limits;
    private final BanList bans;
    private final Consumer<Ban> lockoutLog;
    private final Clock clock;
    private final String nodeId;
    private final WindowCounter requests;
    private final WindowCounter rejections;
    private final WindowCounter guessesBySource;
    private final WindowCounter guessesByUser;
    private volatile AllowList allowed = AllowList.EMPTY;
    /** Sources trusted besides the allow-list: the platform's carriers, whose traffic is every call's. */
    private volatile Predicate<String> trusted = address -> false;
    /**
     * The last source found on the allow-list, with the list it was found on: a steady allow-listed
     * sender past the rate (a peer, the operator's load tool) is asked about for every datagram, and is
     * not looked up in the list each time.
     */
    private volatile @Nullable AllowedSource lastAllowed;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder bansIssued = new LongAdder();
    private final LongAdder lockouts = new LongAdder();

    /**
     * @param lockoutLog told of every lockout and password-guessing ban this node decides (the audit
     *                   log); called on the SIP thread, so it must not block
     */
    public EdgeGuard(EdgeThresholds limits, BanList bans, Consumer<Ban> lockoutLog, Clock clock, String nodeId) {
        this.limits = limits;
        this.bans = bans;
        this.lockoutLog = lockoutLog;
        this.clock = clock;
        this.nodeId = nodeId;
        this.requests = new WindowCounter(clock, limits.floodWindow(), limits.maxSources());
        this.rejections = new WindowCounter(clock, limits.probeWindow(), limits.maxSources());
        this.guessesBySource = new WindowCounter(clock, limits.guessWindow(), limits.maxSources());
        this.guessesByUser = new WindowCounter(clock, limits.guessWindow(), limits.maxSources());
    }

    /** Replaces the allow-list (members joined or left, the operator edited it). */
    public void allow(AllowList list) {
        this.allowed = list;
    }

    /**
     * Trusts these sources as the allow-list is trusted: a carrier sends a busy platform's calls, and
     * their answers, from one address, which the flood rule would otherwise ban.
     */
    public void trust(Predicate<String> sources) {
        this.trusted = sources;
    }

    public AllowList allowList() {
        return allowed;
    }

    /**
     * Whether a datagram or request from this source is processed at all; false means drop it without
     * an answer. Counts it towards the source's rate and bans a source past the flood threshold.
     */
    public boolean admitsPacket(String address) {
        if (bans.isBanned(address)) {
            dropped.increment();
            return false;
        }
        // Every datagram past the rate is dropped here, not only those after the ban: the one that crossed
        // the threshold may still be on its way to ban() while other SIP threads count the same source's
        // next datagrams, and a ban lifted early leaves the count past it. The ban itself (one grid write,
        // for the whole cluster) is issued once, by the datagram that crosses.
        int count = requests.increment(address);
        if (count > limits.floodRequests() && !allowListed(address)) {
            if (count == limits.floodRequests() + 1) {
                ban(address, BanReason.FLOOD);
            }
            dropped.increment();
            return false;
        }
        return true;
    }

    /** Whether a request with this User-Agent is processed; a scanning tool's source is banned silently. */
    public boolean admitsUserAgent(String address, @Nullable String userAgent) {
        if (userAgent == null || limits.blockedUserAgents().isEmpty()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String blocked : limits.blockedUserAgents()) {
            if (agent.contains(blocked) && ban(address, BanReason.SCANNER) != null) {
                dropped.increment();
                return false;
            }
        }
        return true;
    }

    /**
     * The node answered this source with a final refusal. A source that keeps earning 403 or 404 probes
     * for domains and users we do not serve, and is banned.
     */
    public void rejected(String address, int status) {
        if ((status == 403 || status == 404) && rejections.increment(address) >= limits.probes()
                && !bans.isBanned(address)) {
            ban(address, BanReason.PROBING);
        }
    }

    /**
     * This source answered a challenge for this user ({@code user@realm}) wrongly. Past the per-user
     * threshold the source is locked out for that user; past the per-source one it is banned.
     */
    public void failedDigest(String address, String user) {
        if (guessesByUser.increment(Ban.key(address, user)) >= limits.guessesPerUser() && !allowListed(address)
                && !bans.isLockedOut(address, user)) {
            Instant now = clock.instant();
            Ban lockout = new Ban(address, user, BanReason.PASSWORD_GUESSING, now, now.plus(limits.banDuration()), nodeId);
            bans.add(lockout);
            lockouts.increment();
            lockoutLog.accept(lockout);
        }
        if (guessesBySource.increment(address) >= limits.guessesPerSource() && !bans.isBanned(address)) {
            Ban ban = ban(address, BanReason.PASSWORD_GUESSING);
            if (ban != null) {
                lockouts.increment();
                lockoutLog.accept(ban);
            }
        }
    }

    /**
     * Whether a request from this source that authenticates as this user ({@code user@realm}) is
     * processed; false while the source is locked out for that user (drop it without an answer).
     */
    public boolean admitsCredentials(String address, String user) {
        if (bans.isLockedOut(address, user)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    /** Bans the source unless it is allow-listed; the ban, or null when the source is allow-listed. */
    private @Nullable Ban ban(String address, BanReason reason) {
        if (allowListed(address)) {
            return null;
        }
        Instant now = clock.instant();
        Ban ban = new Ban(address, null, reason, now, now.plus(limits.banDuration()), nodeId);
        bans.add(ban);
        bansIssued.increment();
        return ban;
    }

    private boolean allowListed(String address) {
        if (trusted.test(address)) {
            return true;
        }
        AllowList list = allowed;
        AllowedSource last = lastAllowed;
        if (last != null && last.list() == list && last.address().equals(address)) {
            return true;
        }
        if (list.covers(address)) {
            lastAllowed = new AllowedSource(list, address);
            return true;
        }
        return false;
    }

    private record AllowedSource(AllowList list, String address) {
    }

    /** Datagrams and requests dropped without an answer because their source is banned. */
    public long dropped() {
        return dropped.sum();
    }

    /** Bans this node decided. */
    public long bansIssued() {
        return bansIssued.sum();
    }

    /** Lockouts (a source for one user) and password-guessing bans this node decided. */
    public long lockouts() {
        return lockouts.sum();
    }
}
