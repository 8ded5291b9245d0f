package io.admin.auth.servlet.http;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The exploded test webapps under {@code src/test/resources/webapps}. */
final class Webapps {
  private Webapps() {}

  static Path dir(String name) {
    try {
      return Path.of(Webapps.class.getResource("/webapps/" + name + "/WEB-INF/web.xml").toURI())
          .getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
