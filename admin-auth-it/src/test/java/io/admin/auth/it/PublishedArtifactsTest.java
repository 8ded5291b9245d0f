package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What the reactor publishes, read from the POMs themselves: the BOM names exactly the modules
 * that are published (a module is unless it sets {@code admin-auth.publish.skip}), and every
 * published POM says what it is and under which licence. The release profile checks the jars;
 * this checks what is easy to forget when a module is added.
 */
class PublishedArtifactsTest {

  private static final String GROUP = "io.admin.auth";
  private static final String BOM = "admin-auth-bom";

  private static final Path ROOT =
      Path.of(System.getProperty("adminAuth.repoRoot", "..")).toAbsolutePath().normalize();

  @Test
  void bomManagesExactlyThePublishedLibraryModulesAtTheReactorVersion() throws Exception {
    Element bom = pom(ROOT.resolve(BOM));
    Set<String> managed = new TreeSet<>();
    for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"),
        "dependency")) {
      assertEquals(GROUP, text(dependency, "groupId"));
      assertEquals("${project.version}", text(dependency, "version"),
          "a BOM entry must follow the reactor version: " + text(dependency, "artifactId"));
      managed.add(text(dependency, "artifactId"));
    }
    Set<String> published = new TreeSet<>();
    for (String module : modules()) {
      Element pom = pom(ROOT.resolve(module));
      boolean library = optionalChild(pom, "packaging")
          .map(p -> !"pom".equals(p.getTextContent().strip())).orElse(true);
      if (isPublished(pom) && library) {
        published.add(text(pom, "artifactId"));
      }
    }
    assertEquals(published, managed,
        "admin-auth-bom must list every published module and nothing else");
  }

  @Test
  void benchmarksDeploymentTestsAndDevServerAreNeverPublished() throws Exception {
    for (String module : List.of("admin-auth-benchmarks", "admin-auth-http-bench", "admin-auth-it",
        "admin-auth-devserver")) {
      assertFalse(isPublished(pom(ROOT.resolve(module))), module + " must not be published");
    }
  }

  @Test
  void everyPublishedPomDescribesItselfAndTheParentCarriesLicenceScmAndDevelopers()
      throws Exception {
    Element parent = pom(ROOT);
    assertEquals("https://github.com/admin-auth/admin-auth", text(parent, "url"));
    assertEquals("Apache License, Version 2.0",
        text(child(child(parent, "licenses"), "license"), "name"));
    assertTrue(text(child(parent, "scm"), "connection").startsWith("scm:git:"));
    assertFalse(children(child(parent, "developers"), "developer").isEmpty());
    assertTrue(ROOT.resolve("LICENSE").toFile().isFile(), "LICENSE at the repository root");
    for (String module : modules()) {
      Element pom = pom(ROOT.resolve(module));
      if (isPublished(pom)) {
        assertFalse(text(pom, "description").isBlank(), module + " needs a <description>");
      }
    }
  }

  private static boolean isPublished(Element pom) {
    return optionalChild(pom, "properties")
        .flatMap(p -> optionalChild(p, "admin-auth.publish.skip"))
        .map(e -> !"true".equals(e.getTextContent().strip()))
        .orElse(true);
  }

  private static List<String> modules() throws Exception {
    List<String> modules = new ArrayList<>();
    for (Element module : children(child(pom(ROOT), "modules"), "module")) {
      modules.add(module.getTextContent().strip());
    }
    assertTrue(modules.contains(BOM), "the reactor builds " + BOM);
    return modules;
  }

  private static Element pom(Path moduleDir)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(moduleDir.resolve("pom.xml").toFile())
        .getDocumentElement();
  }

  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().strip();
  }

  private static Element child(Element parent, String name) {
    return optionalChild(parent, name).orElseThrow(
        () -> new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">"));
  }

  private static Optional<Element> optionalChild(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }
}
