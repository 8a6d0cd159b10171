/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the kernels' form is chosen from the JVM's options. */
class KernelsTest {
    @Test
    void c1AloneIsTieredStopAtLevel1To3OrQuickOnly() {
        assertTrue(Kernels.c1Only("java -XX:TieredStopAtLevel=1 -jar galerly-cli.jar render x.jpg"));
        assertTrue(Kernels.c1Only("-XX:TieredStopAtLevel=3"));
        assertTrue(Kernels.c1Only("-XX:CompilationMode=quick-only"));
        assertTrue(Kernels.c1Only("  -XX:TieredStopAtLevel=1\t-Xmx256m "));
    }

    @Test
    void c2OrNoCompilerIsNot() {
        assertFalse(Kernels.c1Only(""));
        assertFalse(Kernels.c1Only("java -jar galerly-cli.jar"));
        assertFalse(Kernels.c1Only("-XX:TieredStopAtLevel=4"));
        assertFalse(Kernels.c1Only("-XX:TieredStopAtLevel=0"));           // the interpreter alone
        assertFalse(Kernels.c1Only("-XX:TieredStopAtLevel=1 -XX:-TieredCompilation"));  // C2 alone
        assertFalse(Kernels.c1Only("-XX:CompilationMode=high-only"));
    }

    @Test
    void theLastOptionWins() {
        // JAVA_TOOL_OPTIONS come first, then the command line (the launcher's JAVA_OPTS=-XX:TieredStopAtLevel=4)
        assertFalse(Kernels.c1Only("-XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4"));
        assertTrue(Kernels.c1Only("-XX:TieredStopAtLevel=4 -XX:TieredStopAtLevel=1"));
        assertFalse(Kernels.c1Only("-XX:CompilationMode=quick-only -XX:CompilationMode=default"));
        assertFalse(Kernels.c1Only("-XX:TieredStopAtLevel=x"));
    }

    @Test
    void theSystemPropertyOverrides() {
        assertTrue(Kernels.scalar("scalar"));
        assertFalse(Kernels.scalar("SIMD"));
        assertEquals(Kernels.c1Only(), Kernels.scalar("auto"));
        // the surefire execution scalar-kernels sets it to scalar
        assertEquals(Kernels.scalar(System.getProperty("galerly.imaging.kernels", "auto")), Kernels.SCALAR);
    }
}
