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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproducible builds, checked in {@code ./mvnw verify}: two library modules (galerly-core and galerly-cdn:
 * classes, -sources and -javadoc jars) are built twice, from two fresh copies of the
 * sources in different directories, and must be byte-identical. They share every packaging plugin and setting
 * with the other library modules (the root pom's {@code project.build.outputTimestamp}, the jar, source and
 * javadoc plugins). {@code scripts/check-reproducible.sh} does the same for every jar of the whole reactor,
 * shaded ones included.
 */
class ReproducibleBuildTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MODULES = List.of("galerly-core", "galerly-cdn");

    @Test
    void twoBuildsFromFreshCopiesGiveByteIdenticalJars(@TempDir Path work) throws Exception {
        Path first = build(work.resolve("a"));
        Path second = build(work.resolve("second-copy"));
        TreeMap<String, byte[]> one = jars(first);
        TreeMap<String, byte[]> two = jars(second);
        assertEquals(one.keySet(), two.keySet());
        assertTrue(one.size() >= 3 * MODULES.size(), "classes, sources and javadoc jars of " + MODULES + ": " + one.keySet());
        List<String> differing = new ArrayList<>();
        one.forEach((name, bytes) -> {
            if (!Arrays.equals(bytes, two.get(name))) {
                differing.add(name);
            }
        });
        assertEquals(List.of(), differing, "jars that differ between two builds of the same sources");
    }

    /** Copies the root build files and every module's pom and main sources, then packages {@link #MODULES}. */
    private static Path build(Path copy) throws IOException, InterruptedException {
        for (String file : List.of("pom.xml", "mvnw", ".mvn")) {
            copyTree(ROOT.resolve(file), copy.resolve(file));
        }
        try (Stream<Path> children = Files.list(ROOT)) {
            for (Path module : children.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                copyTree(module.resolve("pom.xml"), copy.resolve(module.getFileName()).resolve("pom.xml"));
                copyTree(module.resolve("src/main"), copy.resolve(module.getFileName()).resolve("src/main"));
            }
        }
        copyTree(ROOT.resolve("examples/lambda/pom.xml"), copy.resolve("examples/lambda/pom.xml"));
        List<String> command = new ArrayList<>(List.of("sh", copy.resolve("mvnw").toString(), "-B", "-q", "-o",
                "-Dmaven.test.skip=true", "-pl", String.join(",", MODULES), "-am", "package"));
        Path log = copy.resolve("build.log");
        Process maven = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(maven.waitFor(10, TimeUnit.MINUTES), "the build finished");
        assertEquals(0, maven.exitValue(), () -> "the build failed:\n" + read(log));
        return copy;
    }

    private static TreeMap<String, byte[]> jars(Path copy) throws IOException {
        TreeMap<String, byte[]> jars = new TreeMap<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.list(copy.resolve(module).resolve("target"))) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    jars.put(module + "/" + jar.getFileName(), Files.readAllBytes(jar));
                }
            }
        }
        return jars;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String read(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
