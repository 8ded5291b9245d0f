package io.admin.auth.core.observe;

/** One step of the signing-key lifecycle that {@code KeyRotator} performed. */
public enum KeyRotationStep {
  /** The first key of an empty store was created, active at once. */
  CREATED("created"),
  /** A successor key was published in the JWK Set ahead of its activation. */
  PUBLISHED("published"),
  /** A published key became the active signing key; the previous one was retired. */
  ACTIVATED("activated"),
  /** A retired key past its retention was removed from the store. */
  REMOVED("removed");

  private final String tagValue;

  KeyRotationStep(String tagValue) {
    this.tagValue = tagValue;
  }

  /**
   * The lower-case name used in metrics and logs.
   *
   * @return the tag value, e.g. {@code published}
   */
  public String tagValue() {
    return tagValue;
  }
}
