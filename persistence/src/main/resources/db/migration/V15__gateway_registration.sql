-- A gateway may keep its account registered at its carrier (one node of the cluster sends the
-- REGISTERs), asking for a lifetime of 60 to 3600 seconds. Gateways stored until now register nowhere.
ALTER TABLE gateways ADD COLUMN register_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE gateways ADD COLUMN register_expires INT NOT NULL DEFAULT 600;
