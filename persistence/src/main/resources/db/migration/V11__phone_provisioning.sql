-- Phone provisioning (issue 9): a phone's configuration carries the clear SIP password, so it is
-- kept sealed (AES-256-GCM under the cluster's provisioning key, which this database never holds)
-- beside the HA1s. NULL for passwords set before: such a phone gets a configuration without one.
ALTER TABLE sip_credentials ADD COLUMN sealed_password VARCHAR(255) NULL;

-- Desk phones by MAC: the SHA-256 of their provisioning secret and their last fetch.
CREATE TABLE phones (
    mac              CHAR(12)     NOT NULL,
    secret_hash      CHAR(64)     NULL,
    last_provisioned BIGINT       NULL,
    last_user        VARCHAR(320) NULL,
    updated_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (mac)
);
