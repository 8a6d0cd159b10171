/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Java source of the project carries the Apache-2.0 header (the build runs from galerly-cli/). */
class LicenseHeaderTest {
    private static final String HEADER = "/*\n * Copyright 2026 The Galerly Authors\n * SPDX-License-Identifier: Apache-2.0\n */";

    @Test
    void everyJavaSourceHasTheHeader() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.exists(root.resolve("LICENSE")), "run from a module of the reactor: " + root);
        List<Path> missing;
        try (Stream<Path> files = Files.walk(root)) {
            missing = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> !startsWithHeader(p))
                    .toList();
        }
        assertEquals(List.of(), missing);
    }

    private static boolean startsWithHeader(Path file) {
        try {
            return Files.readString(file).startsWith(HEADER);
        } catch (IOException e) {
            return false;
        }
    }
}
