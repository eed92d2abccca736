-- The management plane: portal accounts, API tokens and the audit trail. Instants are epoch
-- milliseconds: Connector/J takes MariaDB's "5.5.5-" version prefix for a server without fractional
-- seconds and would drop the milliseconds of a TIMESTAMP(3) parameter.

CREATE TABLE accounts (
    email           VARCHAR(254) NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(255) NOT NULL,
    home_scope      VARCHAR(300) NOT NULL,
    language        CHAR(2)      NOT NULL DEFAULT 'en',
    failed_sign_ins INT          NOT NULL DEFAULT 0,
    locked_until    BIGINT       NULL,
    updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX accounts_by_scope ON accounts (home_scope);

CREATE TABLE api_tokens (
    secret_hash CHAR(64)     NOT NULL PRIMARY KEY,
    id          VARCHAR(16)  NOT NULL,
    label       VARCHAR(100) NOT NULL,
    scope       VARCHAR(300) NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX api_tokens_by_scope ON api_tokens (scope);

CREATE TABLE audit_log (
    id        VARCHAR(40)  NOT NULL PRIMARY KEY,
    at        BIGINT       NOT NULL,
    actor     VARCHAR(254) NOT NULL,
    action    VARCHAR(40)  NOT NULL,
    acting_as VARCHAR(300) NOT NULL,
    subject   VARCHAR(300) NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
