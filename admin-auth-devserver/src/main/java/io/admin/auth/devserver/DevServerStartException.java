package io.admin.auth.devserver;

/**
 * The dev server could not start: a setting this build cannot serve, a port that is taken, or
 * Jetty failing. The message is fit to show the user as is.
 */
public final class DevServerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitStatus;

  /** A start failure (exit status {@link DevServer#EXIT_START_FAILED}). */
  public DevServerStartException(String message, Throwable cause) {
    this(message, cause, DevServer.EXIT_START_FAILED);
  }

  private DevServerStartException(String message, Throwable cause, int exitStatus) {
    super(message, cause);
    this.exitStatus = exitStatus;
  }

  /** A valid setting this build cannot serve (exit status {@link DevServer#EXIT_INVALID_CONFIG}). */
  static DevServerStartException unsupported(String message) {
    return new DevServerStartException(message, null, DevServer.EXIT_INVALID_CONFIG);
  }

  /** The process exit status {@code main} ends with. */
  public int exitStatus() {
    return exitStatus;
  }
}
