package io.gridpbx.core.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The limits of the edge's rules.
 *
 * @param floodRequests     requests one source may send in a {@code floodWindow}; past it, a ban
 *                          (Kamailio pike's {@code reqs_density_per_unit} per {@code sampling_time_unit})
 * @param guessesPerUser    failed digest answers from one source for one user in a {@code guessWindow}
 *                          before that source is locked out for that user
 * @param guessesPerSource  failed digest answers from one source, any users, before it is banned
 * @param probes            403/404 answers earned by one source in a {@code probeWindow} before it is banned
 * @param banDuration       how long a ban or lockout lasts
 * @param maxSources        most sources each rule counts at once: past it, the rule's window starts
 *                          over (bounded memory under a spoofed flood)
 * @param blockedUserAgents lower-case fragments of User-Agents of scanning tools
 */
public record EdgeThresholds(
        int floodRequests, Duration floodWindow,
        int guessesPerUser, int guessesPerSource, Duration guessWindow,
        int probes, Duration probeWindow,
        Duration banDuration, int maxSources, List<String> blockedUserAgents) {

    /** Tools that scan the internet for SIP servers and guess their passwords. */
    public static final List<String> SCANNERS = List.of("friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent",
            "sip-scan", "sipsak", "iwar", "sundayddr", "smap", "cseq-scanner", "pplsip", "vaxipuseragent");

    /** A phone sends a few requests a minute; a busy one, or a PBX behind one address, tens a second. */
    public static final EdgeThresholds DEFAULTS = new EdgeThresholds(400, Duration.ofSeconds(2),
            5, 20, Duration.ofMinutes(10), 30, Duration.ofMinutes(1), Duration.ofMinutes(10), 100_000, SCANNERS);

    public EdgeThresholds {
        if (floodRequests < 1 || guessesPerUser < 1 || guessesPerSource < 1 || probes < 1 || maxSources < 1) {
            throw new IllegalArgumentException("edge thresholds must be at least 1");
        }
        for (Duration d : List.of(floodWindow, guessWindow, probeWindow, banDuration)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("edge windows and the ban duration must be positive");
            }
        }
        blockedUserAgents = blockedUserAgents.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }
}
