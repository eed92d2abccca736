package io.gridpbx.core.manage;

import java.util.List;
import java.util.Optional;

/**
 * The user profiles a reseller offers its clients' users, as the user forms need them: to check the
 * one a form names and to list the choices.
 */
public interface ProfileCatalog {

    /** The profile of this id among the reseller's, if it has one. */
    Optional<ProfileChoice> find(String resellerRealm, String profileId);

    /** The reseller's profiles, by name. */
    List<ProfileChoice> of(String resellerRealm);
}
