package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.HttpServletRequest;

/** Reads the fields of the pages' forms: each at most once, bounded. */
final class FormFields {

  private FormFields() {}

  /**
   * The one value of {@code name}, or {@code null} when it is absent, repeated, empty or longer
   * than {@code maxChars}.
   */
  static String single(HttpServletRequest request, String name, int maxChars) {
    String[] values = request.getParameterMap().get(name);
    if (values == null || values.length != 1 || values[0] == null || values[0].isEmpty()
        || values[0].length() > maxChars) {
      return null;
    }
    return values[0];
  }
}
