package io.admin.auth.testkit.junit;

import io.admin.auth.testkit.TestToken;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link AdminAuthExtension} for a real access token, signed by the test key and minted on
 * the test's clock, in a {@code String} test parameter or field: the application's own verifier
 * checks it like any other token (nothing skips verification). Fields are set before each test.
 *
 * <pre>{@code
 * @Test
 * void readerMayListOrders(@WithToken(scopes = "orders:read") String token) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface WithToken {

  /**
   * The {@code sub} claim.
   *
   * @return the subject; default {@value TestToken#DEFAULT_SUBJECT}
   */
  String subject() default TestToken.DEFAULT_SUBJECT;

  /**
   * The {@code client_id} claim.
   *
   * @return the client id; default {@value TestToken#DEFAULT_CLIENT_ID}
   */
  String clientId() default TestToken.DEFAULT_CLIENT_ID;

  /**
   * The granted scopes ({@code scope} claim); none by default.
   *
   * @return the scopes, each one word without spaces; empty for a token without scopes
   */
  String[] scopes() default {};

  /**
   * Whether the value is the whole header value, {@code Bearer <token>}, instead of the token.
   *
   * @return true to inject {@code Bearer } and the token, false (the default) for the token alone
   */
  boolean bearer() default false;
}
