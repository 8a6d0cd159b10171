/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which form of the pixel kernels this JVM runs faster: the row-of-blocks loops that HotSpot's C2 turns into SIMD
 * code, or block-by-block scalar code for a JVM that compiles with C1 alone ({@code -XX:TieredStopAtLevel=1}, what
 * the {@code galerly} launcher uses for a single photo and AWS advises for Lambda functions without SnapStart). C1
 * neither vectorises nor unrolls: the SIMD form's loops then load and store every intermediate, and the scalar
 * form, which keeps them in registers and skips zero coefficients as libjpeg does, is faster. Both give the same
 * samples. {@code -Dgalerly.imaging.kernels=scalar|simd} overrides the choice.
 */
public final class Kernels {
    /** Whether the scalar form runs: this JVM compiles with C1 alone, or the override says so. */
    public static final boolean SCALAR = scalar(System.getProperty("galerly.imaging.kernels", "auto"));

    private Kernels() {
    }

    static boolean scalar(String choice) {
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case "scalar" -> true;
            case "simd" -> false;
            default -> c1Only();
        };
    }

    /**
     * Whether HotSpot compiles with C1 alone. Read from the JVM's options where they are cheap to read (on Linux,
     * the command line and the environment variables the JVM reads options from: a management bean costs 20 ms of
     * class loading at a cold start), else from the HotSpot diagnostic bean.
     */
    static boolean c1Only() {
        Path cmdline = Path.of("/proc/self/cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                String options = String.join(" ", env("JAVA_TOOL_OPTIONS"),
                        new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' '),
                        env("JDK_JAVA_OPTIONS"), env("_JAVA_OPTIONS"));
                return c1Only(options);
            } catch (IOException | RuntimeException e) {
                // fall through to the bean
            }
        }
        try {
            String level = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("TieredStopAtLevel").getValue();
            return Integer.parseInt(level) < 4;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether these JVM options (the last of each option wins) leave C1 as the only compiler. */
    static boolean c1Only(String options) {
        boolean tiered = true;
        boolean quickOnly = false;
        int level = 4;
        for (String option : options.trim().split("\\s+")) {
            if (option.startsWith("-XX:TieredStopAtLevel=")) {
                try {
                    level = Integer.parseInt(option.substring("-XX:TieredStopAtLevel=".length()));
                } catch (NumberFormatException e) {
                    level = 4;                                  // the JVM refuses it: it never starts
                }
            } else if (option.equals("-XX:-TieredCompilation") || option.equals("-XX:+TieredCompilation")) {
                tiered = option.charAt(4) == '+';
            } else if (option.startsWith("-XX:CompilationMode=")) {
                quickOnly = option.endsWith("=quick-only");
            }
        }
        return tiered && (quickOnly || level >= 1 && level <= 3);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
