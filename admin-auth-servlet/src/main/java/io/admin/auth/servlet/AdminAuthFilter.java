package io.admin.auth.servlet;

import io.admin.auth.servlet.internal.RequestPaths;
import io.admin.auth.servlet.error.Challenge;

import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.scheme.AuthScheme;
import io.admin.auth.servlet.access.RoleMapper;
import io.admin.auth.servlet.access.TransportSecurity;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RateLimiter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The authentication filter: an ordered list of {@link AuthScheme}s, an {@link AccessPolicy}, a
 * {@link RoleMapper} and one {@link AuthErrorRenderer}. It holds no protocol logic of its own.
 *
 * <p>Per request: (1) refuse plain HTTP if {@link TransportSecurity} requires it (400); (2)
 * canonicalize the raw path and refuse ambiguous ones (400, before any rule is looked up); (3)
 * pass a CORS preflight ({@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method}) untouched to the application's CORS handling, which must answer
 * it without revealing protected data; ask the policy; public requests pass untouched; (4) ask every scheme; more than one credential
 * (or more than one {@code Authorization} header) is 400 {@code AUTH_REQUEST_INVALID}, except
 * that a scheme which {@linkplain AuthScheme#yieldsToOtherCredentials() yields} is ignored beside
 * another credential; none is
 * 401 {@code AUTH_CREDENTIALS_MISSING} with one challenge per scheme; a rejection is rendered as
 * the scheme's error; (5) if a per-principal {@link RateLimiter} is configured, take a permit
 * keyed {@code <auth_method>:<identity>} (429 {@code AUTH_RATE_LIMITED} with {@code Retry-After}
 * when none is left); (6) check scopes (403 {@code AUTH_INSUFFICIENT_SCOPE}); (7) pass on an
 * {@link AuthenticatedRequest}, with the principal under {@link #PRINCIPAL_ATTRIBUTE} and the
 * identity ({@link AuthPrincipal#identity()}) and client id in the SLF4J MDC, which are removed afterwards. A scheme that cannot
 * check ({@link AuthUnavailableException}) gives 503, never 401.
 *
 * <p>Two credentials are a 400, not a 401: RFC 6750 section 3.1 names {@code invalid_request}
 * (400) for a request that "uses more than one method for including an access token", and the
 * contract's {@code AUTH_REQUEST_INVALID} is 400; a 401 would invite the client to retry with
 * yet another credential.
 *
 * <p>Each authentication a scheme decides, and each request without a credential, is told to
 * the {@link Builder#observer observer} (for metrics) with the scheme's method name, the error
 * code and the time the scheme took.
 *
 * <p>Work given to {@link Builder#whileInService} (such as writing API key last-use times) runs
 * from the container's {@link #init} to its {@link #destroy}. Thread-safe; immutable apart from
 * that work.
 */
public final class AdminAuthFilter implements Filter {

  /** Request attribute holding the authenticated {@link io.admin.auth.core.AuthPrincipal}. */
  public static final String PRINCIPAL_ATTRIBUTE = "io.admin.auth.principal";

  /** MDC key of the authenticated identity (the subject, issuer-qualified for third parties). */
  public static final String MDC_SUBJECT = "auth.subject";

  /** MDC key of the authenticated client id (absent when there is none, e.g. Basic). */
  public static final String MDC_CLIENT_ID = "auth.client_id";

  /** The method name told to the observer for a request that carried no credential. */
  public static final String NO_METHOD = "none";

  private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);

  private final List<AuthScheme> schemes;
  private final AccessPolicy policy;
  private final RoleMapper roleMapper;
  private final AuthErrorRenderer renderer;
  private final TransportSecurity transport;
  private final RateLimiter perPrincipal;
  private final BackgroundWork background;
  private final AuthObserver observer;

  private AdminAuthFilter(Builder b) {
    this.observer = b.observer;
    this.schemes = List.copyOf(b.schemes);
    this.policy = b.policy;
    this.roleMapper = b.roleMapper;
    this.renderer = b.renderer;
    this.transport = b.transport;
    this.perPrincipal = b.perPrincipal;
    this.background = new BackgroundWork(b.inService);
  }

  /**
   * A new builder.
   *
   * @return an empty builder, with no scheme and no access policy yet
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The schemes, in the order they are asked.
   *
   * @return an unmodifiable list, never empty
   */
  public List<AuthScheme> schemes() {
    return schemes;
  }

  /** Starts the {@link Builder#whileInService} work; the container calls it before any request. */
  @Override
  public void init(FilterConfig config) {
    background.start();
  }

  /** Stops the {@link Builder#whileInService} work; the container calls it when it stops. */
  @Override
  public void destroy() {
    background.stop();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    Verdict verdict;
    try {
      verdict = authorize(request, response);
    } catch (AuthUnavailableException e) {
      LOG.warn("Authentication unavailable: {}", e.getMessage());
      renderer.unavailable(response);
      return;
    } catch (RuntimeException e) {
      LOG.error("Authentication failed unexpectedly", e);
      renderer.internalError(response);
      return;
    }
    if (verdict instanceof Verdict.Pass) {
      chain.doFilter(request, response);
    } else if (verdict instanceof Verdict.Allowed allowed) {
      proceed(request, response, chain, allowed.principal());
    }
    // Verdict.Answered: the error response has been written.
  }

  private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      AuthPrincipal p) throws IOException, ServletException {
    AuthenticatedRequest wrapped = new AuthenticatedRequest(request, p, roleMapper.roles(p));
    wrapped.setAttribute(PRINCIPAL_ATTRIBUTE, p);
    MDC.put(MDC_SUBJECT, p.identity());
    if (p.clientId() != null) {
      MDC.put(MDC_CLIENT_ID, p.clientId());
    }
    try {
      chain.doFilter(wrapped, response);
    } finally {
      MDC.remove(MDC_SUBJECT);
      MDC.remove(MDC_CLIENT_ID);
    }
  }

  /** What {@link #authorize} decided. */
  private sealed interface Verdict {
    /** Public: pass on unwrapped. */
    record Pass() implements Verdict {}

    /** Authenticated and allowed. */
    record Allowed(AuthPrincipal principal) implements Verdict {}

    /** An error response was written. */
    record Answered() implements Verdict {}
  }

  private static final Verdict PASS = new Verdict.Pass();
  private static final Verdict ANSWERED = new Verdict.Answered();

  private Verdict authorize(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!transport.permits(request)) {
      return answer(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "HTTPS is required."), List.of());
    }
    Optional<String> path = RequestPaths.canonicalPath(request);
    if (path.isEmpty()) {
      return answer(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "The request path is ambiguous."), List.of());
    }
    if (isCorsPreflight(request)) {
      // A browser sends a preflight without credentials and cannot add any; answering it 401
      // would block every cross-origin call. The application's CORS handling answers it.
      return PASS;
    }
    AccessPolicy.Decision decision = policy.decide(request.getMethod(), path.get());
    if (decision instanceof AccessPolicy.Decision.Public) {
      return PASS;
    }
    if (moreThanOne(request.getHeaders("Authorization"))) {
      return answer(response, twoCredentials(), List.of());
    }
    // Look before checking: with two credentials, neither is checked (no signature, no password
    // hash, no throttle failure), the request is simply refused.
    AuthScheme presented = null;
    AuthScheme yielding = null;
    for (AuthScheme scheme : schemes) {
      if (scheme.presentIn(request)) {
        if (scheme.yieldsToOtherCredentials()) {
          yielding = yielding == null ? scheme : yielding;
          continue;
        }
        if (presented != null) {
          return answer(response, twoCredentials(), List.of());
        }
        presented = scheme;
      }
    }
    if (presented == null) {
      presented = yielding;
    }
    AuthOutcome outcome = presented == null ? null : authenticate(presented, request);
    if (outcome == null || outcome instanceof AuthOutcome.NotApplicable) {
      observer.authentication(NO_METHOD, AuthErrorCode.AUTH_CREDENTIALS_MISSING, 0L);
      List<Challenge> challenges = new ArrayList<>();
      for (AuthScheme s : schemes) {
        Challenge c = s.challenge(renderer.realm());
        // The session cookie scheme challenges as Bearer too; one such challenge is enough.
        if (!challenges.contains(c)) {
          challenges.add(c);
        }
      }
      return answer(response, AuthError.of(AuthErrorCode.AUTH_CREDENTIALS_MISSING,
          "Authentication is required to access this resource."), challenges);
    }
    if (outcome instanceof AuthOutcome.Rejected r) {
      return answer(response, r.error(), List.of(presented.challenge(renderer.realm(), r.error())));
    }
    AuthPrincipal p = ((AuthOutcome.Authenticated) outcome).principal();
    if (perPrincipal != null) {
      RateLimitDecision limit = perPrincipal.tryAcquire(p.method().wireName() + ":" + p.identity());
      if (!limit.allowed()) {
        return answer(response, limit.toAuthError(), List.of());
      }
    }
    Set<String> required = decision instanceof AccessPolicy.Decision.Authenticate a
        ? a.requiredScopes() : Set.of();
    if (decision instanceof AccessPolicy.Decision.Deny || !p.hasScopes(required)) {
      String msg = decision instanceof AccessPolicy.Decision.Deny
          ? "No access rule allows this request."
          : "The access token does not grant the scopes this resource requires.";
      return answer(response, new AuthError(AuthErrorCode.AUTH_INSUFFICIENT_SCOPE, msg,
          Map.of("required_scopes", List.copyOf(new TreeSet<>(required)))), List.of());
    }
    return new Verdict.Allowed(p);
  }

  /** The scheme's answer, told to the observer with the time it took. */
  private AuthOutcome authenticate(AuthScheme scheme, HttpServletRequest request) {
    if (observer == AuthObserver.noop()) {
      // Without metrics the request path stays as it was: no clock reads, no calls.
      return scheme.authenticate(request);
    }
    long start = System.nanoTime();
    AuthOutcome outcome;
    try {
      outcome = scheme.authenticate(request);
    } catch (AuthUnavailableException e) {
      observer.authenticationUnavailable(scheme.methodName(), System.nanoTime() - start);
      throw e;
    }
    long nanos = System.nanoTime() - start;
    if (outcome instanceof AuthOutcome.Rejected r) {
      observer.authentication(scheme.methodName(), r.error().code(), nanos);
    } else if (outcome instanceof AuthOutcome.Authenticated a) {
      observer.authentication(a.principal().thirdParty() ? AuthObserver.THIRD_PARTY
          : scheme.methodName(), null, nanos);
    }
    return outcome;
  }

  /**
   * Whether {@code values} has a second element. Stops there: copying every value into a list,
   * as {@code Collections.list} does, showed in an HTTP profile of every protected request.
   */
  static boolean moreThanOne(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return false;
    }
    values.nextElement();
    return values.hasMoreElements();
  }

  /** A CORS preflight (Fetch standard): {@code OPTIONS} with {@code Origin} and the method asked for. */
  private static boolean isCorsPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
        && request.getHeader("Access-Control-Request-Method") != null;
  }

  private Verdict answer(HttpServletResponse response, AuthError error, List<Challenge> challenges)
      throws IOException {
    renderer.render(response, error, challenges);
    return ANSWERED;
  }

  private static AuthError twoCredentials() {
    return AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
        "The request carries more than one credential; send exactly one.");
  }

  /** Builds an {@link AdminAuthFilter}; {@link #build()} validates. */
  public static final class Builder {
    private final List<AuthScheme> schemes = new ArrayList<>();
    private AccessPolicy policy;
    private RoleMapper roleMapper = RoleMapper.scopesAsRoles();
    private AuthErrorRenderer renderer = new AuthErrorRenderer("admin");
    private TransportSecurity transport = TransportSecurity.none();
    private RateLimiter perPrincipal;
    private AuthObserver observer = AuthObserver.noop();
    private final List<Supplier<? extends AutoCloseable>> inService = new ArrayList<>();

    private Builder() {}

    /**
     * Work to run while the filter is in service: {@code starter} is called when the container
     * initialises the filter, and what it returns is closed when the container destroys it.
     *
     * @param starter starts the work and returns what stops it; not null; may be given several,
     *     each started in turn
     * @return this builder
     */
    public Builder whileInService(Supplier<? extends AutoCloseable> starter) {
      inService.add(Objects.requireNonNull(starter, "starter"));
      return this;
    }

    /**
     * Limits requests per authenticated principal on protected paths (key {@code
     * <auth_method>:<subject>}); default none.
     *
     * @param limiter the limiter asked for a permit once per authenticated request; not null
     * @return this builder
     */
    public Builder principalRateLimiter(RateLimiter limiter) {
      this.perPrincipal = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Told of every authentication the filter decides (method, error code or none, and the time
     * the scheme took), for metrics; default {@link AuthObserver#noop()}. The per-principal rate
     * limiter reports its own refusals: give it {@link RateLimiter#observed} for those.
     *
     * @param observer the observer; not null
     * @return this builder
     */
    public Builder observer(AuthObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * Appends a scheme; schemes are asked in the order added.
     *
     * @param scheme the scheme to ask after those added before; not null
     * @return this builder
     */
    public Builder scheme(AuthScheme scheme) {
      schemes.add(Objects.requireNonNull(scheme, "scheme"));
      return this;
    }

    /**
     * The access policy (required).
     *
     * @param policy decides per request whether it is public or which scopes it needs; not null
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Scope to role mapping for {@code isUserInRole}; default {@link RoleMapper#scopesAsRoles()}.
     *
     * @param roleMapper gives the roles of each authenticated principal; not null
     * @return this builder
     */
    public Builder roleMapper(RoleMapper roleMapper) {
      this.roleMapper = Objects.requireNonNull(roleMapper, "roleMapper");
      return this;
    }

    /**
     * The realm of every challenge; default {@code admin}.
     *
     * @param realm the {@code realm} parameter of each {@code WWW-Authenticate} challenge; not null
     * @return this builder
     */
    public Builder realm(String realm) {
      this.renderer = new AuthErrorRenderer(realm);
      return this;
    }

    /**
     * HTTPS enforcement; default {@link TransportSecurity#none()}.
     *
     * @param transport which requests must arrive over HTTPS; not null
     * @return this builder
     */
    public Builder transportSecurity(TransportSecurity transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The filter.
     *
     * @return a new, immutable filter with the schemes and settings given so far
     * @throws IllegalStateException without a scheme or without an access policy
     */
    public AdminAuthFilter build() {
      if (schemes.isEmpty()) {
        throw new IllegalStateException("at least one AuthScheme is required");
      }
      if (policy == null) {
        throw new IllegalStateException("an AccessPolicy is required");
      }
      return new AdminAuthFilter(this);
    }
  }
}
