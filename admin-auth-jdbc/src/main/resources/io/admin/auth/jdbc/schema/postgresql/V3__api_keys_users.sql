-- admin-auth schema V3: API keys and Basic-auth users (postgresql).

-- API keys: metadata and peppered hashes of the current and (during a rotation grace period)
-- previous secret; never a secret. Scopes space-separated.
CREATE TABLE IF NOT EXISTS admin_auth_api_key (
  id                          VARCHAR(64) PRIMARY KEY,
  name                        VARCHAR(255) NOT NULL,
  owner                       VARCHAR(255) NOT NULL,
  scopes                      VARCHAR(4000) NOT NULL,
  created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at                  TIMESTAMP WITH TIME ZONE,
  last_used_at                TIMESTAMP WITH TIME ZONE,
  revoked_at                  TIMESTAMP WITH TIME ZONE,
  secret_hash                 VARCHAR(255) NOT NULL,
  previous_secret_hash        VARCHAR(255),
  previous_secret_expires_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS admin_auth_api_key_owner ON admin_auth_api_key (owner, created_at, id);
CREATE INDEX IF NOT EXISTS admin_auth_api_key_created ON admin_auth_api_key (created_at, id);

-- Basic-auth users; the password only as an Argon2id or bcrypt hash.
CREATE TABLE IF NOT EXISTS admin_auth_user (
  name           VARCHAR(255) PRIMARY KEY,
  password_hash  VARCHAR(1000) NOT NULL,
  scopes         VARCHAR(4000) NOT NULL,
  disabled       BOOLEAN NOT NULL
);
