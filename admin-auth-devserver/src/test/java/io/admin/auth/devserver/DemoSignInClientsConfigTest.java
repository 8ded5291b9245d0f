package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeded sign-in clients' settings (docs/http-contract.md, "The dev server"). */
class DemoSignInClientsConfigTest {

  private static DevServerConfig valid(List<String> args, Map<String, String> env) {
    ConfigResult r = DevServerConfig.parse(args, env);
    return assertInstanceOf(ConfigResult.Valid.class, r, r::toString).config();
  }

  private static ConfigResult.Invalid invalid(List<String> args, Map<String, String> env) {
    ConfigResult r = DevServerConfig.parse(args, env);
    return assertInstanceOf(ConfigResult.Invalid.class, r, r::toString);
  }

  @Test
  void parseWhenNothingGivenThenContractDefaults() {
    DemoSignInClients c = valid(List.of(), Map.of()).signInClients();

    assertEquals(List.of("http://localhost:8080/demo/callback"), c.spaRedirectUrisFor(8080));
    assertEquals("demo-partner", c.partnerId());
    assertEquals(Optional.empty(), c.partnerSecret());
    assertEquals(List.of("http://127.0.0.1:9999/callback"), c.partnerRedirectUris());
  }

  @Test
  void parseWhenVariablesSetThenEachIsRead() {
    DemoSignInClients c = valid(List.of(), Map.of(
        "ADMIN_AUTH_DEMO_SPA_REDIRECT_URIS", "https://spa.example/cb, http://127.0.0.1:3000/cb",
        "ADMIN_AUTH_DEMO_PARTNER_ID", "acme",
        "ADMIN_AUTH_DEMO_PARTNER_SECRET", "partner-secret-0123456789",
        "ADMIN_AUTH_DEMO_PARTNER_REDIRECT_URIS", "com.example.app:/cb")).signInClients();

    assertEquals(List.of("https://spa.example/cb", "http://127.0.0.1:3000/cb"),
        c.spaRedirectUrisFor(8080));
    assertEquals("acme", c.partnerId());
    assertEquals(Optional.of("partner-secret-0123456789"), c.partnerSecret());
    assertEquals(List.of("com.example.app:/cb"), c.partnerRedirectUris());
  }

  @Test
  void parseWhenFlagAndVariableThenFlagWins() {
    DemoSignInClients c = valid(List.of("--demo-partner-id", "by-flag",
            "--demo-spa-redirect-uris", "https://flag.example/cb"),
        Map.of("ADMIN_AUTH_DEMO_PARTNER_ID", "by-env",
            "ADMIN_AUTH_DEMO_SPA_REDIRECT_URIS", "https://env.example/cb")).signInClients();

    assertEquals("by-flag", c.partnerId());
    assertEquals(List.of("https://flag.example/cb"), c.spaRedirectUrisFor(1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ADMIN_AUTH_DEMO_SPA_REDIRECT_URIS|http://spa.example/cb|not loopback",
      "ADMIN_AUTH_DEMO_PARTNER_REDIRECT_URIS|https://p.example/cb#x|fragment",
      "ADMIN_AUTH_DEMO_PARTNER_REDIRECT_URIS|' , '|at least one",
      "ADMIN_AUTH_DEMO_PARTNER_SECRET|short|at least 16",
      "ADMIN_AUTH_DEMO_PARTNER_ID|demo-spa|another seeded client",
      "ADMIN_AUTH_DEMO_PARTNER_ID|demo-client|another seeded client",
  })
  void parseWhenValueRefusedThenInvalidNamingTheVariable(String variable, String value,
      String why) {
    ConfigResult.Invalid bad = invalid(List.of(), Map.of(variable, value));

    assertTrue(bad.describe().contains(variable), bad::describe);
    assertTrue(bad.describe().contains(why), bad::describe);
  }

  @Test
  void parseWhenSecretRefusedThenItIsNotEchoed() {
    ConfigResult.Invalid bad = invalid(List.of("--demo-partner-secret", "tooShort"), Map.of());

    assertTrue(bad.describe().contains("--demo-partner-secret"), bad::describe);
    assertFalse(bad.describe().contains("tooShort"), bad::describe);
  }

  @Test
  void parseWhenDemoClientTakesASignInClientIdThenInvalidNamingIt() {
    ConfigResult.Invalid bad = invalid(List.of("--demo-client-id", "demo-partner"), Map.of());

    assertTrue(bad.describe().contains("--demo-client-id"), bad::describe);
  }

  @Test
  void toStringWhenSecretConfiguredThenMasked() {
    DevServerConfig c = valid(List.of("--demo-partner-secret", "partner-secret-0123456789"),
        Map.of());

    assertFalse(c.toString().contains("partner-secret-0123456789"), c::toString);
  }

  @Test
  void usageWhenPrintedThenListsEverySignInSetting() {
    String usage = DevServerConfig.usage();

    for (String s : List.of("--demo-spa-redirect-uris", "ADMIN_AUTH_DEMO_SPA_REDIRECT_URIS",
        "--demo-partner-id", "--demo-partner-secret", "--demo-partner-redirect-uris")) {
      assertTrue(usage.contains(s), s);
    }
  }
}
