package io.admin.auth.devserver.cli;

import io.admin.auth.testkit.TestKeys;
import io.admin.auth.testkit.TestToken;
import io.admin.auth.testkit.TestTokens;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mint}: prints an access token (JWT) signed with the key in the key file. */
@Command(name = "mint", synopsisHeading = "usage: ", sortOptions = false, customSynopsis = "Main mint [options]",
    description = "print a signed access token (JWT)")
final class MintCommand implements MinterCommand {

  @Mixin
  KeyOptions key = new KeyOptions();

  @Option(names = "--sub", paramLabel = "<subject>", defaultValue = TestToken.DEFAULT_SUBJECT,
      description = "sub (default ${DEFAULT-VALUE})")
  String subject;

  @Option(names = "--client-id", paramLabel = "<id>", defaultValue = TestToken.DEFAULT_CLIENT_ID,
      description = "client_id (default ${DEFAULT-VALUE})")
  String clientId;

  @Option(names = "--scope", paramLabel = "<scopes>",
      description = "scopes, space separated; may be repeated")
  List<String> scopes = new ArrayList<>();

  // A string, read in run(): a bad lifetime is reported after the key file is in place, as before.
  @Option(names = "--ttl", paramLabel = "<duration>", defaultValue = "PT5M",
      description = "lifetime, ISO-8601 (default ${DEFAULT-VALUE})")
  String ttl;

  @Option(names = "--issuer", paramLabel = "<url>", defaultValue = TestTokens.DEFAULT_ISSUER,
      description = "iss (default ${DEFAULT-VALUE})")
  String issuer;

  @Option(names = "--audience", paramLabel = "<aud>", description = "aud (default the issuer)")
  String audience;

  @Option(names = "--claim", paramLabel = "<name=value>",
      description = "a custom string claim; may be repeated")
  List<String> claims = new ArrayList<>();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
  boolean help;

  @Override
  public CommandResult run(PrintStream out, PrintStream err) {
    return key.withKeys(err, keys -> mint(keys, out));
  }

  private CommandResult mint(TestKeys keys, PrintStream out) {
    try {
      TestTokens.Builder minter = TestTokens.builder(keys).clock(Clock.systemUTC()).issuer(issuer);
      if (audience != null) {
        minter.audience(audience);
      }
      TestToken token = minter.build().token().subject(subject).clientId(clientId);
      List<String> all = new ArrayList<>();
      for (String s : scopes) {
        for (String part : s.trim().split("\\s+")) {
          if (!part.isEmpty()) {
            all.add(part);
          }
        }
      }
      token.scopes(all.toArray(String[]::new));
      token.lifetime(Duration.parse(ttl));
      for (String claim : claims) {
        int eq = claim.indexOf('=');
        if (eq <= 0) {
          return new CommandResult.UsageError("--claim must be name=value");
        }
        token.claim(claim.substring(0, eq), claim.substring(eq + 1));
      }
      out.println(token.sign());
      return new CommandResult.Done();
    } catch (DateTimeParseException e) {
      return new CommandResult.UsageError("--ttl: not an ISO-8601 duration such as PT5M");
    } catch (IllegalArgumentException e) {
      return new CommandResult.UsageError(String.valueOf(e.getMessage()));
    }
  }
}
