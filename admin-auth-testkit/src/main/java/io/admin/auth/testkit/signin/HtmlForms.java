package io.admin.auth.testkit.signin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, tolerant scan of the forms in an HTML page: each {@code <form>} with its {@code
 * action} and {@code method}, and the {@code <input>} and {@code <button>} elements inside it.
 * Enough for the library's own login, consent and form_post pages and for plain hand-written
 * forms; not an HTML parser (no scripts, no {@code <select>}, no {@code <textarea>}).
 */
final class HtmlForms {

  private static final Pattern FORM = Pattern.compile(
      "<form\\b([^>]*)>(.*?)(?:</form\\s*>|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CONTROL = Pattern.compile(
      "<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

  /** One form control: {@code type} is lowercase, {@code button} for a button element. */
  record Control(String type, String name, String value) {}

  /** One form: its raw {@code action} (empty when absent), uppercase method, and controls. */
  record Form(String action, String method, List<Control> controls) {

    /** Whether a control of this form is named {@code name}. */
    boolean has(String name) {
      return controls.stream().anyMatch(c -> name.equals(c.name()));
    }

    /** The values a browser would submit without a click: hidden and filled text inputs. */
    Map<String, String> defaults() {
      Map<String, String> values = new LinkedHashMap<>();
      for (Control c : controls) {
        if (c.name() != null && !c.type().equals("button") && !c.type().equals("submit")
            && !c.type().equals("checkbox") && !c.type().equals("radio")) {
          values.put(c.name(), c.value() == null ? "" : c.value());
        }
      }
      return values;
    }
  }

  private HtmlForms() {}

  /** The forms of {@code html}, in document order. */
  static List<Form> scan(String html) {
    List<Form> forms = new ArrayList<>();
    Matcher form = FORM.matcher(html);
    while (form.find()) {
      Map<String, String> attributes = attributes(form.group(1));
      List<Control> controls = new ArrayList<>();
      Matcher control = CONTROL.matcher(form.group(2));
      while (control.find()) {
        Map<String, String> a = attributes(control.group(2));
        String element = control.group(1).toLowerCase(Locale.ROOT);
        String type = element.equals("button") ? "button"
            : a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
        controls.add(new Control(type, a.get("name"), a.get("value")));
      }
      forms.add(new Form(attributes.getOrDefault("action", ""),
          attributes.getOrDefault("method", "GET").toUpperCase(Locale.ROOT), controls));
    }
    return forms;
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
          : m.group(4) != null ? m.group(4) : "";
      attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
    }
    return attributes;
  }

  /** Decodes character references: numeric ones and the few named ones pages escape with. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String replacement = switch (ref) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> numeric(ref);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String numeric(String ref) {
    if (!ref.startsWith("#")) {
      return "&" + ref + ";";
    }
    try {
      int code = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
          ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
      return Character.isValidCodePoint(code) ? new String(Character.toChars(code))
          : "&" + ref + ";";
    } catch (NumberFormatException e) {
      return "&" + ref + ";";
    }
  }
}
