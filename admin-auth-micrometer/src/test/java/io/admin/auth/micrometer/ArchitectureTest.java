package io.admin.auth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.testing.ModuleBoundary;
import io.admin.auth.core.testing.PackageGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md that the compiler does not check by itself. */
class ArchitectureTest {

  @Test
  void mainSourcesWhenReadThenNoPackageCycles() {
    assertEquals(List.of(), PackageGraph.of(Path.of("src/main/java")).cycles());
  }

  @Test
  void moduleDescriptorWhenReadThenInternalPackagesStayInternalAndTheRestIsExported() {
    assertEquals(List.of(), ModuleBoundary.problems(ModuleBoundary.read(Path.of("target/classes"))));
  }
}
