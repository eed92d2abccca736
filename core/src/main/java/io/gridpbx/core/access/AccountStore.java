package io.gridpbx.core.access;

import java.util.List;
import java.util.Optional;

/** Where accounts live, by normalized email. */
public interface AccountStore {

    Optional<Account> find(String email);

    void save(Account account);

    void delete(String email);

    /** The accounts whose home is exactly this scope, e.g. the logins of one client. */
    List<Account> withHome(Scope home);

    /** The logins of every user of one client domain, in one read (a users page shows them all). */
    List<Account> ofUsersIn(String clientDomain);
}
