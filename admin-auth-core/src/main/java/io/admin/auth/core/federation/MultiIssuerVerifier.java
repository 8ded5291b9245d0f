package io.admin.auth.core.federation;

import io.admin.auth.core.observe.AuthObserver;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Routes each bearer token to the one verifier of the issuer it names: this library's own issuer
 * and any number of {@link TrustedIssuer}s side by side.
 *
 * <p>The {@code iss} claim is read from the <em>unverified</em> payload only to choose the
 * verifier; that verifier then checks the token with its own keys and algorithms alone, so a
 * token cannot borrow another issuer's key (a {@code kid} of issuer A in a token claiming issuer B
 * is unknown to B and rejected). A token naming no configured issuer, or none at all, is
 * {@code AUTH_TOKEN_INVALID} without any network traffic. Thread-safe; immutable once built.
 */
public final class MultiIssuerVerifier implements BearerTokenVerifier {

  private final Map<String, BearerTokenVerifier> byIssuer;
  private final Map<String, FederatedTokenVerifier> federated;

  private MultiIssuerVerifier(Map<String, BearerTokenVerifier> byIssuer,
      Map<String, FederatedTokenVerifier> federated) {
    this.byIssuer = Collections.unmodifiableMap(new LinkedHashMap<>(byIssuer));
    this.federated = Collections.unmodifiableMap(new LinkedHashMap<>(federated));
  }

  /**
   * A builder; at least one issuer must be added.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every issuer tokens are accepted from, in configuration order.
   *
   * @return the issuer URLs; never empty
   */
  public Set<String> issuers() {
    return byIssuer.keySet();
  }

  @Override
  public AuthOutcome verify(String accessToken) {
    Optional<SignedJWT> jwt = FederatedTokenVerifier.parse(accessToken);
    if (jwt.isEmpty()) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, "The access token is malformed.");
    }
    String iss;
    try {
      iss = jwt.get().getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, "The access token is malformed.");
    }
    if (iss == null || !byIssuer.containsKey(iss)) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID,
          "The access token is not from a trusted issuer.");
    }
    FederatedTokenVerifier third = federated.get(iss);
    return third != null ? third.verifyParsed(jwt.get()) : byIssuer.get(iss).verify(accessToken);
  }

  /** Collects issuers; {@link #build()} refuses duplicates and an empty set. */
  public static final class Builder {
    private final Map<String, BearerTokenVerifier> own = new LinkedHashMap<>();
    private final Map<String, FederatedTokenVerifier> federated = new LinkedHashMap<>();
    private final Map<String, TrustedIssuer> pending = new LinkedHashMap<>();
    private final Set<String> order = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private HttpClient client;
    private AuthObserver observer = AuthObserver.noop();
    private String duplicate;

    private Builder() {}

    /**
     * Tokens whose {@code iss} is {@code issuer} go to {@code verifier} (typically the
     * TokenService).
     *
     * @param issuer the exact {@code iss} of this library's tokens
     * @param verifier the verifier of those tokens
     * @return this builder
     */
    public Builder ownIssuer(String issuer, BearerTokenVerifier verifier) {
      name(Objects.requireNonNull(issuer, "issuer"));
      own.put(issuer, Objects.requireNonNull(verifier, "verifier"));
      return this;
    }

    /**
     * Trusts a third-party issuer; its verifier is created in {@link #build()}.
     *
     * @param issuer the issuer and how to check its tokens
     * @return this builder
     */
    public Builder trust(TrustedIssuer issuer) {
      name(issuer.issuer());
      pending.put(issuer.issuer(), issuer);
      return this;
    }

    /**
     * Trusts a third-party issuer through an existing verifier.
     *
     * @param verifier the ready verifier of one issuer
     * @return this builder
     */
    public Builder trust(FederatedTokenVerifier verifier) {
      name(verifier.trustedIssuer().issuer());
      federated.put(verifier.trustedIssuer().issuer(), verifier);
      return this;
    }

    /**
     * The clock for verifiers created from {@link TrustedIssuer}s (system UTC by default).
     *
     * @param value the clock of expiry checks and cache freshness
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * One HTTP client shared by verifiers created here (by default one per issuer).
     *
     * @param value the HTTP client, which should not follow redirects
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      client = Objects.requireNonNull(value, "client");
      return this;
    }

    /**
     * Told of every JWK Set fetch of the verifiers created here from {@link TrustedIssuer}s
     * (default {@link AuthObserver#noop()}); a verifier given ready-made keeps its own.
     *
     * @param value told of every JWK Set fetch; required
     * @return this builder
     */
    public Builder observer(AuthObserver value) {
      observer = Objects.requireNonNull(value, "observer");
      return this;
    }

    /**
     * The router; throws {@link IllegalStateException} when empty or an issuer is given twice.
     *
     * @return the router over every issuer added
     */
    public MultiIssuerVerifier build() {
      if (duplicate != null) {
        throw new IllegalStateException("issuer configured twice: " + duplicate);
      }
      if (order.isEmpty()) {
        throw new IllegalStateException("no issuer configured");
      }
      Map<String, FederatedTokenVerifier> thirdParty = new LinkedHashMap<>(federated);
      pending.forEach((iss, config) -> thirdParty.put(iss,
          FederatedTokenVerifier.create(config, clock, client, observer)));
      Map<String, BearerTokenVerifier> routes = new LinkedHashMap<>();
      for (String iss : order) {
        routes.put(iss, own.containsKey(iss) ? own.get(iss) : thirdParty.get(iss));
      }
      return new MultiIssuerVerifier(routes, thirdParty);
    }

    private void name(String issuer) {
      if (!order.add(issuer) && duplicate == null) {
        duplicate = issuer;
      }
    }
  }
}
