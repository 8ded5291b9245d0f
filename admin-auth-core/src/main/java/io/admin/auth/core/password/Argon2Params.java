package io.admin.auth.core.password;

/**
 * Argon2id cost parameters.
 *
 * @param memoryKiB memory in KiB ({@code m}); at least {@code 8 * parallelism}
 * @param iterations passes over memory ({@code t}); at least 1
 * @param parallelism lanes ({@code p}); at least 1
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

  /**
   * The OWASP Password Storage Cheat Sheet's first Argon2id configuration: m=19456 KiB (19 MiB),
   * t=2, p=1. The default of {@link PasswordHasher}.
   */
  public static final Argon2Params OWASP = new Argon2Params(19_456, 2, 1);

  /**
   * Checks the parameters Argon2 accepts: at least one lane and one pass, and 8 KiB of memory per
   * lane.
   *
   * @param memoryKiB the memory per hash, in KiB; at least 8 per lane
   * @param iterations the number of passes; at least 1
   * @param parallelism the number of lanes; at least 1
   */
  public Argon2Params {
    if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
      throw new IllegalArgumentException("invalid Argon2 parameters m=" + memoryKiB
          + ", t=" + iterations + ", p=" + parallelism);
    }
  }

  /** The PHC parameter segment, {@code m=...,t=...,p=...}. */
  String phc() {
    return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
  }
}
