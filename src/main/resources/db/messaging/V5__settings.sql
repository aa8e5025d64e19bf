-- Settings an administrator saved through the plugin (GET/PUT /admin/settings). They override the
-- configuration the host gives (ConfigAdmin) key by key; secrets are stored, never returned.
CREATE TABLE msg_setting (
    setting_key      VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value    VARCHAR(2000) NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by       VARCHAR(64)   NOT NULL
);
