-- Registrar bindings, one row per contact, so that a full-cluster restart keeps registrations.
-- The grid keeps the binding set of an AOR as one value; its MapStore replaces the AOR's rows.
CREATE TABLE registrations (
    aor           VARCHAR(320)  NOT NULL,
    contact_hash  CHAR(64)      NOT NULL,
    contact_uri   VARCHAR(1024) NOT NULL,
    expires_at    BIGINT        NOT NULL,
    q             INT           NOT NULL,
    call_id       VARCHAR(255)  NOT NULL,
    cseq          BIGINT        NOT NULL,
    source        VARCHAR(128)  NOT NULL,
    node_id       VARCHAR(128)  NOT NULL,
    user_agent    VARCHAR(255),
    updated_at    BIGINT        NOT NULL,
    PRIMARY KEY (aor, contact_hash)
);
CREATE INDEX registrations_by_expiry ON registrations (expires_at);
