package io.gridpbx.core.presence.xcap;

import java.io.Serial;

/**
 * A request URI that names no document this server keeps: 404 for a path outside the documents served, 400
 * for one that cannot be read (bad percent-encoding), 501 for a node selector (see {@link XcapUri}).
 */
public final class XcapUriException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    XcapUriException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Why, in a short sentence fit for a plain-text answer. */
    public String reason() {
        return getMessage();
    }
}
