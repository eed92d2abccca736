package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;

/**
 * Where each user's {@link PresenceRules} live. The presence server reads them on every SUBSCRIBE, so an
 * adapter answers from local memory (the tenant maps' near cache), as {@link io.gridpbx.core.tenancy.TenantDirectory} does.
 */
public interface PresenceRulesStore {

    /** The user's rules; {@link PresenceRules#NONE} when it never set any. */
    PresenceRules rulesOf(AddressOfRecord user);

    void save(AddressOfRecord user, PresenceRules rules);
}
