-- Users' voicemail: a row per message in a mailbox (the grid holds each mailbox as one value and
-- rewrites its rows when it changes), and the recordings apart, read only when a message is played.
CREATE TABLE voicemail_messages (
    id          VARCHAR(36)  NOT NULL,
    domain      VARCHAR(253) NOT NULL,
    extension   VARCHAR(32)  NOT NULL,
    caller      VARCHAR(128) NOT NULL,
    received_at BIGINT       NOT NULL,
    seconds     INT          NOT NULL,
    heard       BOOLEAN      NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX voicemail_messages_mailbox ON voicemail_messages (domain, extension);

-- A WAV file of at most 5 MB (MEDIUMBLOB holds up to 16 MB).
CREATE TABLE voicemail_recordings (
    id         VARCHAR(36)  NOT NULL,
    wav        MEDIUMBLOB   NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
);
