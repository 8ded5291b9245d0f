package io.admin.auth.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageGraphTest {

  private static String source(String pkg, String... imports) {
    StringBuilder s = new StringBuilder("package " + pkg + ";\n");
    for (String i : imports) {
      s.append("import ").append(i).append(";\n");
    }
    return s.append("final class X {}\n").toString();
  }

  @Test
  void cyclesWhenThreePackagesImportInACircleThenTheCircleIsReported() {
    PackageGraph graph = PackageGraph.ofSources(List.of(
        source("io.admin.auth.a", "io.admin.auth.b.B"),
        source("io.admin.auth.b", "io.admin.auth.c.C"),
        source("io.admin.auth.c", "io.admin.auth.a.A"),
        source("io.admin.auth.d", "io.admin.auth.a.A")));

    assertEquals(List.of(Set.of("io.admin.auth.a", "io.admin.auth.b", "io.admin.auth.c")),
        graph.cycles());
  }

  @Test
  void cyclesWhenDependenciesOnlyPointOneWayThenNone() {
    PackageGraph graph = PackageGraph.ofSources(List.of(
        source("io.admin.auth.a", "io.admin.auth.b.B", "java.util.List"),
        source("io.admin.auth.b", "io.admin.auth.c.C"),
        source("io.admin.auth.c")));

    assertTrue(graph.cycles().isEmpty());
    assertEquals(Set.of("io.admin.auth.b"), graph.edges().get("io.admin.auth.a"));
  }

  @Test
  void edgesWhenCodeNamesAFullyQualifiedTypeThenItCountsButCommentsDoNot() {
    PackageGraph graph = PackageGraph.ofSources(List.of(
        "package io.admin.auth.a;\n// io.admin.auth.c.C in a comment\n"
            + "final class A { io.admin.auth.b.B.Nested field; }\n",
        source("io.admin.auth.b", "static io.admin.auth.a.A.helper"),
        source("io.admin.auth.c")));

    assertEquals(Map.of("io.admin.auth.a", Set.of("io.admin.auth.b"),
        "io.admin.auth.b", Set.of("io.admin.auth.a"), "io.admin.auth.c", Set.of()),
        graph.edges());
    assertEquals(1, graph.cycles().size());
  }

  @Test
  void problemsWhenAnInternalPackageIsExportedToEveryoneThenReported() {
    ModuleDescriptor module = ModuleDescriptor.newModule("io.admin.auth.x")
        .packages(Set.of("io.admin.auth.x", "io.admin.auth.x.internal", "io.admin.auth.x.hidden"))
        .exports("io.admin.auth.x")
        .exports("io.admin.auth.x.internal")
        .build();

    assertEquals(List.of("io.admin.auth.x.internal is internal but exported to every module",
        "io.admin.auth.x.hidden is neither internal nor exported"),
        ModuleBoundary.problems(module));
  }

  @Test
  void problemsWhenInternalIsExportedOnlyToAdminAuthModulesThenNone() {
    ModuleDescriptor module = ModuleDescriptor.newModule("io.admin.auth.x")
        .packages(Set.of("io.admin.auth.x", "io.admin.auth.x.internal"))
        .exports("io.admin.auth.x")
        .exports(Set.of(), "io.admin.auth.x.internal", Set.of("io.admin.auth.y"))
        .build();

    assertTrue(ModuleBoundary.problems(module).isEmpty());
  }
}
