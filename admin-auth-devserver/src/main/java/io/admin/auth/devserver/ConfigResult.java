package io.admin.auth.devserver;

import java.util.Objects;

/** What parsing the dev server's flags and environment gave: a configuration, a usage request, or an error. */
public sealed interface ConfigResult
    permits ConfigResult.Valid, ConfigResult.HelpRequested, ConfigResult.Invalid {

  /** Every setting was valid. */
  record Valid(DevServerConfig config) implements ConfigResult {
    public Valid {
      Objects.requireNonNull(config, "config");
    }
  }

  /** {@code --help} was given: print {@link DevServerConfig#usage()} and exit 0. */
  record HelpRequested() implements ConfigResult {}

  /**
   * A setting was missing a value, malformed or out of range; the server must not start.
   *
   * @param source the flag or environment variable that was wrong, as the user wrote it
   * @param message what is wrong and what is expected; never echoes a secret value
   */
  record Invalid(String source, String message) implements ConfigResult {
    public Invalid {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(message, "message");
    }

    /** The one line printed before exiting with status 2. */
    public String describe() {
      return "invalid " + source + ": " + message;
    }
  }
}
