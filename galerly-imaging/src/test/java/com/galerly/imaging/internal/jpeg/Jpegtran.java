/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libjpeg-turbo's jpegtran (Debian: libjpeg-turbo-progs, installed by .ci/run): lossless re-coding of a JPEG as a
 * progressive one with any scan script and restart interval, coefficients unchanged. Where it is missing, the
 * test is skipped with the reason.
 */
final class Jpegtran {
    private Jpegtran() {
    }

    /** {@code jpeg} re-coded with scan script {@code script} (jpegtran's -scans syntax), restarts every n MCUs. */
    static byte[] progressive(byte[] jpeg, String script, int restartInterval) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jpegtran");
        try {
            Path in = Files.write(dir.resolve("in.jpg"), jpeg);
            Path scans = Files.writeString(dir.resolve("scans.txt"), script, StandardCharsets.US_ASCII);
            Path out = dir.resolve("out.jpg");
            List<String> command = new ArrayList<>(List.of("jpegtran", "-scans", scans.toString()));
            if (restartInterval > 0) {
                command.addAll(List.of("-restart", Integer.toString(restartInterval)));
            }
            command.addAll(List.of("-outfile", out.toString(), in.toString()));
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("skipped: jpegtran (libjpeg-turbo-progs) is not installed: " + e.getMessage());
                assumeTrue(false, "jpegtran (libjpeg-turbo-progs) is not installed");
                throw e;
            }
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("jpegtran failed: " + log);
            }
            return Files.readAllBytes(out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
