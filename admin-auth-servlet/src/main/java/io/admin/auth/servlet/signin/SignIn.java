package io.admin.auth.servlet.signin;

import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.signin.ScopeDescriptions;
import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.core.store.memory.InMemorySignInSessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the library signs people in for its host application (docs/http-contract.md, "Signing
 * people in"): where the pages and endpoints live, where sign-in sessions and consents are kept,
 * and how long a sign-in lasts. Hand it to {@code AdminAuth.Builder.signIn(SignIn)}.
 *
 * <p>The stores default to per-process memory; a cluster passes the JDBC stores so that a sign-in
 * started on one node can finish on another.
 */
public final class SignIn {

  /** How long a sign-in session lasts when not configured: eight hours, one working day. */
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);

  private final SignInPaths paths;
  private final SignInSessionStore sessions;
  private final ConsentStore consents;
  private final Duration sessionTtl;
  private final LoginHook loginHook;
  private final BasicAuthenticator loginPage;
  private final ScopeDescriptions scopeDescriptions;
  private final SecureRandom random;

  private SignIn(Builder b) {
    this.paths = b.paths;
    this.sessions = b.sessions != null ? b.sessions : new InMemorySignInSessionStore();
    this.consents = b.consents != null ? b.consents : new InMemoryConsentStore();
    this.sessionTtl = b.sessionTtl;
    this.loginHook = b.loginHook;
    this.loginPage = b.loginPage;
    this.scopeDescriptions = b.scopeDescriptions;
    this.random = b.random != null ? b.random : new SecureRandom();
  }

  /**
   * A builder with the defaults: contract paths, memory stores, {@link #DEFAULT_SESSION_TTL}.
   *
   * @return a new builder, with neither a login hook nor the default login page
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where the sign-in endpoints are mapped.
   *
   * @return the paths, relative to the context path
   */
  public SignInPaths paths() {
    return paths;
  }

  /**
   * Where sign-in sessions are kept.
   *
   * @return the given store, or a per-process memory store
   */
  public SignInSessionStore sessions() {
    return sessions;
  }

  /**
   * Where remembered consents are kept.
   *
   * @return the given store, or a per-process memory store
   */
  public ConsentStore consents() {
    return consents;
  }

  /**
   * How long a sign-in session lasts after the person logs in.
   *
   * @return between one minute and 30 days; {@link #DEFAULT_SESSION_TTL} unless set
   */
  public Duration sessionTtl() {
    return sessionTtl;
  }

  /**
   * The host application's login hook, if it gave one.
   *
   * @return the hook, or empty if none was given
   */
  public Optional<LoginHook> loginHook() {
    return Optional.ofNullable(loginHook);
  }

  /**
   * The password check behind the default login page, if the page is enabled; the same users,
   * hashes and brute-force throttle as Basic.
   *
   * @return the password check, or empty if the default login page is off
   */
  public Optional<BasicAuthenticator> defaultLoginPage() {
    return Optional.ofNullable(loginPage);
  }

  /**
   * The words the consent page uses for scopes.
   *
   * @return the descriptions; {@link ScopeDescriptions#defaults()} unless set
   */
  public ScopeDescriptions scopeDescriptions() {
    return scopeDescriptions;
  }

  /**
   * The randomness of session ids and CSRF tokens.
   *
   * @return the given source, or a new {@link SecureRandom}
   */
  public SecureRandom random() {
    return random;
  }

  /** Builds {@link SignIn}. */
  public static final class Builder {
    private SignInPaths paths = SignInPaths.defaults();
    private SignInSessionStore sessions;
    private ConsentStore consents;
    private Duration sessionTtl = DEFAULT_SESSION_TTL;
    private LoginHook loginHook;
    private BasicAuthenticator loginPage;
    private ScopeDescriptions scopeDescriptions = ScopeDescriptions.defaults();
    private SecureRandom random;

    private Builder() {}

    /**
     * Asks the host application who the person is (see {@link LoginHook}); when it answers "not
     * signed in", the default login page takes over if enabled. Default: no hook.
     *
     * @param hook asked on each authorization request; not null
     * @return this builder
     */
    public Builder loginHook(LoginHook hook) {
      this.loginHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /**
     * Enables the default login page (a username and password form, CSRF-protected), checking
     * passwords with {@code authenticator}: pass the one given to {@code AdminAuth.Builder.basic}
     * so that the page and Basic share users, hashes and the brute-force throttle. Default: off.
     *
     * @param authenticator checks the user name and password the form posts; not null
     * @return this builder
     */
    public Builder defaultLoginPage(BasicAuthenticator authenticator) {
      this.loginPage = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * The consent page's words for scopes; default {@link ScopeDescriptions#defaults()}.
     *
     * @param descriptions the text shown for each scope; not null
     * @return this builder
     */
    public Builder scopeDescriptions(ScopeDescriptions descriptions) {
      this.scopeDescriptions = Objects.requireNonNull(descriptions, "descriptions");
      return this;
    }

    /**
     * Randomness for session ids and CSRF tokens; default a new {@link SecureRandom}.
     *
     * @param random the source; not null
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Endpoint paths; default {@link SignInPaths#defaults()}.
     *
     * @param paths where the endpoints and pages are mapped; not null
     * @return this builder
     */
    public Builder paths(SignInPaths paths) {
      this.paths = Objects.requireNonNull(paths, "paths");
      return this;
    }

    /**
     * Where sign-in sessions are kept; default per-process memory.
     *
     * @param store the store; a shared (database) one lets a sign-in finish on another node; not
     *     null
     * @return this builder
     */
    public Builder sessionStore(SignInSessionStore store) {
      this.sessions = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Where consents are kept; default per-process memory.
     *
     * @param store the store; a shared (database) one remembers consents across nodes and
     *     restarts; not null
     * @return this builder
     */
    public Builder consentStore(ConsentStore store) {
      this.consents = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * How long a sign-in session lasts.
     *
     * @param ttl the lifetime after the person logs in; default {@link #DEFAULT_SESSION_TTL}
     * @return this builder
     * @throws IllegalArgumentException unless between one minute and 30 days
     */
    public Builder sessionTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("sessionTtl must be between PT1M and P30D: " + ttl);
      }
      this.sessionTtl = ttl;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return new, immutable settings; memory stores and a new {@link SecureRandom} where none
     *     was given
     */
    public SignIn build() {
      return new SignIn(this);
    }
  }
}
