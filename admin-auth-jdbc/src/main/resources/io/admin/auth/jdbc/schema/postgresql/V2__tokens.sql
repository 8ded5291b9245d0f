-- admin-auth schema V2: signing keys, OAuth clients, refresh tokens, revocations (postgresql).

-- Signing keys. The private key (or HS256 secret) is sealed with AES-256-GCM under the
-- key-encryption key; the AAD binds it to kid, algorithm and public key, so none of those can be
-- changed without the KEK. public_key is NULL for symmetric keys: their secret is never stored
-- in the clear.
CREATE TABLE IF NOT EXISTS admin_auth_signing_key (
  kid                 VARCHAR(128) PRIMARY KEY,
  algorithm           VARCHAR(16) NOT NULL,
  state               VARCHAR(16) NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  activated_at        TIMESTAMP WITH TIME ZONE,
  retired_at          TIMESTAMP WITH TIME ZONE,
  public_key          BYTEA,
  private_key_sealed  BYTEA NOT NULL
);

-- OAuth clients; the secret only as a peppered hash. Scopes and grant types space-separated
-- (RFC 6749 3.3: a scope token never contains a space). TTLs in milliseconds, NULL for the service default.
CREATE TABLE IF NOT EXISTS admin_auth_client (
  client_id              VARCHAR(255) PRIMARY KEY,
  secret_hash            VARCHAR(255) NOT NULL,
  allowed_scopes         VARCHAR(4000) NOT NULL,
  grant_types            VARCHAR(1000) NOT NULL,
  refresh_for_client_credentials BOOLEAN NOT NULL,
  access_token_ttl_ms    BIGINT,
  refresh_token_ttl_ms   BIGINT
);

-- Refresh tokens by hash. Used tokens are marked (used_at), not deleted, so a second use is
-- seen as reuse; rotation is UPDATE ... WHERE used_at IS NULL AND revoked_at IS NULL.
CREATE TABLE IF NOT EXISTS admin_auth_refresh_token (
  token_hash   VARCHAR(128) PRIMARY KEY,
  family_id    VARCHAR(128) NOT NULL,
  client_id    VARCHAR(255) NOT NULL,
  subject      VARCHAR(255) NOT NULL,
  scopes       VARCHAR(4000) NOT NULL,
  issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at      TIMESTAMP WITH TIME ZONE,
  revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS admin_auth_refresh_token_family ON admin_auth_refresh_token (family_id);
CREATE INDEX IF NOT EXISTS admin_auth_refresh_token_expires ON admin_auth_refresh_token (expires_at);

-- Revoked access tokens (by jti) and refresh-token families, each kept until no token they
-- cover can verify any more; then purged.
CREATE TABLE IF NOT EXISTS admin_auth_revoked_token (
  jti          VARCHAR(255) PRIMARY KEY,
  keep_until   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS admin_auth_revoked_token_keep ON admin_auth_revoked_token (keep_until);
CREATE TABLE IF NOT EXISTS admin_auth_revoked_family (
  family_id    VARCHAR(128) PRIMARY KEY,
  keep_until   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS admin_auth_revoked_family_keep ON admin_auth_revoked_family (keep_until);
