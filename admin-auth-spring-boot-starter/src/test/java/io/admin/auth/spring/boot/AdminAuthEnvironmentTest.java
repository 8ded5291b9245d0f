package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Spring's {@code admin.auth.*} settings become the properties file's keys: YAML lists (as the
 * YAML loader flattens them) become comma lists, a list of rules stays numbered keys, map keys
 * keep their case, placeholders are resolved by Spring, other prefixes are left out.
 */
class AdminAuthEnvironmentTest {

  private static AdminAuthEnvironment of(Map<String, Object> source) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", source));
    return AdminAuthEnvironment.of(env);
  }

  @Test
  void yamlListsBecomeCommaListsAndRulesStayNumberedInOrder() {
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("admin.auth.issuer", "https://auth.example.test");
    yaml.put("admin.auth.protected-prefixes[0]", "/api");
    yaml.put("admin.auth.protected-prefixes[1]", "/admin");
    yaml.put("admin.auth.rule[0]", "GET /api/** users:read");
    yaml.put("admin.auth.rule[1]", "* /admin/** admin");
    yaml.put("admin.auth.role.[users:read][0]", "reader");
    yaml.put("admin.auth.role.[users:read][1]", "viewer");
    yaml.put("spring.application.name", "not ours");
    Properties p = of(yaml).properties();
    assertEquals("https://auth.example.test", p.getProperty("admin.auth.issuer"));
    assertEquals("/api,/admin", p.getProperty("admin.auth.protected-prefixes"));
    assertEquals("GET /api/** users:read", p.getProperty("admin.auth.rule.0"));
    assertEquals("* /admin/** admin", p.getProperty("admin.auth.rule.1"));
    assertEquals("reader,viewer", p.getProperty("admin.auth.role.users:read"));
    assertEquals(5, p.size(), p.keySet().toString());
  }

  @Test
  void clientIdsKeepTheirCaseAndPlaceholdersAreResolvedBySpring() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("admin.auth.client.ReportsJob.secret", "${REPORTS_SECRET}");
    props.put("REPORTS_SECRET", "reports-secret-0123456789");
    props.put("admin.auth.rule.1", "GET /x a");
    Properties p = of(props).properties();
    assertEquals("reports-secret-0123456789", p.getProperty("admin.auth.client.ReportsJob.secret"));
    assertEquals("GET /x a", p.getProperty("admin.auth.rule.1"));
  }

  @Test
  void nothingConfiguredIsNotConfiguredAndToStringNamesNoValue() {
    assertFalse(of(Map.of("server.port", "0")).configured());
    AdminAuthEnvironment env = of(Map.of("admin.auth.token.pepper", "c2VjcmV0LXBlcHBlcg=="));
    assertTrue(env.configured());
    assertFalse(env.toString().contains("c2VjcmV0"), env.toString());
  }
}
