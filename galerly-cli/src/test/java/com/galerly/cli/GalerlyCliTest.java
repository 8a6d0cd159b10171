/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GalerlyCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GalerlyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: galerly"), out.toString());
        assertTrue(out.toString().contains("Commands:"), out.toString());
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().contains("Usage: galerly"));
    }

    @Test
    void versionNamesGalerlyAndTheJvm() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("galerly "), out.toString());
        assertTrue(out.toString().contains("Java "), out.toString());
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrorsOnOneLine() {
        assertEquals(2, run("--bogus"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("galerly: Unknown option: '--bogus'"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        err.getBuffer().setLength(0);
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().startsWith("galerly: "), err.toString());
    }

    @Test
    void startUpBuildsOnlyTheSubcommandBeingRun() {
        assertEquals(java.util.Set.of("render"),
                GalerlyCli.commandLine(new String[] {"render", "--out", "x", "a.jpg"}).getSubcommands().keySet());
        assertEquals(java.util.List.of("render", "inspect", "sign-url", "sign-cookies", "presign-put", "presign-post",
                "demo", "reconcile", "help"),
                java.util.List.copyOf(GalerlyCli.commandLine(new String[] {"--help"}).getSubcommands().keySet()));
        assertEquals(0, run("render", "--help"));
        assertTrue(out.toString().startsWith("Usage: galerly render"), out.toString());
    }
}
