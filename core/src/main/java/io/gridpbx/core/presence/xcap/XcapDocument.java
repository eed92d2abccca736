package io.gridpbx.core.presence.xcap;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored document, exactly the bytes its owner put (so that a GET gives back what the PUT sent, RFC 4825
 * section 7.1), and the strong entity tag of this version of it (section 7.11), without quotes.
 */
public record XcapDocument(Auid auid, AddressOfRecord owner, String name, byte[] bytes, String etag) {

    public XcapDocument {
        Objects.requireNonNull(auid, "auid");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        bytes = bytes.clone();
        if (etag.isEmpty() || etag.chars().anyMatch(c -> c <= ' ' || c == '"' || c > '~')) {
            throw new IllegalArgumentException("an entity tag is visible ASCII without quotes: " + etag);
        }
    }

    public XcapDocument(XcapUri uri, byte[] bytes, String etag) {
        this(uri.auid(), uri.owner(), uri.document(), bytes, etag);
    }

    /** Where the document lives. */
    public XcapUri uri() {
        return new XcapUri(auid, owner, name);
    }

    /** A copy: the record's own array never leaves it. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many bytes the document weighs, without copying it. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XcapDocument that && auid == that.auid && owner.equals(that.owner)
                && name.equals(that.name) && etag.equals(that.etag) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(auid, owner, name, etag, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "XcapDocument[" + uri().path() + ", " + bytes.length + " bytes, etag " + etag + "]";
    }
}
