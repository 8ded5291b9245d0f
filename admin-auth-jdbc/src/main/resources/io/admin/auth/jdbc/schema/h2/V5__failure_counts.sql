-- admin-auth schema V5: brute-force failure counts shared by every node (h2).

-- One row per throttled key (a SHA-256 digest in hex, never the user name or address), so that
-- every node on this database counts the same failures. Rows whose expires_at has passed are
-- equivalent to none and are purged.
CREATE TABLE IF NOT EXISTS admin_auth_failure_count (
  key_hash      VARCHAR(64) PRIMARY KEY,
  failures      INTEGER NOT NULL,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
  blocked_until TIMESTAMP WITH TIME ZONE,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS admin_auth_failure_count_expires ON admin_auth_failure_count (expires_at);
