-- admin-auth schema V1: coordination and key-encryption bookkeeping (H2).

-- One row per named cross-node lock, taken with SELECT ... FOR UPDATE inside the transaction
-- that needs it.
CREATE TABLE IF NOT EXISTS admin_auth_lock (
  name        VARCHAR(64) PRIMARY KEY,
  locked_at   TIMESTAMP WITH TIME ZONE
);
MERGE INTO admin_auth_lock (name) KEY (name) VALUES ('key_rotation');
MERGE INTO admin_auth_lock (name) KEY (name) VALUES ('purge');

-- A known value sealed under the key-encryption key, decrypted at start so that a wrong
-- ADMIN_AUTH_KEK fails at once instead of at the first signature.
CREATE TABLE IF NOT EXISTS admin_auth_kek_check (
  id          INTEGER PRIMARY KEY,
  sealed      VARBINARY(1024) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
