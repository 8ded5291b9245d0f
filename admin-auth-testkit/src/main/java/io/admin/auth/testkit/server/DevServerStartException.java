package io.admin.auth.testkit.server;

/** The dev server could not start: the port is taken, or Jetty failed. The message says which. */
public final class DevServerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message fit to show the user as is. */
  public DevServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
