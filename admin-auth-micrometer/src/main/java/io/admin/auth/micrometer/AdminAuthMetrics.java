package io.admin.auth.micrometer;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.observe.KeyRotationStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;

/**
 * admin-auth's meters on a Micrometer {@link MeterRegistry}: an {@link AuthObserver} to hand to
 * every builder that takes one. Wiring, in code:
 *
 * <pre>{@code
 * AdminAuthMetrics metrics = AdminAuthMetrics.bindTo(registry);
 * DefaultTokenService tokens = DefaultTokenService.builder()...observer(metrics).build();
 * AdminAuth auth = AdminAuth.builder(tokens)...observer(metrics).build();
 * }</pre>
 *
 * or, from a properties file, {@code AdminAuthProperties.load(properties, metrics)}.
 *
 * <p>Meters (Micrometer names; a Prometheus registry writes {@code admin_auth_..._total} and
 * {@code admin_auth_authentications_seconds}):
 *
 * <table>
 *   <caption>Meters and their tags</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@value #AUTHENTICATIONS}</td><td>timer</td><td>{@code method} ({@code bearer},
 *       {@code api_key}, {@code basic}, {@code third_party}, {@code none} when no credential was
 *       sent, {@code custom} or an own scheme's name), {@code outcome} ({@code success}, {@code
 *       rejected}, {@code unavailable}), {@code error} (the contract code, such as {@code
 *       AUTH_TOKEN_EXPIRED}, or {@code none})</td><td>authentications the filter decided, and
 *       the time the scheme took</td></tr>
 *   <tr><td>{@value #TOKENS_ISSUED}</td><td>counter</td><td>{@code grant} ({@code
 *       client_credentials}, {@code authorization_code}, {@code refresh_token})</td><td>token
 *       responses issued; {@code refresh_token} is a refresh (rotation)</td></tr>
 *   <tr><td>{@value #REFRESH_REUSE}</td><td>counter</td><td>none</td><td>used refresh tokens
 *       presented again (their family was revoked)</td></tr>
 *   <tr><td>{@value #CODE_REPLAYS}</td><td>counter</td><td>none</td><td>authorization codes
 *       presented again (their tokens were revoked)</td></tr>
 *   <tr><td>{@value #REVOCATIONS}</td><td>counter</td><td>{@code kind} ({@code access_token},
 *       {@code refresh_family})</td><td>revocations</td></tr>
 *   <tr><td>{@value #TOKEN_CACHE}</td><td>counter</td><td>{@code result} ({@code hit}, {@code
 *       miss})</td><td>verified-token cache lookups</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td>{@code limit} ({@code principal},
 *       {@code token_per_address}, {@code token_per_client}, {@code
 *       client_failures_per_client}, {@code client_failures_per_address}, {@code
 *       basic_per_user}, {@code basic_per_address})</td><td>requests refused by a rate limit or
 *       failure throttle</td></tr>
 *   <tr><td>{@value #JWKS_FETCHES}</td><td>counter</td><td>{@code issuer} (a configured issuer),
 *       {@code outcome} ({@code success}, {@code failure})</td><td>JWK Set fetches</td></tr>
 *   <tr><td>{@value #KEY_ROTATIONS}</td><td>counter</td><td>{@code step} ({@code created},
 *       {@code published}, {@code activated}, {@code removed})</td><td>signing-key lifecycle
 *       steps this node performed</td></tr>
 * </table>
 *
 * <p>Promises: no tag carries a token, secret, subject, jti or client id, nor any value taken
 * from a request; every tag has a small set of values fixed by this library or by configuration
 * (trusted issuers, own scheme names). Client ids are deliberately not tags: they are bounded by
 * registration, but a deployment may register thousands, and each would multiply every series it
 * appears in; per-client activity belongs in the audit log. A verified-token cache hit increments
 * a counter registered in advance and allocates nothing. Thread-safe.
 */
public final class AdminAuthMetrics implements AuthObserver {

  /** Timer of the authentications the filter decided. */
  public static final String AUTHENTICATIONS = "admin.auth.authentications";
  /** Counter of issued token responses, by grant. */
  public static final String TOKENS_ISSUED = "admin.auth.tokens.issued";
  /** Counter of refresh-token reuse detections. */
  public static final String REFRESH_REUSE = "admin.auth.refresh.reuse";
  /** Counter of authorization-code replays. */
  public static final String CODE_REPLAYS = "admin.auth.code.replays";
  /** Counter of revocations, by kind. */
  public static final String REVOCATIONS = "admin.auth.revocations";
  /** Counter of verified-token cache lookups, by result. */
  public static final String TOKEN_CACHE = "admin.auth.token.cache";
  /** Counter of requests refused by a rate limit or failure throttle, by limit. */
  public static final String RATE_LIMITED = "admin.auth.rate.limited";
  /** Counter of JWK Set fetches, by issuer and outcome. */
  public static final String JWKS_FETCHES = "admin.auth.jwks.fetches";
  /** Counter of key lifecycle steps, by step. */
  public static final String KEY_ROTATIONS = "admin.auth.key.rotations";

  private final MeterRegistry registry;
  private final Tags common;
  private final AuthenticationTimers authentications;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Counter reuse;
  private final Counter replays;

  private AdminAuthMetrics(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
    this.authentications = new AuthenticationTimers(registry, common);
    this.cacheHits = counter(TOKEN_CACHE, "Verified-token cache lookups", "result", "hit");
    this.cacheMisses = counter(TOKEN_CACHE, "Verified-token cache lookups", "result", "miss");
    this.reuse = Counter.builder(REFRESH_REUSE).tags(common)
        .description("Used refresh tokens presented again").register(registry);
    this.replays = Counter.builder(CODE_REPLAYS).tags(common)
        .description("Authorization codes presented again").register(registry);
  }

  /**
   * The meters on {@code registry}; registers the cache and reuse counters at once, at zero.
   *
   * @param registry where every meter is registered; not null
   * @return a new observer writing to {@code registry}, with no common tags
   */
  public static AdminAuthMetrics bindTo(MeterRegistry registry) {
    return bindTo(registry, Tags.empty());
  }

  /**
   * As {@link #bindTo(MeterRegistry)}, every meter also carrying {@code commonTags} (for example
   * the application's name when several share a registry).
   *
   * @param registry where every meter is registered; not null
   * @param commonTags tags added to every meter; not null, may be empty
   * @return a new observer writing to {@code registry}
   */
  public static AdminAuthMetrics bindTo(MeterRegistry registry, Iterable<Tag> commonTags) {
    return new AdminAuthMetrics(Objects.requireNonNull(registry, "registry"),
        Tags.of(Objects.requireNonNull(commonTags, "commonTags")));
  }

  @Override
  public void authentication(String method, AuthErrorCode error, long nanos) {
    authentications.record(method, error, nanos);
  }

  @Override
  public void authenticationUnavailable(String method, long nanos) {
    authentications.recordUnavailable(method, nanos);
  }

  @Override
  public void verifiedTokenCacheHit() {
    cacheHits.increment();
  }

  @Override
  public void verifiedTokenCacheMiss() {
    cacheMisses.increment();
  }

  @Override
  public void rateLimited(String limit) {
    counter(RATE_LIMITED, "Requests refused by a rate limit or failure throttle", "limit",
        TagValues.name(limit, "other")).increment();
  }

  @Override
  public void jwksFetch(String issuer, boolean success) {
    Counter.builder(JWKS_FETCHES).description("JWK Set fetches").tags(common)
        .tag("issuer", issuer == null ? "unknown" : issuer)
        .tag("outcome", success ? "success" : "failure")
        .register(registry).increment();
  }

  @Override
  public void keyRotation(KeyRotationStep step) {
    counter(KEY_ROTATIONS, "Signing-key lifecycle steps", "step", step.tagValue()).increment();
  }

  /**
   * Counts token issuance, reuse, replays and revocations. Verification failures are not counted
   * here: the filter reports them, with their method, as {@value #AUTHENTICATIONS}.
   */
  @Override
  public void auditEvent(AuditEvent event) {
    if (event instanceof AuditEvent.TokenIssued e) {
      issued(TagValues.grant(e.grantType()));
    } else if (event instanceof AuditEvent.TokenRefreshed) {
      issued("refresh_token");
    } else if (event instanceof AuditEvent.RefreshTokenReuseDetected) {
      reuse.increment();
    } else if (event instanceof AuditEvent.AuthorizationCodeReplayDetected) {
      replays.increment();
    } else if (event instanceof AuditEvent.TokenRevoked e) {
      counter(REVOCATIONS, "Revocations", "kind", TagValues.revokedKind(e.kind())).increment();
    }
  }

  private void issued(String grant) {
    counter(TOKENS_ISSUED, "Token responses issued", "grant", grant).increment();
  }

  // Off the hot path: the registry finds the meter again (it allocates its id to look it up).
  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tags(common).tag(tag, value)
        .register(registry);
  }
}
