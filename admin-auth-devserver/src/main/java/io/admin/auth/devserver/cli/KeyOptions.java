package io.admin.auth.devserver.cli;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.testkit.TestKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options both commands share (a picocli mixin): the key file, created with a fresh key on
 * first use so that {@code mint}, {@code jwks} and tests reading the file share one key.
 */
final class KeyOptions {

  @Option(names = "--key-file", paramLabel = "<path>", defaultValue = Main.DEFAULT_KEY_FILE,
      description = "signing key file, created on first use (default ${DEFAULT-VALUE})")
  String keyFile;

  @Option(names = "--alg", paramLabel = "<alg>", defaultValue = "RS256",
      description = "algorithm of a newly created key: RS256, PS256, ES256, EdDSA"
          + " (default ${DEFAULT-VALUE})")
  String algorithm;

  /**
   * Runs {@code use} with the key in the file, creating the file first when it does not exist;
   * a bad {@code --alg} is a usage error, an unreadable or unwritable file a failure.
   */
  CommandResult withKeys(PrintStream err, Function<TestKeys, CommandResult> use) {
    SigningAlgorithm alg;
    try {
      alg = SigningAlgorithm.parse(algorithm);
    } catch (IllegalArgumentException e) {
      return new CommandResult.UsageError("--alg: " + e.getMessage());
    }
    if (alg.isSymmetric()) {
      return new CommandResult.UsageError("--alg: HS256 keys cannot be published in a JWK Set;"
          + " use RS256, PS256, ES256 or EdDSA");
    }
    TestKeys keys;
    try {
      keys = loadOrCreate(Path.of(keyFile), alg, err);
    } catch (IOException | IllegalArgumentException e) {
      return new CommandResult.Failed(String.valueOf(e.getMessage()));
    }
    return use.apply(keys);
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
}
