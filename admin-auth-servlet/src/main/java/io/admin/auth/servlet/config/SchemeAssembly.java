package io.admin.auth.servlet.config;

import io.admin.auth.core.federation.MultiIssuerVerifier;
import io.admin.auth.core.verify.BearerTokenVerifier;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.scheme.ApiKeyScheme;
import io.admin.auth.servlet.scheme.BasicScheme;
import io.admin.auth.servlet.scheme.BearerScheme;

/**
 * The filter and its schemes, in the documented order: Bearer (routing trusted third-party
 * issuers by {@code iss}), API key, Basic (throttled by the rate limits), then added schemes.
 * With API keys, the filter also writes their last-use times to the store while in service.
 */
final class SchemeAssembly {

  private SchemeAssembly() {}

  /**
   * @throws IllegalArgumentException when a trusted issuer is the own issuer or given twice
   */
  static AdminAuthFilter filter(AdminAuth.Builder b, AccessPolicy policy, RateLimits limits) {
    AdminAuthFilter.Builder filter = AdminAuthFilter.builder()
        .accessPolicy(policy)
        .roleMapper(b.roleMapper)
        .realm(b.realm)
        .transportSecurity(b.transport)
        .observer(b.observer);
    if (b.bearer) {
      filter.scheme(new BearerScheme(bearerVerifier(b)));
    }
    if (b.apiKeys != null) {
      filter.scheme(new ApiKeyScheme(b.apiKeys));
      // Without it the store's last_used_at never moves (docs/http-contract.md, "Management").
      filter.whileInService(b.apiKeys::startLastUsedFlushes);
    }
    if (b.basic != null) {
      filter.scheme(BasicScheme.builder(b.basic)
          .userThrottle(limits.basicPerUser())
          .addressThrottle(limits.basicPerAddress())
          .build());
    }
    limits.perPrincipal().ifPresent(filter::principalRateLimiter);
    b.extraSchemes.forEach(filter::scheme);
    return filter.build();
  }

  private static BearerTokenVerifier bearerVerifier(AdminAuth.Builder b) {
    BearerTokenVerifier own = b.bearerVerifier != null ? b.bearerVerifier : b.tokens;
    if (b.trustedIssuers.isEmpty()) {
      return own;
    }
    MultiIssuerVerifier.Builder router = MultiIssuerVerifier.builder().clock(b.clock).observer(b.observer)
        .ownIssuer(b.ownIssuer(), own);
    b.trustedIssuers.forEach(router::trust);
    try {
      return router.build();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
