-- Access control and protection: accounts, API tokens, the tamper-evident audit log and instance settings.
-- Secrets are never stored in the clear: passwords as Identity hashes, API tokens as SHA-256 digests, and
-- authenticator keys and recovery codes sealed with the instance key like confidential record fields.

CREATE TABLE users (
    {{id}},
    user_name TEXT NOT NULL,
    normalized_user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NULL,
    security_stamp TEXT NOT NULL,
    concurrency_stamp TEXT NOT NULL,
    two_factor_enabled INTEGER NOT NULL DEFAULT 0,
    authenticator_key TEXT NULL,
    recovery_codes TEXT NULL,
    lockout_enabled INTEGER NOT NULL DEFAULT 1,
    lockout_end TEXT NULL,
    access_failed_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    disabled_at TEXT NULL
);
CREATE UNIQUE INDEX ux_users_name ON users(normalized_user_name);

CREATE TABLE api_tokens (
    {{id}},
    user_id {{bigint}} NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT NULL,
    last_used_at TEXT NULL
);
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens(token_hash);
CREATE INDEX ix_api_tokens_user ON api_tokens(user_id);

-- One row per audited action. seq runs 1, 2, 3... without gaps; hash = SHA-256 over the previous entry's hash
-- and this entry's fields, so any entry modified, deleted, inserted or moved breaks the chain from there on.
CREATE TABLE audit_log (
    seq {{bigint}} NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NULL,
    detail TEXT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- Small named values of the instance: the encryption key's check value, the audit log's signed head.
CREATE TABLE settings (
    name TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
