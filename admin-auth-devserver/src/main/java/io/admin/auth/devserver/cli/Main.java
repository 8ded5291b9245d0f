package io.admin.auth.devserver.cli;

import io.admin.auth.testkit.TestKeys;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line token minter for local testing (not for production tokens):
 *
 * <pre>
 * java -cp admin-auth-devserver/target/admin-auth-dev-server.jar io.admin.auth.devserver.cli.Main \
 *     mint --sub alice --scope users:read --ttl PT5M     # prints a JWT
 * java -cp ... io.admin.auth.devserver.cli.Main jwks    # prints the JWK Set that verifies it
 * java -cp ... io.admin.auth.devserver.cli.Main hash-secret --pepper-file pepper.b64 < secret
 * java -cp ... io.admin.auth.devserver.cli.Main hash-password < password
 * </pre>
 *
 * <p>{@code mint} and {@code jwks} use the key in {@code --key-file} (default {@value #DEFAULT_KEY_FILE} in the
 * working directory), creating it with a fresh key ({@code --alg}, default RS256) when it does not
 * exist, so that {@code mint} and {@code jwks}, and tests reading the file with
 * {@link TestKeys#read}, share one key. Options are read by picocli, as {@code --name value} or
 * {@code --name=value}. Exit status 0, 2 for a usage error, 1 for an I/O error.
 */
public final class Main {

  /** The key file used when {@code --key-file} is not given. */
  public static final String DEFAULT_KEY_FILE = "admin-auth-test-key.json";

  /** No positional arguments anywhere: {@code --} is an unknown option, not picocli's marker. */
  private static final String NO_END_OF_OPTIONS = "\0";

  private Main() {}

  /** Runs a command; exits with its status. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs a command, printing the result to {@code out} and problems to {@code err}; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /**
   * As {@link #run(List, PrintStream, PrintStream)}, with {@code in} as standard input (where
   * {@code hash-secret} and {@code hash-password} read what they hash).
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine(in);
    if (args.isEmpty()) {
      err.print(fullUsage(cli));
      return 2;
    }
    // --help wins wherever it stands, even after a mistake, so a user can always ask.
    if (args.contains("--help") || args.contains("-h")) {
      CommandLine command = cli.getSubcommands().get(args.get(0));
      out.print(command == null ? fullUsage(cli) : usage(command));
      return 0;
    }
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      return usageError(err, e.getCommandLine(), problem(cli, e));
    }
    CommandLine command = parsed.subcommand().commandSpec().commandLine();
    CommandResult result = ((MinterCommand) command.getCommand()).run(out, err);
    if (result instanceof CommandResult.UsageError u) {
      return usageError(err, command, u.problem());
    }
    if (result instanceof CommandResult.Failed f) {
      err.println("error: " + f.problem());
    }
    return result.exitStatus();
  }

  private static CommandLine commandLine(InputStream in) {
    CommandSpec top = CommandSpec.create().name("Main");
    top.usageMessage()
        .synopsisHeading("usage: ")
        .customSynopsis("Main <command> [options]")
        .description("Mints access tokens for local testing; not for production tokens.")
        .commandListHeading("commands:%n");
    CommandLine cli = new CommandLine(top)
        .addSubcommand(new MintCommand())
        .addSubcommand(new JwksCommand())
        .addSubcommand(new HashSecretCommand(in, System::getenv))
        .addSubcommand(new HashPasswordCommand(in, new SecureRandom()));
    cli.setExpandAtFiles(false);
    cli.setPosixClusteredShortOptionsAllowed(false);
    cli.setEndOfOptionsDelimiter(NO_END_OF_OPTIONS);
    // As before picocli, an option takes the next argument whatever it looks like
    // (--sub --ttl mints for the subject "--ttl"), and the first stray argument is reported.
    cli.setAllowOptionsAsOptionParameters(true);
    cli.setStopAtUnmatched(true);
    // setStopAtUnmatched also allows unmatched arguments; they stay errors.
    cli.setUnmatchedArgumentsAllowed(false);
    return cli;
  }

  /** The problem in the one line the minter always printed before its usage text. */
  private static String problem(CommandLine top, ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      if (e.getCommandLine() == top) {
        return "unknown command \"" + arg + "\"";
      }
      return arg.startsWith("--")
          ? "unknown option " + arg + " for " + e.getCommandLine().getCommandName()
          : "unexpected \"" + arg + "\"";
    }
    if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
      return name(m.getMissing().get(0)) + " needs a value";
    }
    if (e instanceof OverwrittenOptionException o) {
      return name(o.getOverwritten()) + " given more than once";
    }
    return e.getMessage();
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
  }

  private static int usageError(PrintStream err, CommandLine command, String problem) {
    err.println("error: " + problem);
    err.print(command.getParent() == null ? fullUsage(command) : usage(command));
    return 2;
  }

  /** The top-level usage followed by every command's: the whole story, as {@code --help} gives. */
  private static String fullUsage(CommandLine top) {
    StringBuilder b = new StringBuilder(usage(top));
    top.getSubcommands().values().forEach(c -> b.append(System.lineSeparator()).append(usage(c)));
    return b.toString();
  }

  private static String usage(CommandLine command) {
    return command.getUsageMessage(Ansi.OFF);
  }
}
