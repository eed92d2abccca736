-- The tenancy hierarchy: platform -> resellers -> clients (SIP domains) -> users.
-- One schema for MariaDB/Galera and the embedded H2 (MySQL mode): plain types, primary keys on
-- every table (Galera replicates only tables with a primary key reliably), no triggers.

CREATE TABLE platform (
    id          TINYINT      NOT NULL PRIMARY KEY,
    domain      VARCHAR(253) NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE TABLE resellers (
    realm            VARCHAR(253)  NOT NULL PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    platform_domain  VARCHAR(253)  NOT NULL,
    email            VARCHAR(254),
    discount_percent DECIMAL(5, 2) NOT NULL DEFAULT 0,
    balance_micros   BIGINT        NOT NULL DEFAULT 0,
    language         CHAR(2)       NOT NULL DEFAULT 'en',
    logo_path        VARCHAR(255),
    updated_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE TABLE clients (
    domain         VARCHAR(253) NOT NULL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    reseller_realm VARCHAR(253) NOT NULL,
    max_contacts   INT          NOT NULL DEFAULT 10,
    email          VARCHAR(254),
    language       CHAR(2)      NOT NULL DEFAULT 'en',
    updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX clients_by_reseller ON clients (reseller_realm);

CREATE TABLE user_profiles (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_realm VARCHAR(253) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    settings    TEXT,
    updated_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE TABLE users (
    domain                VARCHAR(253) NOT NULL,
    extension             VARCHAR(32)  NOT NULL,
    auth_user             VARCHAR(32)  NOT NULL,
    display_name          VARCHAR(200) NOT NULL,
    language              CHAR(2)      NOT NULL DEFAULT 'en',
    dnd                   BOOLEAN      NOT NULL DEFAULT FALSE,
    call_waiting          BOOLEAN      NOT NULL DEFAULT TRUE,
    forward_unconditional VARCHAR(255),
    forward_busy          VARCHAR(255),
    forward_no_answer     VARCHAR(255),
    no_answer_seconds     INT          NOT NULL DEFAULT 20,
    profile_id            BIGINT,
    mac                   CHAR(12),
    department            VARCHAR(100),
    updated_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (domain, extension)
);
CREATE INDEX users_by_mac ON users (mac);

-- Digest credentials: HA1 per algorithm (RFC 7616 section 3.4.2), never the password.
CREATE TABLE sip_credentials (
    realm      VARCHAR(253) NOT NULL,
    auth_user  VARCHAR(32)  NOT NULL,
    owner_aor  VARCHAR(320) NOT NULL,
    ha1_md5    CHAR(32)     NOT NULL,
    ha1_sha256 CHAR(64)     NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (realm, auth_user)
);
