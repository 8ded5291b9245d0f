package io.admin.auth.servlet.signin;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link LoginHook}'s answer: the person signed in, a redirect to the application's login, or
 * nobody signed in.
 */
public sealed interface LoginAnswer
    permits LoginAnswer.SignedIn, LoginAnswer.Redirect, LoginAnswer.NotSignedIn {

  /** The person {@code subject} is signed in and logged in just now (or at an unknown time). */
  static LoginAnswer signedIn(String subject) {
    return new SignedIn(subject, null, Set.of());
  }

  /** The person {@code subject} is signed in and logged in at {@code authTime}. */
  static LoginAnswer signedIn(String subject, Instant authTime) {
    return new SignedIn(subject, Objects.requireNonNull(authTime, "authTime"), Set.of());
  }

  /** Send the browser to {@code location} (the application's login) with a 302. */
  static LoginAnswer redirect(String location) {
    return new Redirect(location);
  }

  /** Nobody is signed in and the application has no login to send the browser to. */
  static LoginAnswer notSignedIn() {
    return NotSignedIn.INSTANCE;
  }

  /**
   * The person is signed in to the host application.
   *
   * @param subject the person's stable id: {@code sub} of their tokens; not blank, at most 255
   *     characters
   * @param authTime when they logged in ({@code auth_time}), or {@code null} for "now" (the
   *     application vouches for them at this moment)
   * @param authMethods how they logged in ({@code amr} values such as {@code pwd}); may be empty
   */
  record SignedIn(String subject, Instant authTime, Set<String> authMethods)
      implements LoginAnswer {
    public SignedIn {
      Objects.requireNonNull(subject, "subject");
      if (subject.isBlank() || subject.length() > 255) {
        throw new IllegalArgumentException("subject must be 1 to 255 characters, not blank");
      }
      authMethods = authMethods == null
          ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(authMethods));
    }
  }

  /**
   * Send the browser to the application's login.
   *
   * @param location an absolute URL or a path; the login should end by sending the browser to
   *     {@link LoginPrompt#returnUrl()}
   */
  record Redirect(String location) implements LoginAnswer {
    public Redirect {
      Objects.requireNonNull(location, "location");
      if (location.isBlank() || location.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
        throw new IllegalArgumentException("location must be a URL without spaces or controls");
      }
    }
  }

  /** Nobody is signed in on this request. */
  enum NotSignedIn implements LoginAnswer {
    /** The one value. */
    INSTANCE
  }
}
