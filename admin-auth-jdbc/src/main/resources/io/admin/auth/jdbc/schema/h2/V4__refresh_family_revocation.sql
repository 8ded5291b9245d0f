-- admin-auth schema V4: refresh-token family revocations that outlive their rows (h2).

-- One row per revoked refresh-token family, written before the family's token rows are marked.
-- The token rows alone cannot carry the revocation: a token rotated in a refresh race is saved
-- after it, unmarked, and expires after the marked rows are purged. A row here is kept until
-- no token of its family is left.
CREATE TABLE IF NOT EXISTS admin_auth_refresh_family_revocation (
  family_id    VARCHAR(128) PRIMARY KEY,
  revoked_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Families revoked before this table existed, recorded from their marked rows.
INSERT INTO admin_auth_refresh_family_revocation (family_id, revoked_at)
SELECT t.family_id, MIN(t.revoked_at) FROM admin_auth_refresh_token t
WHERE t.revoked_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM
admin_auth_refresh_family_revocation r WHERE r.family_id = t.family_id)
GROUP BY t.family_id;
