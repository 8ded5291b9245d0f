package io.admin.auth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package dependency graph of a source tree, read from {@code package} and {@code import}
 * lines and from fully qualified names in code, and its cycles (strongly connected components of
 * more than one package). Shared by every module's architecture test so that "no package cycles"
 * (docs/architecture.md) is checked the same way everywhere.
 */
public final class PackageGraph {

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.admin\\.auth(?:\\.\\w+)+)");
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  private final Map<String, Set<String>> edges;

  private PackageGraph(Map<String, Set<String>> edges) {
    this.edges = edges;
  }

  /** Reads every {@code .java} file below {@code sourceRoot} (module descriptors excluded). */
  public static PackageGraph of(Path sourceRoot) {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (!file.getFileName().toString().equals("module-info.java")) {
          sources.put(file.toString(), Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ofSources(sources.values());
  }

  /** The graph of the given source texts; a test can feed it a tree it made up. */
  public static PackageGraph ofSources(Iterable<String> sources) {
    Map<String, List<String>> referencesByPackage = new TreeMap<>();
    for (String source : sources) {
      Matcher p = PACKAGE.matcher(source);
      if (!p.find()) {
        continue;
      }
      List<String> refs = referencesByPackage.computeIfAbsent(p.group(1), k -> new ArrayList<>());
      Matcher i = IMPORT.matcher(source);
      while (i.find()) {
        refs.add(i.group(1));
      }
      Matcher q = QUALIFIED.matcher(COMMENTS.matcher(source).replaceAll(" "));
      while (q.find()) {
        refs.add(q.group(1));
      }
    }
    Set<String> packages = referencesByPackage.keySet();
    Map<String, Set<String>> edges = new TreeMap<>();
    referencesByPackage.forEach((from, refs) -> {
      Set<String> to = new TreeSet<>();
      for (String ref : refs) {
        String target = longestPackagePrefix(ref, packages);
        if (target != null && !target.equals(from)) {
          to.add(target);
        }
      }
      edges.put(from, to);
    });
    return new PackageGraph(edges);
  }

  // A reference names a type (or a member of one), so the package is its longest known prefix.
  private static String longestPackagePrefix(String name, Set<String> packages) {
    String candidate = name;
    while (true) {
      if (packages.contains(candidate)) {
        return candidate;
      }
      int dot = candidate.lastIndexOf('.');
      if (dot < 0) {
        return null;
      }
      candidate = candidate.substring(0, dot);
    }
  }

  /** The packages read, each with the packages it depends on. */
  public Map<String, Set<String>> edges() {
    return edges;
  }

  /** Every set of packages that depend on each other in a circle, each sorted; empty when none. */
  public List<Set<String>> cycles() {
    return new Tarjan(edges).components().stream().filter(c -> c.size() > 1).toList();
  }

  /** Tarjan's strongly connected components, iterative so a deep graph cannot overflow the stack. */
  private static final class Tarjan {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> components = new ArrayList<>();
    private int next;

    Tarjan(Map<String, Set<String>> edges) {
      this.edges = edges;
    }

    List<Set<String>> components() {
      for (String node : edges.keySet()) {
        if (!index.containsKey(node)) {
          strongConnect(node);
        }
      }
      return components;
    }

    private void strongConnect(String root) {
      Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
      visit(root);
      work.push(Map.entry(root, edges.getOrDefault(root, Set.of()).iterator()));
      while (!work.isEmpty()) {
        Map.Entry<String, java.util.Iterator<String>> top = work.peek();
        String node = top.getKey();
        if (top.getValue().hasNext()) {
          String succ = top.getValue().next();
          if (!index.containsKey(succ)) {
            visit(succ);
            work.push(Map.entry(succ, edges.getOrDefault(succ, Set.of()).iterator()));
          } else if (onStack.contains(succ)) {
            low.put(node, Math.min(low.get(node), index.get(succ)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String parent = work.peek().getKey();
          low.put(parent, Math.min(low.get(parent), low.get(node)));
        }
        if (low.get(node).equals(index.get(node))) {
          Set<String> component = new TreeSet<>();
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(node));
          components.add(component);
        }
      }
    }

    private void visit(String node) {
      index.put(node, next);
      low.put(node, next);
      next++;
      stack.push(node);
      onStack.add(node);
    }
  }
}
