package io.gridpbx.core.presence.xcap;

import io.gridpbx.core.presence.body.BodyException;
import io.gridpbx.core.presence.body.ResourceLists;
import io.gridpbx.core.presence.body.RlsServices;
import java.util.Optional;

/** The application usages this server keeps (RFC 4825 section 5.1), with the MIME type and the parser of each. */
public enum Auid {
    /** RFC 4826 section 3.4: users' lists of resources, buddy lists. */
    RESOURCE_LISTS("resource-lists", ResourceLists.CONTENT_TYPE),
    /** RFC 4826 section 4.4: the list URIs the RLS answers for, and what each one holds. */
    RLS_SERVICES("rls-services", RlsServices.CONTENT_TYPE);

    private final String token;
    private final String contentType;

    Auid(String token, String contentType) {
        this.token = token;
        this.contentType = contentType;
    }

    /** How the AUID is spelled in an XCAP URI. */
    public String token() {
        return token;
    }

    /** The MIME type a PUT must carry and a GET answers with (RFC 4825 section 5.4). */
    public String contentType() {
        return contentType;
    }

    public static Optional<Auid> named(String token) {
        for (Auid auid : values()) {
            if (auid.token.equals(token)) {
                return Optional.of(auid);
            }
        }
        return Optional.empty();
    }

    /** Reads a document of this usage, whatever its flaw, as the body parsers do (size first, no DOCTYPE). */
    void validate(byte[] xml, int maxBytes) throws BodyException {
        switch (this) {
            case RESOURCE_LISTS -> ResourceLists.parse(xml, maxBytes);
            case RLS_SERVICES -> RlsServices.parse(xml, maxBytes);
        }
    }
}
