package io.admin.auth.devserver.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jwks}: prints the JWK Set (public key only) that verifies the tokens {@code mint} signs. */
@Command(name = "jwks", synopsisHeading = "usage: ", sortOptions = false, customSynopsis = "Main jwks [options]",
    description = "print the JWK Set (public key) that verifies minted tokens")
final class JwksCommand implements MinterCommand {

  @Mixin
  KeyOptions key = new KeyOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
  boolean help;

  @Override
  public CommandResult run(PrintStream out, PrintStream err) {
    return key.withKeys(err, keys -> {
      out.println(keys.jwkSetJson());
      return new CommandResult.Done();
    });
  }
}
