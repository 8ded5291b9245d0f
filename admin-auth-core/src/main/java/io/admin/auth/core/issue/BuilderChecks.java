package io.admin.auth.core.issue;

import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import java.time.Duration;
import java.util.Objects;

/**
 * Every check {@link DefaultTokenServiceBuilder#build()} makes before it builds anything, kept
 * apart so the builder stays a list of settings.
 */
final class BuilderChecks {

  private BuilderChecks() {}

  /**
   * Checks every setting of {@code b}.
   *
   * @throws IllegalArgumentException or NullPointerException naming the first setting refused
   */
  static void check(DefaultTokenServiceBuilder b) {
    if (b.issuer == null || b.issuer.isBlank()) {
      throw new IllegalArgumentException("issuer is required");
    }
    if (b.audience != null && b.audience.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
    Objects.requireNonNull(b.clock, "clock");
    Objects.requireNonNull(b.signingAlgorithm, "signingAlgorithm");
    Objects.requireNonNull(b.keyRotationPolicy, "keyRotationPolicy");
    Objects.requireNonNull(b.crypto, "crypto");
    Objects.requireNonNull(b.accessTokenType, "accessTokenType");
    requirePositive(b.accessTokenTtl, "accessTokenTtl");
    if (b.accessTokenTtl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("accessTokenTtl must be at most 1 hour");
    }
    requirePositive(b.refreshTokenTtl, "refreshTokenTtl");
    requirePositive(b.authorizationCodeTtl, "authorizationCodeTtl");
    if (b.authorizationCodeTtl.compareTo(AuthorizationCodes.MAX_TTL) > 0) {
      throw new IllegalArgumentException("authorizationCodeTtl must be at most 60 seconds");
    }
    requirePositive(b.idTokenTtl, "idTokenTtl");
    if (b.idTokenTtl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("idTokenTtl must be at most 1 hour");
    }
    requirePositive(b.keyRingRefresh, "keyRingRefresh");
    if (b.keyRingRefresh.compareTo(b.keyRotationPolicy.prePublish()) >= 0) {
      throw new IllegalArgumentException("keyRingRefresh must be shorter than prePublish");
    }
    Objects.requireNonNull(b.clockSkew, "clockSkew");
    if (b.clockSkew.isNegative()
        || b.clockSkew.compareTo(AccessTokenVerifierBuilder.MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
    }
    AccessTokenVerifierBuilder.checkCacheBounds(b.verifiedTokenCacheMaxEntries,
        b.verifiedTokenCacheMaxBytes);
    if (b.secretPepper == null && hashesOutliveProcess(b)) {
      throw new IllegalArgumentException(
          "secretPepper is required with a persistent client, refresh-token or authorization-code"
              + " store");
    }
  }

  // An unset store becomes an in-memory one, which is not persistent. A persistent code store is
  // shared by nodes, which must then hash codes under one pepper.
  private static boolean hashesOutliveProcess(DefaultTokenServiceBuilder b) {
    return (b.clientStore != null && b.clientStore.persistent())
        || (b.refreshTokenStore != null && b.refreshTokenStore.persistent())
        || (b.authorizationCodeStore != null && b.authorizationCodeStore.persistent());
  }

  static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
