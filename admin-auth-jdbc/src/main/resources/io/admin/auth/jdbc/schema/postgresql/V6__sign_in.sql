-- admin-auth schema V6: signing people in: client sign-in settings, authorization codes,
-- sign-in sessions, consents (postgresql).

-- Sign-in settings of a client. Rows written before this version are machine clients: confidential,
-- first party, no display name (SignInSettings.NONE).
ALTER TABLE admin_auth_client ADD COLUMN IF NOT EXISTS public_client BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE admin_auth_client ADD COLUMN IF NOT EXISTS first_party BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE admin_auth_client ADD COLUMN IF NOT EXISTS display_name VARCHAR(255);

-- A client's redirect URIs (kind 'redirect') and post-logout redirect URIs (kind 'post_logout'),
-- in registration order (ordinal from 0). Compared by exact string, so stored as registered; up to
-- 2,000 characters each. Deleted with their client.
CREATE TABLE IF NOT EXISTS admin_auth_client_redirect_uri (
  client_id  VARCHAR(255) NOT NULL REFERENCES admin_auth_client (client_id) ON DELETE CASCADE,
  kind       VARCHAR(16) NOT NULL,
  ordinal    INTEGER NOT NULL,
  uri        VARCHAR(2000) NOT NULL,
  PRIMARY KEY (client_id, kind, ordinal)
);

-- Authorization codes by keyed hash, never the code. Redeemed codes are marked (redeemed_at), not
-- deleted, so a second use is seen as a replay; redeeming is UPDATE ... WHERE redeemed_at IS NULL.
-- Scopes space-separated. session_id is the sign-in session's identifier, never the cookie value.
CREATE TABLE IF NOT EXISTS admin_auth_authorization_code (
  code_hash       VARCHAR(128) PRIMARY KEY,
  client_id       VARCHAR(255) NOT NULL,
  redirect_uri    VARCHAR(2000) NOT NULL,
  code_challenge  VARCHAR(128) NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  scopes          VARCHAR(4000) NOT NULL,
  nonce           VARCHAR(512),
  auth_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  session_id      VARCHAR(255),
  grant_id        VARCHAR(128) NOT NULL,
  issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  redeemed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS admin_auth_authorization_code_expires
  ON admin_auth_authorization_code (expires_at);

-- Sign-in sessions by keyed hash of the session id, never the id. auth_methods: amr values,
-- space-separated.
CREATE TABLE IF NOT EXISTS admin_auth_sign_in_session (
  id_hash       VARCHAR(128) PRIMARY KEY,
  subject       VARCHAR(255) NOT NULL,
  auth_time     TIMESTAMP WITH TIME ZONE NOT NULL,
  auth_methods  VARCHAR(1000) NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS admin_auth_sign_in_session_expires
  ON admin_auth_sign_in_session (expires_at);

-- Consents, one per person and client; scopes space-separated. The primary key serves the
-- per-person listing.
CREATE TABLE IF NOT EXISTS admin_auth_consent (
  subject     VARCHAR(255) NOT NULL,
  client_id   VARCHAR(255) NOT NULL,
  scopes      VARCHAR(4000) NOT NULL,
  granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (subject, client_id)
);
