-- The management plane: portal accounts, API tokens and the audit trail.

CREATE TABLE accounts (
    email           VARCHAR(254) NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(255) NOT NULL,
    home_scope      VARCHAR(300) NOT NULL,
    language        CHAR(2)      NOT NULL DEFAULT 'en',
    failed_sign_ins INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP(3) NULL,
    updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX accounts_by_scope ON accounts (home_scope);

CREATE TABLE api_tokens (
    secret_hash CHAR(64)     NOT NULL PRIMARY KEY,
    id          VARCHAR(16)  NOT NULL,
    label       VARCHAR(100) NOT NULL,
    scope       VARCHAR(300) NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL
);
CREATE INDEX api_tokens_by_scope ON api_tokens (scope);

CREATE TABLE audit_log (
    id        VARCHAR(40)  NOT NULL PRIMARY KEY,
    at        TIMESTAMP(3) NOT NULL,
    actor     VARCHAR(254) NOT NULL,
    action    VARCHAR(40)  NOT NULL,
    acting_as VARCHAR(300) NOT NULL,
    subject   VARCHAR(300) NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
