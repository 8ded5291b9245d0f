package io.admin.auth.devserver.cli;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hash-secret}: prints the stored form of a client secret (read from standard input) under
 * the pepper the application will use, for {@code admin.auth.client.<id>.secret-hash}, so that
 * the plain secret never has to be written into the application's configuration.
 */
@Command(name = "hash-secret", synopsisHeading = "usage: ", sortOptions = false,
    customSynopsis = "Main hash-secret (--pepper-env NAME | --pepper-file PATH) < secret",
    description = "print the hash of a client secret read from standard input, for "
        + "admin.auth.client.<id>.secret-hash; the pepper must be the application's "
        + "admin.auth.token.pepper")
final class HashSecretCommand implements MinterCommand {

  static final class PepperSource {
    @Option(names = "--pepper-env", paramLabel = "NAME", required = true,
        description = "environment variable holding the pepper (base64, at least 32 bytes)")
    String env;

    @Option(names = "--pepper-file", paramLabel = "PATH", required = true,
        description = "file holding the pepper (base64, at least 32 bytes)")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  PepperSource pepper;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
  boolean help;

  private final InputStream in;
  private final Function<String, String> environment;

  HashSecretCommand(InputStream in, Function<String, String> environment) {
    this.in = in;
    this.environment = environment;
  }

  @Override
  public CommandResult run(PrintStream out, PrintStream err) {
    Optional<byte[]> key;
    try {
      key = pepperBytes();
    } catch (IOException e) {
      return new CommandResult.Failed("cannot read " + pepper.file + ": " + e.getMessage());
    }
    if (key.isEmpty()) {
      return new CommandResult.UsageError("the pepper must be base64 of at least 32 bytes ("
          + (pepper.env != null ? "environment variable " + pepper.env : "file " + pepper.file)
          + ")");
    }
    Optional<String> secret;
    try {
      secret = SecretInput.readLine(in);
    } catch (IOException e) {
      return new CommandResult.Failed("cannot read standard input: " + e.getMessage());
    }
    if (secret.isEmpty() || secret.get().length() < ClientRegistration.MIN_SECRET_LENGTH) {
      return new CommandResult.UsageError("standard input must be one line, the secret, of at"
          + " least " + ClientRegistration.MIN_SECRET_LENGTH + " characters");
    }
    out.println(SecretHasher.withPepper(key.get()).hash(secret.get()));
    return new CommandResult.Done();
  }

  private Optional<byte[]> pepperBytes() throws IOException {
    String text = pepper.env != null
        ? environment.apply(pepper.env) : Files.readString(pepper.file).strip();
    if (text == null) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text.strip());
      return bytes.length >= 32 ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
