-- Gateways and outbound routes get their ids from the grid (any node creates them, no database
-- round trip), so their keys become strings; V3's numeric tables never held rows.
DROP TABLE outbound_route_gateways;
DROP TABLE outbound_routes;
DROP TABLE gateways;

CREATE TABLE gateways (
    id           VARCHAR(16)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    host         VARCHAR(253) NOT NULL,
    port         INT          NOT NULL DEFAULT 5060,
    transport    VARCHAR(8)   NOT NULL DEFAULT 'UDP',
    username     VARCHAR(100),
    password     VARCHAR(100),
    strip_digits INT          NOT NULL DEFAULT 0,
    add_prefix   VARCHAR(16),
    probing      BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE outbound_routes (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    owner_realm VARCHAR(253) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    pattern     VARCHAR(100) NOT NULL,
    priority    INT          NOT NULL DEFAULT 100
);
CREATE INDEX outbound_routes_by_owner ON outbound_routes (owner_realm);

CREATE TABLE outbound_route_gateways (
    route_id   VARCHAR(16) NOT NULL,
    position   INT         NOT NULL,
    gateway_id VARCHAR(16) NOT NULL,
    PRIMARY KEY (route_id, position)
);
