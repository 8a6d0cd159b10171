/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays what a newcomer reads in one sitting (at most 20 KB, the two quick-start commands) and leads to
 * the depth: every page of docs/ is linked from it, and every relative link of the README and of docs/ resolves to
 * a file and, with a {@code #fragment}, to a heading of that file (GitHub's anchors). Lives beside
 * {@link SchemaDocumentationTest}, the other documentation test (the build runs from galerly-jdbc/).
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path README = ROOT.resolve("README.md");
    private static final Path DOCS = ROOT.resolve("docs");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeIsAtMostTwentyKilobytes() throws IOException {
        long size = Files.size(README);
        assertTrue(size <= 20 * 1024, "README.md is " + size + " bytes; move depth into docs/ (at most 20480)");
    }

    @Test
    void theReadmeShowsTheTwoQuickStartCommandsAndTheyExist() throws IOException {
        String readme = Files.readString(README);
        assertTrue(readme.contains("./galerly demo"), "quick start: ./galerly demo");
        assertTrue(readme.contains("./mvnw verify"), "quick start: ./mvnw verify");
        assertTrue(Files.isExecutable(ROOT.resolve("galerly")), "the galerly launcher at the root");
        assertTrue(Files.isExecutable(ROOT.resolve("mvnw")), "the Maven wrapper at the root");
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (String target : links(README)) {
            linked.add(README.getParent().resolve(strip(target)).normalize());
        }
        for (Path page : pages()) {
            assertTrue(linked.contains(page.normalize()), "README.md links no " + ROOT.relativize(page));
        }
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndOfDocsResolves() throws IOException {
        List<Path> files = new ArrayList<>(pages());
        files.add(0, README);
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String target : links(file)) {
                if (target.matches("^[a-z]+:.*")) {
                    continue;                       // https:, mailto:
                }
                checked++;
                String path = strip(target);
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such file)");
                    continue;
                }
                int hash = target.indexOf('#');
                if (hash >= 0 && resolved.toString().endsWith(".md")) {
                    Set<String> known = anchors.computeIfAbsent(resolved, ReadmeTest::anchors);
                    if (!known.contains(target.substring(hash + 1))) {
                        broken.add(ROOT.relativize(file) + ": " + target + " (no such heading)");
                    }
                }
            }
        }
        assertTrue(checked > 50, "links checked: " + checked);
        assertEquals(List.of(), broken);
    }

    /** The anchor of a heading on GitHub: its text lower-cased, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replace("`", "").trim();
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    void anchorsAreComputedAsGitHubDoes() {
        assertEquals("heic--heif--avif-galerly-imaging-heif", anchor("HEIC / HEIF / AVIF: `galerly-imaging-heif`"));
        assertEquals("a-photos-life", anchor("A photo's life"));
        assertEquals("what-mvnw-verify-runs-on", anchor("What `./mvnw verify` runs on"));
    }

    private static Set<String> anchors(Path markdown) {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        try {
            for (String line : Files.readAllLines(markdown)) {
                if (line.startsWith("```")) {
                    fence = !fence;
                }
                Matcher m = Pattern.compile("^#{1,6} (.*)").matcher(line);
                if (!fence && m.matches()) {
                    String a = anchor(m.group(1));
                    int n = seen.merge(a, 1, Integer::sum);
                    out.add(n == 1 ? a : a + "-" + (n - 1));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static String strip(String target) {
        int hash = target.indexOf('#');
        return hash >= 0 ? target.substring(0, hash) : target;
    }

    private static List<String> links(Path markdown) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (!fence && m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> list = Files.list(DOCS)) {
            return list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
