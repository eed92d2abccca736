-- Presence subscriptions (RFC 6665), one row each, so that a full-cluster restart keeps them until they
-- run out. The grid keys a subscription by its dialog, package and id, which may be longer than an
-- index allows: the row's key is the SHA-256 of that text, kept beside it. A subscription is written
-- whole (upsert): its last NOTIFY's CSeq and version come back with it, so the NOTIFYs after a restart
-- go on counting up. Rows of subscriptions that ran out are purged by any node (by expires_at).
CREATE TABLE presence_subscriptions (
    key_hash     CHAR(64)      NOT NULL PRIMARY KEY,
    sub_key      VARCHAR(1024) NOT NULL,
    call_id      VARCHAR(255)  NOT NULL,
    watcher_tag  VARCHAR(128)  NOT NULL,
    our_tag      VARCHAR(64)   NOT NULL,
    event        VARCHAR(32)   NOT NULL,
    event_id     VARCHAR(128),
    watcher      VARCHAR(320)  NOT NULL,
    resource     VARCHAR(320)  NOT NULL,
    contact_uri  VARCHAR(1024) NOT NULL,
    route        VARCHAR(4000) NOT NULL,
    flow         VARCHAR(128),
    expires_at   BIGINT        NOT NULL,
    cseq         BIGINT        NOT NULL,
    version      BIGINT        NOT NULL,
    node_id      VARCHAR(128)  NOT NULL
);
CREATE INDEX presence_subscriptions_by_expiry ON presence_subscriptions (expires_at);
