-- admin-auth schema V1: coordination and key-encryption bookkeeping (PostgreSQL).

-- One row per named cross-node lock. PostgreSQL coordinates with transaction-scoped advisory
-- locks instead, but the rows are kept so both dialects have the same tables.
CREATE TABLE IF NOT EXISTS admin_auth_lock (
  name        VARCHAR(64) PRIMARY KEY,
  locked_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO admin_auth_lock (name) VALUES ('key_rotation') ON CONFLICT (name) DO NOTHING;
INSERT INTO admin_auth_lock (name) VALUES ('purge') ON CONFLICT (name) DO NOTHING;

-- A known value sealed under the key-encryption key, decrypted at start so that a wrong
-- ADMIN_AUTH_KEK fails at once instead of at the first signature.
CREATE TABLE IF NOT EXISTS admin_auth_kek_check (
  id          INTEGER PRIMARY KEY,
  sealed      BYTEA NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
