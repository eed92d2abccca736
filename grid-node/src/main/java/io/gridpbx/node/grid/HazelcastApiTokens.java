package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.ApiTokenStore;
import io.gridpbx.core.access.Scope;
import java.util.List;
import java.util.Optional;

/** API tokens by secret hash; a token created on one node works on every node at once. */
public final class HazelcastApiTokens implements ApiTokenStore {

    private final IMap<String, ApiToken> tokens;

    public HazelcastApiTokens(HazelcastInstance grid) {
        this.tokens = grid.getMap(MapNames.API_TOKENS);
    }

    @Override
    public void save(ApiToken token) {
        tokens.set(token.secretHash(), token);
    }

    @Override
    public Optional<ApiToken> bySecretHash(String secretHash) {
        return Optional.ofNullable(tokens.get(secretHash));
    }

    @Override
    public List<ApiToken> of(Scope scope) {
        return List.copyOf(tokens.values(Predicates.equal("scope", scope.toString())));
    }

    @Override
    public void remove(String secretHash) {
        tokens.delete(secretHash);
    }
}
