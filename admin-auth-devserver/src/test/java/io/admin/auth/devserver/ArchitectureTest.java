package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.testing.PackageGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md that the compiler does not check by itself. The dev server is
 * an application packaged as one shaded jar, so it has no module descriptor to check; its package
 * graph must still be free of cycles.
 */
class ArchitectureTest {

  @Test
  void mainSourcesWhenReadThenNoPackageCycles() {
    assertEquals(List.of(), PackageGraph.of(Path.of("src/main/java")).cycles());
  }
}
