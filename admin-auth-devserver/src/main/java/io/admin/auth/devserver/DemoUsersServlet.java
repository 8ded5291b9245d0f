package io.admin.auth.devserver;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo resource {@code /api/v3/users}: {@code GET} lists (scope {@code users:read}),
 * {@code POST} creates (scope {@code users:write}) in memory. The scopes are enforced by the
 * filter's access policy, not here, so this servlet is what an application's own code looks like.
 */
final class DemoUsersServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  /** Bounds memory: the demo list is a toy, not a database. */
  static final int MAX_USERS = 1000;

  private final transient Object lock = new Object();
  private final transient List<Map<String, Object>> users = new ArrayList<>();
  private int nextId = 1;

  DemoUsersServlet() {
    add("Ada Lovelace", "ada@example.com");
    add("Alan Turing", "alan@example.com");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    List<Map<String, Object>> snapshot;
    synchronized (lock) {
      snapshot = List.copyOf(users);
    }
    DemoResponses.json(res, 200, Map.of("users", snapshot));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<Map<String, Object>> body = DemoResponses.readObject(req);
    if (body.isEmpty()) {
      DemoResponses.badRequest(res, "The body must be a JSON object (Content-Type: application/json).");
      return;
    }
    Object name = body.get().get("name");
    Object email = body.get().get("email");
    if (!(name instanceof String) || ((String) name).isBlank() || ((String) name).length() > 200) {
      DemoResponses.badRequest(res, "\"name\" must be a non-empty string of at most 200 characters.");
      return;
    }
    if (email != null && (!(email instanceof String) || ((String) email).length() > 200)) {
      DemoResponses.badRequest(res, "\"email\" must be a string of at most 200 characters.");
      return;
    }
    Map<String, Object> created;
    synchronized (lock) {
      if (users.size() >= MAX_USERS) {
        DemoResponses.badRequest(res, "The demo list is full (" + MAX_USERS + " users).");
        return;
      }
      created = add((String) name, (String) email);
    }
    DemoResponses.json(res, 201, created);
  }

  private Map<String, Object> add(String name, String email) {
    synchronized (lock) {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("id", String.valueOf(nextId++));
      user.put("name", name);
      if (email != null) {
        user.put("email", email);
      }
      Map<String, Object> frozen = Collections.unmodifiableMap(user);
      users.add(frozen);
      return frozen;
    }
  }
}
