package io.admin.auth.core.signin;

import io.admin.auth.core.spi.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenID Connect scopes and the standard claims each releases (OpenID Connect Core 1.0
 * sections 5.1 and 5.4). A claim reaches an ID token or a UserInfo answer only when the person has
 * it and a scope that releases it was granted. Stateless and thread-safe.
 */
public final class StandardClaims {

  /** Asks for an ID token; required for UserInfo. */
  public static final String OPENID = "openid";
  /** Releases the profile claims. */
  public static final String PROFILE = "profile";
  /** Releases {@code email} and {@code email_verified}. */
  public static final String EMAIL = "email";
  /** Releases {@code address}. */
  public static final String ADDRESS = "address";
  /** Releases {@code phone_number} and {@code phone_number_verified}. */
  public static final String PHONE = "phone";
  /** Asks for a refresh token (OpenID Connect Core 1.0 section 11). */
  public static final String OFFLINE_ACCESS = "offline_access";

  /** The claims each scope releases, in the order they are written. */
  public static final Map<String, List<String>> BY_SCOPE = Map.of(
      PROFILE, List.of("name", "family_name", "given_name", "middle_name", "nickname",
          "preferred_username", "profile", "picture", "website", "gender", "birthdate",
          "zoneinfo", "locale", "updated_at"),
      EMAIL, List.of("email", "email_verified"),
      ADDRESS, List.of("address"),
      PHONE, List.of("phone_number", "phone_number_verified"));

  private static final List<String> SCOPE_ORDER = List.of(PROFILE, EMAIL, ADDRESS, PHONE);

  private StandardClaims() {}

  /**
   * The claims of {@code person} that {@code scopes} release, in a fixed order (profile, email,
   * address, phone); never {@code sub}, never a claim no granted scope releases.
   *
   * @param person the person whose claims are read
   * @param scopes the granted scopes, e.g. {@code profile} and {@code email}
   * @return the released claims, possibly none
   */
  public static Map<String, Object> released(Person person, Set<String> scopes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String scope : SCOPE_ORDER) {
      if (!scopes.contains(scope)) {
        continue;
      }
      for (String name : BY_SCOPE.get(scope)) {
        Object value = person.claims().get(name);
        if (value != null) {
          out.put(name, value);
        }
      }
    }
    return out;
  }
}
