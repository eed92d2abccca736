package io.gridpbx.core.tenancy;

import io.gridpbx.core.location.AddressOfRecord;

/** Who may act as whom on the SIP side. */
public final class TenancyRules {

    private TenancyRules() {
    }

    /**
     * An authenticated user may register only its own address of record: same client domain and
     * same user (RFC 3261 section 10.3 step 4 leaves this policy to the registrar; sharing an
     * AOR between auth users is a later feature).
     */
    public static boolean mayRegister(SipCredentials credentials, AddressOfRecord aor) {
        return credentials.owner().equals(aor);
    }

    /** Whether the auth user's realm is the domain of the address of record. */
    public static boolean sameDomain(SipCredentials credentials, AddressOfRecord aor) {
        return credentials.realm().equals(aor.domain());
    }
}
