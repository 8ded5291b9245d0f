package io.admin.auth.devserver.cli;

import java.io.PrintStream;

/** A minter command whose options picocli has filled in. */
interface MinterCommand {

  /** Runs the command: the result on {@code out}, notices on {@code err}. */
  CommandResult run(PrintStream out, PrintStream err);
}
