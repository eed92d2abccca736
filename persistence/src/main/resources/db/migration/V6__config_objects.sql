-- Configuration objects of every level (profiles, templates, settings, PBX features): one row per
-- object, its checked field values in java.util.Properties text form.
CREATE TABLE config_objects (
    object_key VARCHAR(420)  NOT NULL PRIMARY KEY,
    kind       VARCHAR(40)   NOT NULL,
    owner      VARCHAR(330)  NOT NULL,
    id         VARCHAR(40)   NOT NULL,
    field_values MEDIUMTEXT  NOT NULL,
    updated_at TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX config_objects_by_owner ON config_objects (owner, kind);
