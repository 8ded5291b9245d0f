package io.admin.auth.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a reference such as {@code ${env:ADMIN_AUTH_KEK}} in a setting is looked up, so that
 * secrets live in the environment, in a file the operator mounts, or in the container's JNDI
 * entries, and never in the properties file itself.
 *
 * <p>{@link ConfigReader} knows {@link #environment environment variables} ({@code env}) and
 * {@link #files files} ({@code file}) by default; front ends add their own with {@link
 * ConfigReader#withSource} (the servlet module adds {@code jndi}).
 */
public interface ReferenceSource {

  /** The largest file {@link #files()} reads: settings are short, and a huge file is a mistake. */
  int MAX_FILE_BYTES = 64 * 1024;

  /**
   * The value {@code reference} names, or empty when there is none (unset, unreadable, unbound).
   * Must not throw for a reference it cannot resolve.
   *
   * @param reference what follows the scheme in {@code ${scheme:reference}}
   * @return the value, or empty
   */
  Optional<String> lookup(String reference);

  /**
   * What a reference names, for messages: {@code "environment variable"}, {@code "file"}.
   *
   * @return a short noun for messages; never {@code null}
   */
  String describe();

  /**
   * Environment variables, read through {@code env} (normally {@code System::getenv}).
   *
   * @param env reads one variable, {@code null} when unset
   * @return the source
   */
  static ReferenceSource environment(Function<String, String> env) {
    return lookups(Objects.requireNonNull(env, "env"), "environment variable");
  }

  /**
   * JVM system properties, read through {@code properties} (normally {@code System::getProperty}):
   * how a test harness, such as the testkit's JUnit extension, hands an application the settings
   * of its test keys without writing them into the properties file.
   *
   * @param properties reads one property, {@code null} when unset
   * @return the source
   */
  static ReferenceSource systemProperties(Function<String, String> properties) {
    return lookups(Objects.requireNonNull(properties, "properties"), "system property");
  }

  /** A source that asks {@code read} for each reference, described as {@code description}. */
  private static ReferenceSource lookups(Function<String, String> read, String description) {
    return new ReferenceSource() {
      @Override
      public Optional<String> lookup(String reference) {
        return Optional.ofNullable(read.apply(reference));
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  /**
   * Files, read whole as UTF-8 (at most {@link #MAX_FILE_BYTES}); the value is the content with
   * surrounding whitespace removed, so the newline an editor adds does not become part of a
   * secret. A missing, unreadable, oversized or non-UTF-8 file is no value.
   *
   * @return the source
   */
  static ReferenceSource files() {
    return new ReferenceSource() {
      @Override
      public Optional<String> lookup(String reference) {
        try {
          Path path = Path.of(reference);
          if (!Files.isRegularFile(path) || Files.size(path) > MAX_FILE_BYTES) {
            return Optional.empty();
          }
          byte[] bytes = Files.readAllBytes(path);
          String text = StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes)).toString();
          return Optional.of(text.strip());
        } catch (IOException | InvalidPathException | SecurityException e) {
          // CharacterCodingException (not UTF-8) is an IOException too: no value either way.
          return Optional.empty();
        }
      }

      @Override
      public String describe() {
        return "file";
      }
    };
  }
}
