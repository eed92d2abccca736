package io.gridpbx.core.manage;

/** The operation would break the hierarchy as it stands, e.g. deleting a reseller that still has clients. */
public final class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
