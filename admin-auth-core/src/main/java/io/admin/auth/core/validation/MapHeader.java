package io.admin.auth.core.validation;

import java.util.Map;

/** {@link JwtHeader#of}: a header JSON object, read in place. */
record MapHeader(Map<String, ?> json) implements JwtHeader {

  @Override
  public boolean contains(String name) {
    return json.containsKey(name);
  }

  @Override
  public Object parameter(String name) {
    return json.get(name);
  }
}
