package io.gridpbx.core.billing;

import java.util.Optional;

/** Billing configuration as the call path reads it, from this node's memory. */
public interface BillingView {

    /** How the client is billed, if its reseller bills it. */
    Optional<BillingAccount> account(String clientDomain);

    /** The reseller's billing profile of that name, with its rates. */
    Optional<Tariff> tariff(String resellerRealm, String name);
}
