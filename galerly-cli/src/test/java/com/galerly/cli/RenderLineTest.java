/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The render fast path reads every line it accepts exactly as picocli does, and leaves every other line to it. */
class RenderLineTest {
    @TempDir
    Path tmp;

    private static final List<List<String>> ACCEPTED = List.of(
            List.of("render", "--out", "o", "a.jpg"),
            List.of("render", "a.jpg", "--out", "o"),
            List.of("render", "--out=o", "a.jpg", "dir/b.png"),
            List.of("render", "--out", "o", "--profile", "p.json", "--format", "both", "--quality", "90",
                    "--max-megapixels", "12.5", "--threads", "3", "--verbose", "a.jpg"),
            List.of("render", "--verbose", "--quality=7", "--max-megapixels=200", "--out", "o", "x", "y", "z"),
            List.of("render", "--format", "WEBP", "--out", "o", "a b.jpg"),
            // values picocli accepts and the command itself then refuses, with its own one-line message
            List.of("render", "--quality", "0", "--threads", "0", "--format", "gif", "--out", "o", "a.jpg"));

    private static final List<List<String>> LEFT_TO_PICOCLI = List.of(
            List.of("render", "--help"),
            List.of("render", "-h", "--out", "o", "a.jpg"),
            List.of("render", "--version", "--out", "o", "a.jpg"),
            List.of("render", "--out", "o"),
            List.of("render", "a.jpg", "b.jpg"),
            List.of("render", "--out", "o", "--out", "p", "a.jpg"),
            List.of("render", "--out", "o", "--verbose", "--verbose", "a.jpg"),
            List.of("render", "--out", "o", "--bogus", "a.jpg"),
            List.of("render", "--out", "o", "--quality", "x", "a.jpg"),
            List.of("render", "--out", "o", "--quality", "-1", "a.jpg"),
            List.of("render", "--out", "o", "--quality", "0x10", "a.jpg"),
            List.of("render", "--out", "o", "--max-megapixels", "1e3", "a.jpg"),
            List.of("render", "--out", "o", "--threads", "99999999999", "a.jpg"),
            List.of("render", "--out", "o", "--verbose=true", "a.jpg"),
            List.of("render", "--out", "o", "--", "a.jpg"),
            List.of("render", "--out", "o", "@args.txt"),
            List.of("render", "--out=", "a.jpg"),
            List.of("render", "a.jpg", "--out"),
            List.of("render", "--out", "o", "-"),
            List.of("inspect", "--out", "o", "a.jpg"),
            List.of("--verbose", "render", "--out", "o", "a.jpg"));

    @Test
    void readsEveryAcceptedLineAsPicocliDoes() throws IllegalAccessException {
        for (List<String> line : ACCEPTED) {
            String[] args = line.toArray(String[]::new);
            RenderCommand fast = RenderLine.parse(args);
            assertNotNull(fast, "taken by the fast path: " + line);
            RenderCommand picocli = new RenderCommand();
            new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));
            for (Field f : options()) {
                assertEquals(f.get(picocli), f.get(fast), f.getName() + " of " + line);
            }
        }
    }

    @Test
    void leavesEveryOtherLineToPicocli() {
        for (List<String> line : LEFT_TO_PICOCLI) {
            assertNull(RenderLine.parse(line.toArray(String[]::new)), "left to picocli: " + line);
        }
    }

    @Test
    void knowsEveryOptionOfTheRenderCommand() {
        Set<String> declared = new HashSet<>();
        for (Field f : RenderCommand.class.getDeclaredFields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o != null) {
                declared.addAll(List.of(o.names()));
            }
        }
        Set<String> known = new HashSet<>(RenderLine.VALUED);
        known.add(RenderLine.VERBOSE);
        assertEquals(declared, known, "a new render option must be added to RenderLine (or it is never fast)");
    }

    @Test
    void failuresOnTheFastPathKeepTheContract() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"render", "--out", tmp.resolve("o").toString(), tmp.resolve("missing.jpg").toString()};
        assertNotNull(RenderLine.parse(args));
        assertEquals(2, GalerlyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(err.toString().startsWith("galerly: no such file or directory: "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line, no stack trace: " + err);

        err.getBuffer().setLength(0);
        Files.write(tmp.resolve("a.jpg"), new byte[] {1, 2, 3});
        String[] quality = {"render", "--quality", "0", "--out", tmp.resolve("o").toString(),
            tmp.resolve("a.jpg").toString()};
        assertNotNull(RenderLine.parse(quality));
        assertEquals(2, GalerlyCli.run(quality, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertEquals("galerly: --quality must be 1..100, was 0", err.toString().strip());

        err.getBuffer().setLength(0);
        String[] verbose = {"render", "--verbose", "--out", tmp.resolve("o").toString(), tmp.resolve("nope").toString()};
        assertEquals(2, GalerlyCli.run(verbose, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("\tat "), "--verbose adds the stack trace: " + err);
        assertFalse(out.toString().contains("rendered"), out.toString());
    }

    private static List<Field> options() {
        return Arrays.stream(RenderCommand.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(CommandLine.Option.class)
                        || f.isAnnotationPresent(CommandLine.Parameters.class))
                .toList();
    }
}
