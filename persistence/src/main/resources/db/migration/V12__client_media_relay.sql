-- When a client domain's calls go through the media relay: the name of io.gridpbx.core.media.NatPolicy
-- (ALWAYS, WHEN_NAT, NEVER). Rows written before read as WHEN_NAT, the usual setting.
ALTER TABLE clients ADD COLUMN media_relay VARCHAR(16) NOT NULL DEFAULT 'WHEN_NAT';
