package io.admin.auth.devserver.cli;

import io.admin.auth.core.password.PasswordHasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hash-password}: prints the Argon2id hash (PHC string, the library's default parameters)
 * of a password read from standard input, for {@code admin.auth.user.<name>.password-hash}.
 */
@Command(name = "hash-password", synopsisHeading = "usage: ", sortOptions = false,
    customSynopsis = "Main hash-password < password",
    description = "print the Argon2id hash of a password read from standard input, for "
        + "admin.auth.user.<name>.password-hash")
final class HashPasswordCommand implements MinterCommand {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
  boolean help;

  private final InputStream in;
  private final SecureRandom random;

  HashPasswordCommand(InputStream in, SecureRandom random) {
    this.in = in;
    this.random = random;
  }

  @Override
  public CommandResult run(PrintStream out, PrintStream err) {
    Optional<String> password;
    try {
      password = SecretInput.readLine(in);
    } catch (IOException e) {
      return new CommandResult.Failed("cannot read standard input: " + e.getMessage());
    }
    if (password.isEmpty()) {
      return new CommandResult.UsageError("standard input must be one line, the password");
    }
    out.println(PasswordHasher.owasp(random).hash(password.get()));
    return new CommandResult.Done();
  }
}
