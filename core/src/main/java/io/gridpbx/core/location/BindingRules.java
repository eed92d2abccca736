package io.gridpbx.core.location;

import java.util.ArrayList;
import java.util.List;

/**
 * The registrar's update of one binding set, RFC 3261 section 10.3 steps 6 to 8, as a pure
 * function: the same inputs always give the same result, so an entry processor can run it on the
 * AOR's owner and replay it safely.
 */
public final class BindingRules {

    private BindingRules() {
    }

    /** The outcome for the reply and the binding set to keep (unchanged when rejected). */
    public record Result(RegisterOutcome outcome, BindingSet next) {
    }

    public static Result apply(BindingSet current, RegisterRequest request, RegistrationPolicy policy, long nowMillis) {
        List<Binding> live = current.liveAt(nowMillis);
        if (request.wildcard()) {
            return removeAll(current, live, request, nowMillis);
        }
        if (request.contacts().isEmpty()) {
            // Section 10.3 step 6: no Contact header, a query; the reply lists the current bindings.
            return new Result(new RegisterOutcome.Accepted(live, nowMillis), new BindingSet(live));
        }
        List<Binding> working = new ArrayList<>(live);
        boolean added = false;
        for (ContactRequest contact : request.contacts()) {
            int expires = contact.expires() != null ? contact.expires()
                    : request.headerExpires() != null ? request.headerExpires() : policy.defaultExpires();
            if (expires != 0 && expires < policy.minExpires()) {
                // Section 10.3 step 7 and section 20.23: too brief, tell the phone the minimum.
                return rejected(current, new RegisterOutcome.Rejected(423, "Interval Too Brief", policy.minExpires()));
            }
            expires = Math.min(expires, policy.maxExpires());
            String key = ContactUris.matchKey(contact.uri());
            int index = indexOf(working, key);
            if (index >= 0) {
                Binding existing = working.get(index);
                if (existing.callId().equals(request.callId()) && request.cseq() <= existing.cseq()) {
                    if (request.cseq() == existing.cseq()) {
                        continue; // a retransmission of the REGISTER that set this binding
                    }
                    // Section 10.3 step 7: an older request of the same Call-ID must not change the binding.
                    return rejected(current, RegisterOutcome.Rejected.of(400, "CSeq Out Of Order"));
                }
                working.remove(index);
            }
            if (expires > 0) {
                added |= index < 0;
                working.add(new Binding(contact.uri(), nowMillis + expires * 1000L, contact.qMillis(),
                        request.callId(), request.cseq(), request.source(), request.nodeId(), request.userAgent(),
                        nowMillis));
            }
        }
        // Only a new contact counts against the limit: a set already above it (the limit was lowered)
        // must still let its phones refresh and unregister.
        if (added && working.size() > policy.maxContacts()) {
            return rejected(current, RegisterOutcome.Rejected.of(403, "Too Many Registered Contacts"));
        }
        BindingSet next = new BindingSet(working);
        return new Result(new RegisterOutcome.Accepted(next.liveAt(nowMillis), nowMillis), next);
    }

    private static Result removeAll(BindingSet current, List<Binding> live, RegisterRequest request, long nowMillis) {
        if (!request.contacts().isEmpty()) {
            return rejected(current, RegisterOutcome.Rejected.of(400, "Wildcard Contact Must Be Alone"));
        }
        if (request.headerExpires() == null || request.headerExpires() != 0) {
            // Section 10.2.2: "*" is only valid with Expires: 0.
            return rejected(current, RegisterOutcome.Rejected.of(400, "Wildcard Contact Requires Expires 0"));
        }
        for (Binding binding : live) {
            if (binding.callId().equals(request.callId()) && request.cseq() < binding.cseq()) {
                return rejected(current, RegisterOutcome.Rejected.of(400, "CSeq Out Of Order"));
            }
        }
        return new Result(new RegisterOutcome.Accepted(List.of(), nowMillis), BindingSet.EMPTY);
    }

    private static Result rejected(BindingSet current, RegisterOutcome.Rejected rejection) {
        return new Result(rejection, current);
    }

    private static int indexOf(List<Binding> bindings, String key) {
        for (int i = 0; i < bindings.size(); i++) {
            if (bindings.get(i).matchKey().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
