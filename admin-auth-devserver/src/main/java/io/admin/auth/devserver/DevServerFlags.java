package io.admin.auth.devserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The dev server's command line, declared to picocli from {@link DevServerSetting} (one option
 * per setting, so flags, variables and the generated usage text cannot drift apart). Reads the
 * flags only: which ones were given and their raw values, or the first syntax error in argument
 * order, named by the flag the user wrote. Values are checked afterwards by
 * {@link DevServerConfigParser}, together with those that came from the environment.
 */
final class DevServerFlags {

  /**
   * The dev server takes no positional arguments, so picocli's {@code --} marker (end of options)
   * would only hide a typo; a NUL can never be in an argument, so no argument is the marker and
   * {@code --} stays an unknown flag, as it was before picocli.
   */
  private static final String NO_END_OF_OPTIONS = "\0";

  private static final String HELP_FOOTER =
      "Persistent stores also read ADMIN_AUTH_KEK (key-encryption key) and ADMIN_AUTH_PEPPER%n"
          + "(hash pepper), base64 of 32 random bytes; unset, both are kept in ./data.";

  /** A flag's value must be in the next argument, or attached with {@code =}; never empty. */
  private static final IParameterPreprocessor VALUE_REQUIRED = DevServerFlags::checkValue;

  /**
   * The flags read, in the order given, or why they could not be read.
   *
   * @param values the raw value of each setting given as a flag
   * @param error the first syntax error (unknown flag, missing value, flag repeated, stray
   *     argument), if any
   */
  record Flags(Map<DevServerSetting, String> values, Optional<ConfigResult.Invalid> error) {}

  private DevServerFlags() {}

  /** Reads {@code args} ({@code --port 9090} or {@code --port=9090}); pure. */
  static Flags read(List<String> args) {
    CommandLine commandLine = commandLine();
    try {
      commandLine.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      return new Flags(Map.of(), Optional.of(invalid(e)));
    }
    Map<DevServerSetting, String> values = new LinkedHashMap<>();
    for (OptionSpec option : commandLine.getParseResult().matchedOptions()) {
      setting(option).ifPresent(s -> values.put(s, option.getValue()));
    }
    return new Flags(values, Optional.empty());
  }

  /** The usage text that picocli generates from the settings, without terminal colours. */
  static String usage() {
    return commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static CommandLine commandLine() {
    CommandSpec spec = CommandSpec.create().name("dev-server.sh");
    // Help texts are shown as written: no ${...} lookups of system properties or variables.
    spec.interpolateVariables(false);
    spec.usageMessage()
        .synopsisHeading("usage: ")
        .customSynopsis("dev-server.sh [--no-build] [flags]")
        .description("Every flag mirrors an environment variable; a flag wins over its variable.")
        .footer(HELP_FOOTER)
        .sortOptions(false)
        .width(100)
        .longOptionsMaxWidth(30);
    for (DevServerSetting s : DevServerSetting.values()) {
      spec.addOption(OptionSpec.builder(s.flag())
          .paramLabel("<value>")
          .type(String.class)
          .arity("1")
          .description(s.help(), "env " + s.env())
          .preprocessor(VALUE_REQUIRED)
          .build());
    }
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("print this text").build());
    spec.parser()
        .expandAtFiles(false)
        .posixClusteredShortOptionsAllowed(false)
        .endOfOptionsDelimiter(NO_END_OF_OPTIONS)
        // The first stray argument is reported, not whatever follows it.
        .stopAtUnmatched(true);
    return new CommandLine(spec);
  }

  /**
   * Refuses what the dev server always refused and picocli would take as a value: an empty value
   * ({@code --port=}) and, for a value in the next argument, one that starts with {@code --}
   * ({@code --port --store memory} is a missing port, not the port {@code "--store"}).
   */
  private static boolean checkValue(Stack<String> args, CommandSpec spec, ArgSpec arg,
      Map<String, Object> info) {
    if (args.isEmpty()) {
      return false; // picocli reports the missing value
    }
    String next = args.peek();
    boolean attached = !" ".equals(info.get("separator"));
    if (next.isEmpty() || (!attached && next.startsWith("--"))) {
      throw new MissingParameterException(spec.commandLine(), arg, "needs a value");
    }
    return false;
  }

  private static ConfigResult.Invalid invalid(ParameterException e) {
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      return new ConfigResult.Invalid(name(missing.getMissing().get(0)), "needs a value");
    }
    if (e instanceof OverwrittenOptionException repeated) {
      return new ConfigResult.Invalid(name(repeated.getOverwritten()), "given more than once");
    }
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      if (!arg.startsWith("-")) {
        return new ConfigResult.Invalid("argument",
            "unexpected argument \"" + arg + "\" (see --help)");
      }
      int eq = arg.indexOf('=');
      String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      return new ConfigResult.Invalid(flag, "unknown flag (see --help)");
    }
    // Anything else picocli refuses (e.g. --help=x): its own one-line message.
    String source = e.getArgSpec() instanceof OptionSpec o ? o.longestName() : "argument";
    return new ConfigResult.Invalid(source, e.getMessage());
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : "argument";
  }

  private static Optional<DevServerSetting> setting(OptionSpec option) {
    for (DevServerSetting s : DevServerSetting.values()) {
      if (s.flag().equals(option.longestName())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
