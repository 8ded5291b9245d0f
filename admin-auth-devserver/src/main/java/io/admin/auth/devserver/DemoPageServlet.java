package io.admin.auth.devserver;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The demo page {@code /demo/} (docs/http-contract.md, "The dev server"): a static page and its
 * script, signing in through a browser session. No build step and nothing from another origin;
 * the script is a file of its own so the Content-Security-Policy can forbid inline script.
 * Unknown names under {@code /demo/} are 404 (an exact mapping such as {@code /demo/callback}
 * takes precedence over this one).
 */
final class DemoPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String ROOT = "/io/admin/auth/devserver/demo/";
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html", "/demo.js", "demo.js", "/demo.css", "demo.css");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html;charset=UTF-8", "js", "text/javascript;charset=UTF-8",
      "css", "text/css;charset=UTF-8");
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
      + " base-uri 'none'";

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getPathInfo() == null ? null : req.getPathInfo();
    if (path == null) {
      res.setStatus(301);
      res.setHeader("Location", req.getContextPath() + "/demo/");
      return;
    }
    String file = FILES.get(path);
    if (file == null) {
      res.sendError(404);
      return;
    }
    byte[] bytes;
    try (InputStream in = DemoPageServlet.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        res.sendError(404);
        return;
      }
      bytes = in.readAllBytes();
    }
    res.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cache-Control", "no-cache");
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }
}
