package io.admin.auth.devserver;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the dev server keeps keys, clients, refresh tokens and revocations (docs/http-contract.md):
 * an embedded database file in a data folder (the default), nothing at all ({@code memory}), or a
 * database at a JDBC URL.
 */
public sealed interface StoreChoice
    permits StoreChoice.Memory, StoreChoice.EmbeddedFile, StoreChoice.Jdbc {

  /** A short description for the start banner; never contains a password. */
  String describe();

  /** Keeps nothing: every restart begins with new keys and no tokens. */
  record Memory() implements StoreChoice {
    @Override
    public String describe() {
      return "memory";
    }
  }

  /**
   * An embedded database file in {@code dataDir}; restarting keeps keys, clients, API keys and
   * revocations.
   *
   * @param dataDir the folder holding the database file
   */
  record EmbeddedFile(Path dataDir) implements StoreChoice {
    public EmbeddedFile {
      Objects.requireNonNull(dataDir, "dataDir");
    }

    @Override
    public String describe() {
      return "embedded database in " + dataDir.toAbsolutePath().normalize();
    }
  }

  /**
   * A database reached through a JDBC URL, e.g. {@code jdbc:postgresql://db:5432/auth}.
   *
   * @param url the JDBC URL; may carry credentials, so it is masked in {@link #toString()}
   */
  record Jdbc(String url) implements StoreChoice {
    public Jdbc {
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("a JDBC URL starts with jdbc:");
      }
    }

    /** The URL up to the host part, without user info or parameters (they may hold a password). */
    @Override
    public String describe() {
      String shown = url;
      int cut = indexOfAny(shown, '?', ';');
      if (cut >= 0) {
        shown = shown.substring(0, cut);
      }
      int at = shown.lastIndexOf('@');
      int slashes = shown.indexOf("//");
      if (at >= 0 && slashes >= 0 && at > slashes) {
        shown = shown.substring(0, slashes + 2) + "***@" + shown.substring(at + 1);
      }
      return shown;
    }

    @Override
    public String toString() {
      return "Jdbc[url=" + describe() + "]";
    }

    private static int indexOfAny(String s, char a, char b) {
      int i = s.indexOf(a);
      int j = s.indexOf(b);
      return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
  }
}
