package io.admin.auth.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a compiled module descriptor against the rule of docs/architecture.md: every package
 * whose name contains {@code .internal} is exported only to named admin-auth modules (or not at
 * all), and every other package is exported, so that nothing public is hidden by accident.
 */
public final class ModuleBoundary {

  private ModuleBoundary() {}

  /** The descriptor compiled into {@code classesDir} (normally {@code target/classes}). */
  public static ModuleDescriptor read(Path classesDir) {
    try (InputStream in = Files.newInputStream(classesDir.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every breach of the rule, one sentence each; empty when the descriptor keeps it. */
  public static List<String> problems(ModuleDescriptor module) {
    List<String> problems = new ArrayList<>();
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.exports()) {
      exported.add(e.source());
      boolean internal = e.source().contains(".internal");
      if (internal && !e.isQualified()) {
        problems.add(e.source() + " is internal but exported to every module");
      }
      if (internal && e.targets().stream().anyMatch(t -> !t.startsWith("io.admin.auth."))) {
        problems.add(e.source() + " is internal but exported outside admin-auth: " + e.targets());
      }
      if (!internal && e.isQualified()) {
        problems.add(e.source() + " is API but exported only to " + e.targets());
      }
    }
    for (String pkg : new TreeSet<>(module.packages())) {
      if (!pkg.contains(".internal") && !exported.contains(pkg) && hasClasses(pkg)) {
        problems.add(pkg + " is neither internal nor exported");
      }
    }
    return problems;
  }

  // Resource-only folders (SQL scripts) count as packages of a module but hold no API.
  private static boolean hasClasses(String pkg) {
    return !pkg.contains(".schema");
  }
}
