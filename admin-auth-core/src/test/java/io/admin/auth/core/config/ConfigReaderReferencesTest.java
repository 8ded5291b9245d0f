package io.admin.auth.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${env:...}} and {@code ${file:...}} references: secrets that never sit in the file. */
class ConfigReaderReferencesTest {

  private static final String P = "app.";
  private static final Map<String, String> ENV =
      Map.of("APP_PEPPER", "c2VjcmV0LXBlcHBlcg", "APP_TTL", "PT5M", "APP_BLANK", "  ");

  private static ConfigReader reader(Map<String, String> settings) {
    return ConfigReader.of(settings, P)
        .withSource("env", ReferenceSource.environment(ENV::get));
  }

  @Test
  void stringWhenEnvReferenceThenTheVariablesValue() {
    ConfigReader r = reader(Map.of(P + "pepper", "${env:APP_PEPPER}"));
    assertEquals(Optional.of("c2VjcmV0LXBlcHBlcg"), r.string("pepper"));
  }

  @Test
  void typedGettersWhenReferenceThenParseTheResolvedValue() {
    ConfigReader r = reader(Map.of(P + "ttl", " ${env:APP_TTL} "));
    assertEquals(Duration.ofMinutes(5), r.duration("ttl", Duration.ZERO));
  }

  @Test
  void stringWhenFileReferenceThenTheFileWithoutTrailingNewline(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("kek");
    Files.writeString(file, "from-a-file\n", StandardCharsets.UTF_8);
    ConfigReader r = reader(Map.of(P + "kek", "${file:" + file + "}"));
    assertEquals(Optional.of("from-a-file"), r.string("kek"));
  }

  @Test
  void stringWhenVariableMissingThenErrorNamesPropertyAndVariable() {
    ConfigReader r = reader(Map.of(P + "client.a.secret", "${env:NOT_THERE}"));
    ConfigException e = assertThrows(ConfigException.class, () -> r.string("client.a.secret"));
    assertEquals("app.client.a.secret", e.property());
    assertTrue(e.getMessage().contains("environment variable 'NOT_THERE'"), e.getMessage());
  }

  @Test
  void stringWhenVariableBlankThenErrorLikeMissing() {
    ConfigReader r = reader(Map.of(P + "pepper", "${env:APP_BLANK}"));
    ConfigException e = assertThrows(ConfigException.class, () -> r.string("pepper"));
    assertTrue(e.getMessage().contains("'APP_BLANK', which is not set or is empty"), e.getMessage());
  }

  @Test
  void stringWhenFileMissingThenErrorNamesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    ConfigReader r = reader(Map.of(P + "kek", "${file:" + missing + "}"));
    ConfigException e = assertThrows(ConfigException.class, () -> r.string("kek"));
    assertTrue(e.getMessage().contains("file '" + missing + "'"), e.getMessage());
  }

  @Test
  void stringWhenFileTooLargeThenNoValue(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big");
    Files.write(big, new byte[ReferenceSource.MAX_FILE_BYTES + 1]);
    ConfigReader r = reader(Map.of(P + "kek", "${file:" + big + "}"));
    assertThrows(ConfigException.class, () -> r.string("kek"));
  }

  @Test
  void stringWhenFileNotUtf8ThenNoValue(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad");
    Files.write(bad, new byte[] {(byte) 0xC3, (byte) 0x28});
    assertEquals(Optional.empty(), ReferenceSource.files().lookup(bad.toString()));
  }

  @Test
  void stringWhenUnknownSourceThenErrorListsTheKnownOnes() {
    ConfigReader r = reader(Map.of(P + "x", "${vault:kv/x}"));
    ConfigException e = assertThrows(ConfigException.class, () -> r.string("x"));
    assertTrue(e.getMessage().contains("unknown source 'vault' (known: env, file)"),
        e.getMessage());
  }

  @Test
  void stringWhenMalformedReferenceThenErrorShowsTheForm() {
    for (String bad : List.of("${env:X", "${:X}", "${env:}", "${}", "${envX}")) {
      ConfigReader r = reader(Map.of(P + "x", bad));
      ConfigException e = assertThrows(ConfigException.class, () -> r.string("x"), bad);
      assertTrue(e.getMessage().contains("${env:NAME}"), e.getMessage());
    }
  }

  @Test
  void stringWhenDoubleDollarThenLiteral() {
    ConfigReader r = reader(Map.of(P + "x", "$${env:APP_TTL}"));
    assertEquals(Optional.of("${env:APP_TTL}"), r.string("x"));
  }

  @Test
  void stringWhenReferenceInsideTextThenTakenLiterally() {
    ConfigReader r = reader(Map.of(P + "x", "prefix-${env:APP_TTL}"));
    assertEquals(Optional.of("prefix-${env:APP_TTL}"), r.string("x"));
  }

  @Test
  void resolvedSecretWhenInvalidThenMessageCarriesNeitherValueNorCause() {
    ConfigReader r = reader(Map.of(P + "pepper", "${env:APP_TTL}"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> r.value("pepper", "a number", Integer::parseInt));
    assertFalse(e.getMessage().contains("PT5M"), e.getMessage());
    assertEquals(null, e.getCause());
  }

  @Test
  void listWhenReferenceThenItemsOfTheResolvedValue() {
    ConfigReader r = ConfigReader.of(Map.of(P + "scopes", "${env:S}"), P)
        .withSource("env", ReferenceSource.environment(Map.of("S", "a, b")::get));
    assertEquals(List.of("a", "b"), r.list("scopes"));
  }

  @Test
  void sourcesWhenUnderOrWithErrorsThenKept() {
    ConfigReader r = reader(Map.of(P + "sub.ttl", "${env:APP_TTL}"))
        .withErrors(ConfigException::new).under("sub.");
    assertEquals(Optional.of("PT5M"), r.string("ttl"));
  }

  @Test
  void withSourceWhenSchemeInvalidThenRefused() {
    ConfigReader r = reader(Map.of());
    assertThrows(IllegalArgumentException.class,
        () -> r.withSource("a:b", ReferenceSource.files()));
  }
}
