package io.gridpbx.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** RFC 3261 section 10.3 steps 6 to 8 as {@link BindingRules} applies them. */
class BindingRulesTest {

    private static final AddressOfRecord AOR = new AddressOfRecord("200", "office.demo.gridpbx.test");
    private static final RegistrationPolicy POLICY = new RegistrationPolicy(60, 3600, 1800, 3);
    private static final long T0 = 1_700_000_000_000L;
    private static final String PHONE = "sip:200@192.0.2.10:5060;transport=udp";
    private static final String SOFTPHONE = "sip:200@198.51.100.7:49152;transport=tcp";
    private static final String DESK = "sip:200@203.0.113.3:5062";

    // --- adding, expiry selection -------------------------------------------------------------

    @Test
    void registerNewContact_addsBindingWithHeaderExpires() {
        BindingRules.Result result = apply(BindingSet.EMPTY, register("call-1", 1, 600, contact(PHONE)), T0);

        Binding binding = single(result.next());
        assertThat(binding.contactUri()).isEqualTo(PHONE);
        assertThat(binding.expiresAtMillis()).isEqualTo(T0 + 600_000);
        assertThat(binding.qMillis()).isEqualTo(Binding.DEFAULT_Q);
        assertThat(binding.callId()).isEqualTo("call-1");
        assertThat(binding.cseq()).isEqualTo(1);
        assertThat(binding.source()).isEqualTo("udp:192.0.2.10:5060");
        assertThat(binding.nodeId()).isEqualTo("node-a");
        assertThat(binding.userAgent()).isEqualTo("Yealink T46U");
        assertThat(binding.updatedAtMillis()).isEqualTo(T0);
        RegisterOutcome.Accepted accepted = accepted(result);
        assertThat(accepted.live()).containsExactly(binding);
        assertThat(accepted.nowMillis()).isEqualTo(T0);
        assertThat(binding.secondsLeftAt(accepted.nowMillis())).isEqualTo(600);
    }

    @Test
    void contactExpiresParameter_overridesExpiresHeader() {
        BindingRules.Result result = apply(BindingSet.EMPTY, register("call-1", 1, 600, contact(PHONE, 120)), T0);

        assertThat(single(result.next()).expiresAtMillis()).isEqualTo(T0 + 120_000);
    }

    @Test
    void noExpiresAnywhere_usesPolicyDefault() {
        BindingRules.Result result = apply(BindingSet.EMPTY, register("call-1", 1, null, contact(PHONE)), T0);

        assertThat(single(result.next()).expiresAtMillis()).isEqualTo(T0 + POLICY.defaultExpires() * 1000L);
    }

    @Test
    void expiresAboveMax_isShortenedToMax() {
        BindingRules.Result result = apply(BindingSet.EMPTY, register("call-1", 1, 86_400, contact(PHONE)), T0);

        assertThat(accepted(result).live()).hasSize(1);
        assertThat(single(result.next()).expiresAtMillis()).isEqualTo(T0 + POLICY.maxExpires() * 1000L);
    }

    @Test
    void expiresExactlyMinExpires_isAccepted() {
        BindingRules.Result result = apply(BindingSet.EMPTY, register("call-1", 1, 60, contact(PHONE)), T0);

        assertThat(single(result.next()).expiresAtMillis()).isEqualTo(T0 + 60_000);
    }

    @Test
    void expiresBelowMinExpires_isRejectedWith423AndMinExpiresAndChangesNothing() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE)));

        BindingRules.Result result = apply(current, register("call-1", 2, 30, contact(PHONE)), T0 + 1000);

        assertThat(result.outcome()).isEqualTo(new RegisterOutcome.Rejected(423, "Interval Too Brief", 60));
        assertThat(result.next()).isSameAs(current);
    }

    @Test
    void oneContactTooBrief_rejectsTheWholeRequest() {
        BindingRules.Result result = apply(BindingSet.EMPTY,
                register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE, 59)), T0);

        assertThat(result.outcome()).isEqualTo(new RegisterOutcome.Rejected(423, "Interval Too Brief", 60));
        assertThat(result.next()).isSameAs(BindingSet.EMPTY);
    }

    // --- removal ------------------------------------------------------------------------------

    @Test
    void contactWithExpiresZero_removesOnlyThatContact() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE)));

        BindingRules.Result result = apply(current, register("call-1", 2, 600, contact(PHONE, 0)), T0 + 1000);

        assertThat(result.next().bindings()).extracting(Binding::contactUri).containsExactly(SOFTPHONE);
        assertThat(accepted(result).live()).extracting(Binding::contactUri).containsExactly(SOFTPHONE);
    }

    @Test
    void expiresHeaderZero_removesTheListedContact() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE)));

        BindingRules.Result result = apply(current, register("call-1", 2, 0, contact(SOFTPHONE)), T0 + 1000);

        assertThat(result.next().bindings()).extracting(Binding::contactUri).containsExactly(PHONE);
    }

    @Test
    void removingAnUnknownContact_isAcceptedAndChangesNothingElse() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE)));

        BindingRules.Result result = apply(current, register("call-2", 1, 0, contact(DESK)), T0 + 1000);

        assertThat(accepted(result).live()).extracting(Binding::contactUri).containsExactly(PHONE);
    }

    @Test
    void wildcardWithExpiresZero_removesAllBindings() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE)));

        BindingRules.Result result = apply(current, wildcard("call-1", 2, 0), T0 + 1000);

        assertThat(accepted(result).live()).isEmpty();
        assertThat(result.next().isEmpty()).isTrue();
    }

    @Test
    void wildcardWithoutExpiresZero_isRejectedWith400() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE)));

        BindingRules.Result noHeader = apply(current, wildcard("call-1", 2, null), T0 + 1000);
        BindingRules.Result nonZero = apply(current, wildcard("call-1", 2, 600), T0 + 1000);

        assertThat(noHeader.outcome()).isEqualTo(RegisterOutcome.Rejected.of(400, "Wildcard Contact Requires Expires 0"));
        assertThat(noHeader.next()).isSameAs(current);
        assertThat(nonZero.outcome()).isEqualTo(RegisterOutcome.Rejected.of(400, "Wildcard Contact Requires Expires 0"));
        assertThat(nonZero.next()).isSameAs(current);
    }

    @Test
    void wildcardTogetherWithAnotherContact_isRejectedWith400() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE)));
        RegisterRequest request = new RegisterRequest(AOR, List.of(contact(DESK)), true, 0, "call-1", 2,
                "udp:192.0.2.10:5060", "node-a", null);

        BindingRules.Result result = apply(current, request, T0 + 1000);

        assertThat(result.outcome()).isEqualTo(RegisterOutcome.Rejected.of(400, "Wildcard Contact Must Be Alone"));
        assertThat(result.next()).isSameAs(current);
    }

    @Test
    void wildcardWithSameCallIdAndLowerCSeq_isRejectedAsOutOfOrder() {
        BindingSet current = registered(register("call-1", 5, 600, contact(PHONE)));

        BindingRules.Result result = apply(current, wildcard("call-1", 4, 0), T0 + 1000);

        assertThat(result.outcome()).isEqualTo(RegisterOutcome.Rejected.of(400, "CSeq Out Of Order"));
        assertThat(result.next()).isSameAs(current);
    }

    // --- Call-ID and CSeq ordering ------------------------------------------------------------

    @Test
    void sameCallIdWithLowerCSeq_isRejectedAsOutOfOrderAndChangesNothing() {
        BindingSet current = registered(register("call-1", 5, 600, contact(PHONE)));

        BindingRules.Result result = apply(current, register("call-1", 4, 0, contact(PHONE)), T0 + 1000);

        assertThat(result.outcome()).isEqualTo(RegisterOutcome.Rejected.of(400, "CSeq Out Of Order"));
        assertThat(result.next()).isSameAs(current);
    }

    @Test
    void sameCallIdWithSameCSeq_isARetransmissionThatKeepsTheBinding() {
        RegisterRequest request = register("call-1", 5, 600, contact(PHONE));
        BindingSet current = registered(request);

        BindingRules.Result replay = apply(current, request, T0 + 2000);

        RegisterOutcome.Accepted accepted = accepted(replay);
        assertThat(accepted.live()).containsExactlyElementsOf(current.bindings());
        assertThat(replay.next().bindings()).containsExactlyElementsOf(current.bindings());
    }

    @Test
    void sameCallIdWithHigherCSeq_refreshesTheBinding() {
        BindingSet current = registered(register("call-1", 5, 600, contact(PHONE)));

        BindingRules.Result result = apply(current, register("call-1", 6, 900, contact(PHONE)), T0 + 2000);

        Binding refreshed = single(result.next());
        assertThat(refreshed.cseq()).isEqualTo(6);
        assertThat(refreshed.expiresAtMillis()).isEqualTo(T0 + 2000 + 900_000);
        assertThat(refreshed.updatedAtMillis()).isEqualTo(T0 + 2000);
    }

    @Test
    void differentCallIdWithLowerCSeq_replacesTheBinding() {
        // A phone that rebooted starts a new Call-ID and counts its CSeq from 1 again.
        BindingSet current = registered(register("call-before-reboot", 950, 600, contact(PHONE)));

        BindingRules.Result result = apply(current, register("call-after-reboot", 1, 600, contact(PHONE)), T0 + 5000);

        Binding binding = single(result.next());
        assertThat(binding.callId()).isEqualTo("call-after-reboot");
        assertThat(binding.cseq()).isEqualTo(1);
        assertThat(binding.expiresAtMillis()).isEqualTo(T0 + 5000 + 600_000);
        assertThat(accepted(result).live()).containsExactly(binding);
    }

    // --- queries, expiry, ordering ------------------------------------------------------------

    @Test
    void registerWithoutContacts_isAQueryListingLiveBindings() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE)));

        BindingRules.Result result = apply(current, register("call-9", 1, null), T0 + 10_000);

        assertThat(accepted(result).live()).extracting(Binding::contactUri)
                .containsExactlyInAnyOrder(PHONE, SOFTPHONE);
        assertThat(result.next().bindings()).containsExactlyInAnyOrderElementsOf(current.bindings());
    }

    @Test
    void expiredBindings_arePurgedAndNotListed() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE, 60), contact(SOFTPHONE, 600)));

        BindingRules.Result result = apply(current, register("call-9", 1, null), T0 + 60_000);

        assertThat(accepted(result).live()).extracting(Binding::contactUri).containsExactly(SOFTPHONE);
        assertThat(result.next().bindings()).extracting(Binding::contactUri).containsExactly(SOFTPHONE);
    }

    @Test
    void expiredBindings_arePurgedByAnUpdateToo() {
        BindingSet current = registered(register("call-1", 1, 60, contact(PHONE)));

        BindingRules.Result result = apply(current, register("call-2", 1, 600, contact(DESK)), T0 + 61_000);

        assertThat(result.next().bindings()).extracting(Binding::contactUri).containsExactly(DESK);
    }

    @Test
    void liveBindings_areListedHighestQFirst() {
        RegisterRequest request = register("call-1", 1, 600,
                new ContactRequest(PHONE, null, 500),
                new ContactRequest(SOFTPHONE, null, 1000),
                new ContactRequest(DESK, null, 100));

        BindingRules.Result result = apply(BindingSet.EMPTY, request, T0);

        assertThat(accepted(result).live()).extracting(Binding::contactUri).containsExactly(SOFTPHONE, PHONE, DESK);
        assertThat(result.next().liveAt(T0)).extracting(Binding::qMillis).containsExactly(1000, 500, 100);
    }

    @Test
    void equalQ_listsTheMostRecentlyRefreshedFirst() {
        BindingSet first = registered(register("call-1", 1, 600, contact(PHONE)));
        BindingRules.Result second = apply(first, register("call-2", 1, 600, contact(DESK)), T0 + 1000);

        assertThat(accepted(second).live()).extracting(Binding::contactUri).containsExactly(DESK, PHONE);
    }

    // --- limits -------------------------------------------------------------------------------

    @Test
    void exactlyMaxContacts_isAccepted() {
        BindingRules.Result result = apply(BindingSet.EMPTY,
                register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE), contact(DESK)), T0);

        assertThat(accepted(result).live()).hasSize(POLICY.maxContacts());
    }

    @Test
    void moreContactsThanMax_isRejectedWith403AndChangesNothing() {
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE)));

        BindingRules.Result result = apply(current,
                register("call-2", 1, 600, contact(DESK), contact("sip:200@192.0.2.99")), T0 + 1000);

        assertThat(result.outcome()).isEqualTo(RegisterOutcome.Rejected.of(403, "Too Many Registered Contacts"));
        assertThat(result.next()).isSameAs(current);
    }

    @Test
    void setAboveALoweredLimit_stillAcceptsRefreshAndRemovalButNoNewContact() {
        // Regression: after an admin lowered the limit, phones over it could not even unregister.
        BindingSet current = registered(register("call-1", 1, 600, contact(PHONE), contact(SOFTPHONE), contact(DESK)));
        RegistrationPolicy lowered = POLICY.withMaxContacts(1);

        BindingRules.Result removal = BindingRules.apply(current, register("call-1", 2, 0, contact(PHONE)), lowered, T0);
        BindingRules.Result refresh = BindingRules.apply(current, register("call-1", 2, 600, contact(DESK)), lowered, T0);
        BindingRules.Result addition = BindingRules.apply(current,
                register("call-1", 2, 600, contact(PHONE, 0), contact("sip:200@192.0.2.99")), lowered, T0);

        assertThat(accepted(removal).live()).extracting(Binding::contactUri).containsExactlyInAnyOrder(SOFTPHONE, DESK);
        assertThat(accepted(refresh).live()).hasSize(3);
        assertThat(addition.outcome()).isEqualTo(RegisterOutcome.Rejected.of(403, "Too Many Registered Contacts"));
        assertThat(addition.next()).isSameAs(current);
    }

    // --- contact matching ---------------------------------------------------------------------

    @Test
    void refreshOfSameContactWithHostInOtherCase_updatesInsteadOfAdding() {
        BindingSet current = registered(register("call-1", 1, 600, contact("sip:200@Phone.Example.COM:5060;transport=UDP")));

        BindingRules.Result result = apply(current,
                register("call-1", 2, 900, contact("SIP:200@phone.example.com:5060;transport=udp;ob")), T0 + 1000);

        Binding binding = single(result.next());
        assertThat(binding.contactUri()).isEqualTo("SIP:200@phone.example.com:5060;transport=udp;ob");
        assertThat(binding.expiresAtMillis()).isEqualTo(T0 + 1000 + 900_000);
    }

    @Test
    void contactsDifferingInUserCase_areTwoBindings() {
        BindingSet current = registered(register("call-1", 1, 600, contact("sip:alice@192.0.2.10")));

        BindingRules.Result result = apply(current, register("call-1", 2, 600, contact("sip:Alice@192.0.2.10")), T0);

        assertThat(result.next().bindings()).hasSize(2);
    }

    // --- Binding arithmetic -------------------------------------------------------------------

    @Test
    void secondsLeftAt_roundsUpSoALiveBindingNeverShowsZero() {
        Binding binding = new Binding(PHONE, T0 + 1500, 1000, "call-1", 1, "udp:192.0.2.10:5060", "node-a", null, T0);

        assertThat(binding.secondsLeftAt(T0)).isEqualTo(2);
        assertThat(binding.secondsLeftAt(T0 + 500)).isEqualTo(1);
        assertThat(binding.secondsLeftAt(T0 + 1499)).isEqualTo(1);
        assertThat(binding.isLiveAt(T0 + 1499)).isTrue();
        assertThat(binding.secondsLeftAt(T0 + 1500)).isZero();
        assertThat(binding.isLiveAt(T0 + 1500)).isFalse();
        assertThat(binding.secondsLeftAt(T0 + 99_000)).isZero();
    }

    // --- helpers ------------------------------------------------------------------------------

    private static BindingRules.Result apply(BindingSet current, RegisterRequest request, long nowMillis) {
        return BindingRules.apply(current, request, POLICY, nowMillis);
    }

    /** The binding set after the request was accepted at {@link #T0}. */
    private static BindingSet registered(RegisterRequest request) {
        BindingRules.Result result = apply(BindingSet.EMPTY, request, T0);
        accepted(result);
        return result.next();
    }

    private static RegisterRequest register(String callId, long cseq, @Nullable Integer expires,
            ContactRequest... contacts) {
        return new RegisterRequest(AOR, List.of(contacts), false, expires, callId, cseq,
                "udp:192.0.2.10:5060", "node-a", "Yealink T46U");
    }

    private static RegisterRequest wildcard(String callId, long cseq, @Nullable Integer expires) {
        return new RegisterRequest(AOR, List.of(), true, expires, callId, cseq, "udp:192.0.2.10:5060", "node-a", null);
    }

    private static ContactRequest contact(String uri) {
        return new ContactRequest(uri, null, Binding.DEFAULT_Q);
    }

    private static ContactRequest contact(String uri, int expires) {
        return new ContactRequest(uri, expires, Binding.DEFAULT_Q);
    }

    private static RegisterOutcome.Accepted accepted(BindingRules.Result result) {
        assertThat(result.outcome()).isInstanceOf(RegisterOutcome.Accepted.class);
        return (RegisterOutcome.Accepted) result.outcome();
    }

    private static Binding single(BindingSet set) {
        assertThat(set.bindings()).hasSize(1);
        return set.bindings().getFirst();
    }
}
