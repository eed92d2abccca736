package io.gridpbx.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Run directories of the multi-process tests: emptied at the start of a run, kept afterwards for reading. */
final class TestDirs {

    private TestDirs() {
    }

    /** Deletes the directory if it exists and creates it empty. */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
