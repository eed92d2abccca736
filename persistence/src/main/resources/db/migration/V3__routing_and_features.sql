-- PSTN routing, billing, provisioning and PBX feature configuration. The tables exist from the
-- start so that the schema is one; their services arrive with the trunking, billing,
-- provisioning and PBX feature work.

CREATE TABLE billing_profiles (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reseller_realm VARCHAR(253) NOT NULL,
    name           VARCHAR(100) NOT NULL
);

CREATE TABLE billing_rates (
    profile_id             BIGINT      NOT NULL,
    prefix                 VARCHAR(32) NOT NULL,
    rate_per_minute_micros BIGINT      NOT NULL,
    increment_seconds      INT         NOT NULL DEFAULT 60,
    PRIMARY KEY (profile_id, prefix)
);

CREATE TABLE dids (
    number           VARCHAR(32)  NOT NULL PRIMARY KEY,
    reseller_realm   VARCHAR(253),
    client_domain    VARCHAR(253),
    destination_type VARCHAR(20),
    destination      VARCHAR(255),
    lnp_status       VARCHAR(20)
);

CREATE TABLE gateways (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    host         VARCHAR(253) NOT NULL,
    port         INT          NOT NULL DEFAULT 5060,
    transport    VARCHAR(8)   NOT NULL DEFAULT 'udp',
    username     VARCHAR(100),
    ha1_md5      CHAR(32),
    strip_digits INT          NOT NULL DEFAULT 0,
    add_prefix   VARCHAR(32),
    probing      BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE outbound_routes (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_realm VARCHAR(253) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    pattern     VARCHAR(100) NOT NULL,
    priority    INT          NOT NULL DEFAULT 0
);

CREATE TABLE outbound_route_gateways (
    route_id   BIGINT NOT NULL,
    position   INT    NOT NULL,
    gateway_id BIGINT NOT NULL,
    PRIMARY KEY (route_id, position)
);

CREATE TABLE provisioning_templates (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_realm VARCHAR(253) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    model       VARCHAR(100) NOT NULL,
    body        TEXT         NOT NULL
);

CREATE TABLE ring_groups (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_domain VARCHAR(253) NOT NULL,
    extension     VARCHAR(32)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    strategy      VARCHAR(20)  NOT NULL DEFAULT 'ringall',
    ring_seconds  INT          NOT NULL DEFAULT 30
);

CREATE TABLE ring_group_members (
    ring_group_id BIGINT       NOT NULL,
    position      INT          NOT NULL,
    target        VARCHAR(255) NOT NULL,
    PRIMARY KEY (ring_group_id, position)
);

CREATE TABLE conferences (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_domain VARCHAR(253) NOT NULL,
    extension     VARCHAR(32)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    pin           VARCHAR(16),
    owner_aor     VARCHAR(320)
);

CREATE TABLE ivr_menus (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_domain   VARCHAR(253) NOT NULL,
    extension       VARCHAR(32)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    greeting        VARCHAR(255),
    timeout_seconds INT          NOT NULL DEFAULT 10
);

CREATE TABLE ivr_options (
    menu_id     BIGINT       NOT NULL,
    digit       CHAR(1)      NOT NULL,
    destination VARCHAR(255) NOT NULL,
    PRIMARY KEY (menu_id, digit)
);

CREATE TABLE moh_classes (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_realm VARCHAR(253) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    directory   VARCHAR(255) NOT NULL
);

CREATE TABLE voicemail_boxes (
    client_domain VARCHAR(253) NOT NULL,
    mailbox       VARCHAR(32)  NOT NULL,
    pin_hash      VARCHAR(100),
    email         VARCHAR(254),
    PRIMARY KEY (client_domain, mailbox)
);

-- Call detail records: written once per call and never lost; billing reads them.
CREATE TABLE cdrs (
    call_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    client_domain VARCHAR(253) NOT NULL,
    caller        VARCHAR(320) NOT NULL,
    callee        VARCHAR(320) NOT NULL,
    started_at    BIGINT       NOT NULL,
    answered_at   BIGINT,
    ended_at      BIGINT       NOT NULL,
    disposition   VARCHAR(20)  NOT NULL,
    cost_micros   BIGINT       NOT NULL DEFAULT 0,
    node_id       VARCHAR(128) NOT NULL
);
CREATE INDEX cdrs_by_client_time ON cdrs (client_domain, started_at);
