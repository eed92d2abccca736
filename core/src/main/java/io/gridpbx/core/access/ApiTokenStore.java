package io.gridpbx.core.access;

import java.util.List;
import java.util.Optional;

/** Where API tokens live, found by the hash of their secret. */
public interface ApiTokenStore {

    void save(ApiToken token);

    Optional<ApiToken> bySecretHash(String secretHash);

    /** Tokens whose scope is exactly this one. */
    List<ApiToken> of(Scope scope);

    void remove(String secretHash);
}
