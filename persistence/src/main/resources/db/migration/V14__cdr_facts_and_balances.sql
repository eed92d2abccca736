-- What a call's record keeps beyond its parties: its direction (INTERNAL, OUTBOUND, INBOUND), the
-- number dialled and its E.164 form, the gateway that carried it, the final status the caller got, who
-- paid for it, and its rating (the client's charge stays in cost_micros; the reseller's and the prefix
-- of the rate applied are new). Rows written before read as answered internal calls of their client.
-- Text longer than its column is cut by the map store: a record must never be refused for its length.
-- One ALTER per column: the embedded store (H2 in MySQL mode) takes one ADD COLUMN per statement.
ALTER TABLE cdrs ADD COLUMN direction VARCHAR(10) NOT NULL DEFAULT 'INTERNAL';
ALTER TABLE cdrs ADD COLUMN dialled VARCHAR(128) NOT NULL DEFAULT '';
ALTER TABLE cdrs ADD COLUMN e164 VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE cdrs ADD COLUMN gateway VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE cdrs ADD COLUMN final_status INT NOT NULL DEFAULT 200;
ALTER TABLE cdrs ADD COLUMN reseller_cost_micros BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cdrs ADD COLUMN rate_prefix VARCHAR(32);
ALTER TABLE cdrs ADD COLUMN charged_client VARCHAR(253) NOT NULL DEFAULT '';

-- A call's attempts in order (gateways tried, forwards followed), written with its record, once.
CREATE TABLE cdr_legs (
    call_id VARCHAR(255) NOT NULL,
    seq     INT          NOT NULL,
    kind    VARCHAR(10)  NOT NULL,
    target  VARCHAR(320) NOT NULL,
    status  INT          NOT NULL,
    reason  VARCHAR(200) NOT NULL,
    PRIMARY KEY (call_id, seq)
);

-- The balances of clients and resellers in micros, by client domain or reseller realm. The grid
-- changes them; this table follows, written behind.
CREATE TABLE balances (
    tenant     VARCHAR(253) NOT NULL PRIMARY KEY,
    micros     BIGINT       NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

-- Resellers kept their balance on their own row until now: it moves here, where calls are charged.
INSERT INTO balances (tenant, micros, updated_at)
SELECT realm, balance_micros, CURRENT_TIMESTAMP(3) FROM resellers;
