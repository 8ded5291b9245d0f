package io.admin.auth.devserver.cli;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.testkit.TestKeys;
import io.admin.auth.testkit.TestToken;
import io.admin.auth.testkit.TestTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line token minter for local testing (not for production tokens):
 *
 * <pre>
 * java -cp admin-auth-devserver/target/admin-auth-dev-server.jar io.admin.auth.devserver.cli.Main \
 *     mint --sub alice --scope users:read --ttl PT5M     # prints a JWT
 * java -cp ... io.admin.auth.devserver.cli.Main jwks      # prints the JWK Set that verifies it
 * </pre>
 *
 * <p>Both commands use the key in {@code --key-file} (default {@value #DEFAULT_KEY_FILE} in the
 * working directory), creating it with a fresh key ({@code --alg}, default RS256) when it does not
 * exist, so that {@code mint} and {@code jwks}, and tests reading the file with
 * {@link TestKeys#read}, share one key. Exit status 0, 2 for a usage error, 1 for an I/O error.
 */
public final class Main {

  /** The key file used when {@code --key-file} is not given. */
  public static final String DEFAULT_KEY_FILE = "admin-auth-test-key.json";

  private static final String USAGE = String.join("\n",
      "usage: Main mint [options]   print a signed access token (JWT)",
      "       Main jwks [options]   print the JWK Set (public key) that verifies minted tokens",
      "options:",
      "  --key-file <path>   signing key file, created on first use (default " + DEFAULT_KEY_FILE + ")",
      "  --alg <alg>         algorithm of a newly created key: RS256, PS256, ES256, EdDSA (default RS256)",
      "mint options:",
      "  --sub <subject>     sub (default " + TestToken.DEFAULT_SUBJECT + ")",
      "  --client-id <id>    client_id (default " + TestToken.DEFAULT_CLIENT_ID + ")",
      "  --scope <scopes>    scopes, space separated; may be repeated",
      "  --ttl <duration>    lifetime, ISO-8601 (default PT5M)",
      "  --issuer <url>      iss (default " + TestTokens.DEFAULT_ISSUER + ")",
      "  --audience <aud>    aud (default the issuer)",
      "  --claim <name=value> a custom string claim; may be repeated",
      "");

  private Main() {}

  /** Runs a command; exits with its status. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs a command, printing the result to {@code out} and problems to {@code err}; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      (args.isEmpty() ? err : out).print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    String command = args.get(0);
    if (!command.equals("mint") && !command.equals("jwks")) {
      return usage(err, "unknown command \"" + command + "\"");
    }
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (int i = 1; i < args.size(); i += 2) {
      String name = args.get(i);
      if (!name.startsWith("--") || i + 1 >= args.size()) {
        return usage(err, name.startsWith("--") ? name + " needs a value" : "unexpected \"" + name + "\"");
      }
      options.computeIfAbsent(name, k -> new ArrayList<>()).add(args.get(i + 1));
    }
    List<String> allowed = command.equals("jwks") ? List.of("--key-file", "--alg")
        : List.of("--key-file", "--alg", "--sub", "--client-id", "--scope", "--ttl", "--issuer",
            "--audience", "--claim");
    for (String name : options.keySet()) {
      if (!allowed.contains(name)) {
        return usage(err, "unknown option " + name + " for " + command);
      }
      if (options.get(name).size() > 1 && !name.equals("--scope") && !name.equals("--claim")) {
        return usage(err, name + " given more than once");
      }
    }
    SigningAlgorithm alg;
    try {
      alg = SigningAlgorithm.parse(one(options, "--alg", "RS256"));
    } catch (IllegalArgumentException e) {
      return usage(err, "--alg: " + e.getMessage());
    }
    if (alg.isSymmetric()) {
      return usage(err, "--alg: HS256 keys cannot be published in a JWK Set; use RS256, PS256, ES256 or EdDSA");
    }
    TestKeys keys;
    try {
      keys = loadOrCreate(Path.of(one(options, "--key-file", DEFAULT_KEY_FILE)), alg, err);
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    if (command.equals("jwks")) {
      out.println(keys.jwkSetJson());
      return 0;
    }
    return mint(keys, options, out, err);
  }

  private static int mint(TestKeys keys, Map<String, List<String>> o, PrintStream out,
      PrintStream err) {
    try {
      TestTokens.Builder minter = TestTokens.builder(keys).clock(Clock.systemUTC())
          .issuer(one(o, "--issuer", TestTokens.DEFAULT_ISSUER));
      if (o.containsKey("--audience")) {
        minter.audience(one(o, "--audience", null));
      }
      TestToken token = minter.build().token()
          .subject(one(o, "--sub", TestToken.DEFAULT_SUBJECT))
          .clientId(one(o, "--client-id", TestToken.DEFAULT_CLIENT_ID));
      List<String> scopes = new ArrayList<>();
      for (String s : o.getOrDefault("--scope", List.of())) {
        for (String part : s.trim().split("\\s+")) {
          if (!part.isEmpty()) {
            scopes.add(part);
          }
        }
      }
      token.scopes(scopes.toArray(String[]::new));
      token.lifetime(Duration.parse(one(o, "--ttl", "PT5M")));
      for (String claim : o.getOrDefault("--claim", List.of())) {
        int eq = claim.indexOf('=');
        if (eq <= 0) {
          return usage(err, "--claim must be name=value");
        }
        token.claim(claim.substring(0, eq), claim.substring(eq + 1));
      }
      out.println(token.sign());
      return 0;
    } catch (DateTimeParseException e) {
      return usage(err, "--ttl: not an ISO-8601 duration such as PT5M");
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
  }

  private static TestKeys loadOrCreate(Path file, SigningAlgorithm alg, PrintStream err)
      throws IOException {
    if (Files.exists(file)) {
      return TestKeys.read(file);
    }
    TestKeys keys = TestKeys.generate(alg);
    keys.write(file);
    err.println("created " + alg.jwsName() + " key " + keys.kid() + " in " + file);
    return keys;
  }

  private static String one(Map<String, List<String>> options, String name, String fallback) {
    List<String> values = options.get(name);
    return values == null ? fallback : values.get(0);
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.print(USAGE);
    return 2;
  }
}
