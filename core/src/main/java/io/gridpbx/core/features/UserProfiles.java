package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ProfileCatalog;
import io.gridpbx.core.manage.ProfileChoice;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The resellers' {@link ConfigKind#USER_PROFILE} objects, as the user forms offer them. */
public final class UserProfiles implements ProfileCatalog {

    private final ConfigStore store;

    public UserProfiles(ConfigStore store) {
        this.store = store;
    }

    @Override
    public Optional<ProfileChoice> find(String resellerRealm, String profileId) {
        return store.find(ConfigObject.key(ConfigKind.USER_PROFILE, Scope.reseller(resellerRealm), profileId))
                .map(UserProfiles::choice);
    }

    @Override
    public List<ProfileChoice> of(String resellerRealm) {
        return store.of(ConfigKind.USER_PROFILE, Scope.reseller(resellerRealm)).stream().map(UserProfiles::choice)
                .sorted(Comparator.comparing(ProfileChoice::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ProfileChoice::id))
                .toList();
    }

    private static ProfileChoice choice(ConfigObject profile) {
        return new ProfileChoice(profile.id(), profile.label());
    }
}
