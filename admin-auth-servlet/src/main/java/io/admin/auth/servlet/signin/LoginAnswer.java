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

  /**
   * The person {@code subject} is signed in and logged in just now (or at an unknown time).
   *
   * @param subject the person's stable id, their tokens' {@code sub}; not blank, at most 255
   *     characters
   * @return a {@link SignedIn} without a login time or login methods
   * @throws IllegalArgumentException if {@code subject} is blank or longer than 255 characters
   */
  static LoginAnswer signedIn(String subject) {
    return new SignedIn(subject, null, Set.of());
  }

  /**
   * The person {@code subject} is signed in and logged in at {@code authTime}.
   *
   * @param subject the person's stable id, their tokens' {@code sub}; not blank, at most 255
   *     characters
   * @param authTime when they really logged in, which becomes {@code auth_time}; not null
   * @return a {@link SignedIn} without login methods
   * @throws IllegalArgumentException if {@code subject} is blank or longer than 255 characters
   */
  static LoginAnswer signedIn(String subject, Instant authTime) {
    return new SignedIn(subject, Objects.requireNonNull(authTime, "authTime"), Set.of());
  }

  /**
   * Send the browser to {@code location} (the application's login) with a 302.
   *
   * @param location an absolute URL or a path, without spaces or control characters
   * @return a {@link Redirect}
   * @throws IllegalArgumentException if {@code location} is blank or has spaces or controls
   */
  static LoginAnswer redirect(String location) {
    return new Redirect(location);
  }

  /**
   * Nobody is signed in and the application has no login to send the browser to.
   *
   * @return {@link NotSignedIn#INSTANCE}
   */
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
    /**
     * Checks the subject and freezes a sorted copy of the login methods.
     *
     * @param subject the person's stable id; not blank, at most 255 characters
     * @param authTime when they logged in, or {@code null} for "now"
     * @param authMethods how they logged in; {@code null} counts as empty
     * @throws IllegalArgumentException if {@code subject} is blank or longer than 255 characters
     */
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
    /**
     * Checks that the location can be sent as a {@code Location} header.
     *
     * @param location an absolute URL or a path; not blank, no spaces or control characters
     * @throws IllegalArgumentException if it is blank or has spaces or controls
     */
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
