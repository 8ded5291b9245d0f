package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The filled-in {@code jetty-env.xml} is a file Jetty's XML parser accepts, and carries the JDBC
 * URL and every secret verbatim, in the place the template gives it.
 */
class JettyEnvXmlTest {

  @Test
  void jdbcUrlWithMarkupCharactersWhenFilledInThenJettyParsesTheFileAndTheValuesSurvive(
      @TempDir Path dir) throws Exception {
    // A raw '&' (PostgreSQL URLs separate parameters with it) would make the file malformed, and
    // Jetty would refuse the webapp: "Bad Jetty XML configuration in file:.../jetty-env.xml".
    String url = "jdbc:postgresql://db:5432/app?user=app&ssl=true&options='<x>\"'";
    Secrets secrets = Secrets.random();
    Path file = JettyEnvXml.write(dir.resolve("jetty-env.xml"), url, secrets);

    new XmlConfiguration(ResourceFactory.root().newResource(file));

    Document doc = parse(file);
    assertEquals(List.of(url), setters(doc, "jdbcUrl"));
    assertEquals(new TreeMap<>(secrets.entries()), envEntries(doc));
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    // The DOCTYPE names Jetty's DTD by URL: never fetch it.
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<String> setters(Document doc, String name) {
    List<String> values = new ArrayList<>();
    NodeList sets = doc.getElementsByTagName("Set");
    for (int i = 0; i < sets.getLength(); i++) {
      Element set = (Element) sets.item(i);
      if (name.equals(set.getAttribute("name"))) {
        values.add(set.getTextContent());
      }
    }
    return values;
  }

  /** JNDI name to value of every {@code EnvEntry} the file declares. */
  private static Map<String, String> envEntries(Document doc) {
    Map<String, String> entries = new TreeMap<>();
    NodeList news = doc.getElementsByTagName("New");
    for (int i = 0; i < news.getLength(); i++) {
      Element entry = (Element) news.item(i);
      if ("org.eclipse.jetty.plus.jndi.EnvEntry".equals(entry.getAttribute("class"))) {
        NodeList args = entry.getElementsByTagName("Arg");
        entries.put(args.item(1).getTextContent(), args.item(2).getTextContent());
      }
    }
    return entries;
  }
}
