package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKey;

import java.util.Objects;

/**
 * A key just created or rotated: its metadata plus the full key string, which exists only here
 * and must be shown to the caller once and then forgotten.
 *
 * @param metadata the stored metadata
 * @param key the full key ({@link ApiKeyFormat}); masked in {@link #toString()}
 */
public record IssuedApiKey(ApiKey metadata, String key) {
  /**
   * Requires the metadata and the key.
   *
   * @param metadata the stored key, without the secret; required
   * @param key the full key string; the only copy of the secret; required
   */
  public IssuedApiKey {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "IssuedApiKey[metadata=" + metadata + ", key=" + metadata.prefix() + "_**********]";
  }
}
