package io.admin.auth.devserver.cli;

import java.util.Objects;

/**
 * How a minter command ended; {@link Main} turns it into output and an exit status, so that the
 * commands need not know the usage text.
 */
sealed interface CommandResult
    permits CommandResult.Done, CommandResult.UsageError, CommandResult.Failed {

  /** The exit status for this result. */
  int exitStatus();

  /** The command printed its result: exit 0. */
  record Done() implements CommandResult {
    @Override
    public int exitStatus() {
      return 0;
    }
  }

  /**
   * The arguments were wrong: {@code error: <problem>} and the usage text, exit 2.
   *
   * @param problem what is wrong, in one line
   */
  record UsageError(String problem) implements CommandResult {
    public UsageError {
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public int exitStatus() {
      return 2;
    }
  }

  /**
   * The key file could not be read or written: {@code error: <problem>}, exit 1.
   *
   * @param problem what went wrong, in one line
   */
  record Failed(String problem) implements CommandResult {
    public Failed {
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public int exitStatus() {
      return 1;
    }
  }
}
