-- The digest algorithms a client domain's 401/407 challenges offer, strongest first and
-- comma-separated ("SHA-256,MD5", "MD5", "SHA-256"); NULL leaves it to the node's default.
ALTER TABLE clients ADD COLUMN digest_algorithms VARCHAR(32) NULL;
