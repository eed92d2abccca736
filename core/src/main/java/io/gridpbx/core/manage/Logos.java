package io.gridpbx.core.manage;

import io.gridpbx.core.access.Scope;
import java.util.Optional;

/**
 * The resellers' logos: a reseller (or the platform for it) uploads one, a PNG or JPEG of at most
 * {@link Picture#MAX_BYTES}; the reseller's own screens and those of its clients and users show it.
 */
public final class Logos {

    private final ResellerAdmin resellers;
    private final LogoStore store;

    public Logos(ResellerAdmin resellers, LogoStore store) {
        this.resellers = resellers;
        this.store = store;
    }

    /** The logo of the reseller above the actor (or the actor itself); none for the platform. */
    public Optional<Picture> shownTo(Scope actor) {
        return actor.resellerRealm().flatMap(store::find);
    }

    /** The reseller's logo, if it uploaded one. */
    public Optional<Picture> of(Scope actor, String realm) {
        return store.find(resellers.get(actor, realm).realm());
    }

    /** Sets the reseller's logo from an uploaded file's bytes; refused (field {@code logo}) when not a small image. */
    public Picture set(Scope actor, String realm, byte[] bytes) {
        String reseller = resellers.get(actor, realm).realm();
        Picture logo = Picture.checked(bytes, "logo");
        store.save(reseller, logo);
        return logo;
    }

    public void clear(Scope actor, String realm) {
        store.delete(resellers.get(actor, realm).realm());
    }
}
