-- A user's first and last name, and the user profile (a USER_PROFILE configuration object of its
-- reseller, by id) it has. One ALTER per column: H2 and MariaDB differ on multi-column ADD.
ALTER TABLE users ADD COLUMN first_name VARCHAR(100);
ALTER TABLE users ADD COLUMN last_name VARCHAR(100);
ALTER TABLE users ADD COLUMN profile VARCHAR(40);

-- A user's profile picture for the portal: a PNG or JPEG of at most 256 KB (MEDIUMBLOB holds up to
-- 16 MB; BLOB would stop at 64 KB on MariaDB).
CREATE TABLE user_pictures (
    domain       VARCHAR(253) NOT NULL,
    extension    VARCHAR(32)  NOT NULL,
    content_type VARCHAR(20)  NOT NULL,
    image        MEDIUMBLOB   NOT NULL,
    updated_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (domain, extension)
);
