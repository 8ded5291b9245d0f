package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.testing.PackageGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md that the compiler does not check by itself. The benchmark is an
 * application packaged as one executable jar, never published, so it has no module descriptor; its
 * package graph must still be free of cycles.
 */
class ArchitectureTest {

    @Test
    void mainSourcesWhenReadThenNoPackageCycles() {
        assertEquals(List.of(), PackageGraph.of(Path.of("src/main/java")).cycles());
    }
}
