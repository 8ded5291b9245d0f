package io.admin.auth.tck;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClientStore} must have, {@link SignInSettings} included (redirect URIs
 * kept in registration order, as {@code docs/http-contract.md}, "Signing people in", compares
 * them by exact string); store modules extend it.
 */
public abstract class ClientStoreContract {

  /** For the subclass that supplies the store under test. */
  protected ClientStoreContract() {}

  /** A fresh store from {@link #newStore()} for each test. */
  protected ClientStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract ClientStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A client for the tests.
   *
   * @param id the client id
   * @param scopes the scopes it may ask for
   * @return the client
   */
  protected static OAuthClient client(String id, Set<String> scopes) {
    return new OAuthClient(id, "hmac-sha256:abc", scopes,
        Set.of("client_credentials", "refresh_token"), true, Duration.ofMinutes(5), null);
  }

  @Test
  void findByIdWhenSavedThenEqual() {
    OAuthClient c = client("a", Set.of("users:read"));
    store.save(c);
    assertEquals(c, store.findById("a").orElseThrow());
  }

  @Test
  void findByIdWhenUnknownThenEmpty() {
    assertTrue(store.findById("zzz").isEmpty());
  }

  @Test
  void saveWhenSameIdThenReplaced() {
    store.save(client("a", Set.of("users:read")));
    store.save(client("a", Set.of("users:write")));
    assertEquals(Set.of("users:write"), store.findById("a").orElseThrow().allowedScopes());
    assertEquals(1, store.findAll().size());
  }

  @Test
  void deleteWhenPresentThenGone() {
    store.save(client("a", Set.of()));
    assertTrue(store.delete("a"));
    assertFalse(store.delete("a"));
    assertTrue(store.findById("a").isEmpty());
  }

  /**
   * A public native app: no secret, a redirect URI of every kind, non-ASCII display name.
   *
   * @param id the client id
   * @return a client allowed the authorization-code and refresh-token grants only
   */
  protected static OAuthClient publicApp(String id) {
    return new OAuthClient(id, "", Set.of("openid", "profile", "offline_access"),
        Set.of("authorization_code", "refresh_token"), false, null, null,
        new SignInSettings(true, List.of("https://app.example/cb?tenant=b&x=%20",
            "com.example.app:/oauth2redirect", "http://127.0.0.1/callback",
            "http://[::1]/callback", "https://app.example/a"),
            List.of("https://app.example/bye", "https://app.example/"), false,
            "Zürich Ærø café – 日本語 ✓"));
  }

  @Test
  void findByIdWhenPublicSignInClientThenSettingsRoundTripInRegistrationOrder() {
    OAuthClient c = publicApp("native-app");
    store.save(c);
    OAuthClient found = store.findById("native-app").orElseThrow();
    assertEquals(c, found);
    assertTrue(found.isPublic());
    assertEquals("", found.secretHash());
    assertEquals(c.signIn().redirectUris(), found.signIn().redirectUris());
    assertEquals(c.signIn().postLogoutRedirectUris(), found.signIn().postLogoutRedirectUris());
    assertFalse(found.signIn().firstParty());
    assertEquals("Zürich Ærø café – 日本語 ✓", found.signIn().displayName());
  }

  @Test
  void findByIdWhenConfidentialFirstPartyWebAppThenSettingsRoundTrip() {
    OAuthClient c = client("web-app", Set.of("openid", "email")).withSignIn(new SignInSettings(
        false, List.of("https://web.example/z", "https://web.example/a"), List.of(), true, null));
    store.save(c);
    assertEquals(c, store.findById("web-app").orElseThrow());
  }

  @Test
  void findByIdWhenMachineClientThenSignInIsNone() {
    store.save(client("svc", Set.of("users:read")));
    OAuthClient found = store.findById("svc").orElseThrow();
    assertEquals(SignInSettings.NONE, found.signIn());
    assertFalse(found.signIn().signsPeopleIn());
  }

  /** Redirect URIs of up to 2,000 characters must fit. */
  @Test
  void findByIdWhenLongestRedirectUriThenRoundTrips() {
    String uri = "https://app.example/" + "p".repeat(2000 - 20);
    OAuthClient c = publicApp("native-app").withSignIn(
        new SignInSettings(true, List.of(uri), List.of(uri), false, "d".repeat(255)));
    store.save(c);
    assertEquals(c, store.findById("native-app").orElseThrow());
  }

  @Test
  void saveWhenSignInSettingsChangeThenOnlyTheNewOnesRemain() {
    store.save(publicApp("native-app"));
    OAuthClient fewer = publicApp("native-app").withSignIn(new SignInSettings(true,
        List.of("http://127.0.0.1/callback"), List.of(), true, null));
    store.save(fewer);
    assertEquals(fewer, store.findById("native-app").orElseThrow());

    OAuthClient machine = client("native-app", Set.of("users:read"));
    store.save(machine);
    assertEquals(machine, store.findById("native-app").orElseThrow());
  }

  @Test
  void findAllWhenSeveralSignInClientsThenEachKeepsItsOwnUris() {
    OAuthClient a = publicApp("a-app");
    OAuthClient b = client("b-web", Set.of("openid")).withSignIn(new SignInSettings(false,
        List.of("https://b.example/cb"), List.of("https://b.example/out"), false, "B"));
    OAuthClient c = client("c-svc", Set.of("users:read"));
    store.save(c);
    store.save(b);
    store.save(a);
    Map<String, OAuthClient> all = store.findAll().stream()
        .collect(Collectors.toMap(OAuthClient::clientId, Function.identity()));
    assertEquals(Map.of("a-app", a, "b-web", b, "c-svc", c), all);
  }

  @Test
  void deleteWhenSignInClientThenItsUrisGoWithIt() {
    store.save(publicApp("native-app"));
    assertTrue(store.delete("native-app"));
    assertTrue(store.findById("native-app").isEmpty());
    OAuthClient reused = client("native-app", Set.of());
    store.save(reused);
    assertEquals(SignInSettings.NONE, store.findById("native-app").orElseThrow().signIn());
  }
}
