-- Users' XCAP documents (RFC 4825): their resource-lists and rls-services (RFC 4826), each kept whole as the
-- bytes its owner put, with the entity tag of that version, so that a full-cluster restart gives back the same
-- document under the same tag (a client's conditional PUT after the restart still matches). At most 1 MiB each
-- (MEDIUMBLOB holds 16 MB; BLOB would stop at 64 KB on MariaDB).
CREATE TABLE xcap_documents (
    auid       VARCHAR(32)  NOT NULL,
    domain     VARCHAR(253) NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    etag       VARCHAR(64)  NOT NULL,
    content    MEDIUMBLOB   NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (auid, domain, username, name)
);
