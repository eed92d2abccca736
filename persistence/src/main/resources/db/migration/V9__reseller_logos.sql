-- A reseller's logo, shown on its own screens and on those of its clients and users: a PNG or JPEG
-- of at most 256 KB (MEDIUMBLOB: BLOB would stop at 64 KB on MariaDB).
CREATE TABLE reseller_logos (
    realm        VARCHAR(253) NOT NULL,
    content_type VARCHAR(20)  NOT NULL,
    image        MEDIUMBLOB   NOT NULL,
    updated_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (realm)
);
