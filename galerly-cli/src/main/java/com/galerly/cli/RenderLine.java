/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The render fast path: a {@code galerly render} line that is certainly valid runs without picocli. picocli
 * costs 0.4-0.6 s of CPU in a fresh JVM before the first option is read (building its command model by
 * reflection, interpreted), more than a third of a cold 24 MP render, so the common line skips it.
 *
 * <p>Only lines picocli would read the same way take this path: {@code render} first, then the options of
 * {@link RenderCommand} as {@code --name value} or {@code --name=value}, each at most once, with plain values
 * (digits for the integers, a decimal for {@code --max-megapixels}, a path that parses), {@code --out} and at
 * least one input. Anything else ({@code --help}, {@code --version}, an unknown or repeated option, {@code --},
 * an {@code @file} argument, a value starting with {@code -}, a value picocli would reject) returns null, and
 * picocli parses the line as before, with its help and its error messages. {@code RenderLineTest} checks that
 * the two agree on every line this path accepts.
 *
 * <pre>{@code
 * RenderCommand render = RenderLine.parse(args);   // null: let picocli have it
 * }</pre>
 */
final class RenderLine {
    /** The valued options of {@link RenderCommand}; {@code --verbose} is its only flag. */
    static final Set<String> VALUED = Set.of("--out", "--profile", "--format", "--quality", "--max-megapixels",
            "--threads");
    static final String VERBOSE = "--verbose";
    private static final Pattern INT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

    private RenderLine() {
    }

    /** The render {@code args} ask for, or null when the line is not a plain, certainly valid render line. */
    static RenderCommand parse(String[] args) {
        if (args.length < 3 || !"render".equals(args[0])) {
            return null;
        }
        RenderCommand c = new RenderCommand();
        c.profile = "standard";
        List<Path> inputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@")) {
                return null;
            }
            if (!a.startsWith("-")) {
                Path p = path(a);
                if (p == null) {
                    return null;
                }
                inputs.add(p);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (!seen.add(name)) {
                return null;
            }
            if (VERBOSE.equals(name) && eq < 0) {
                c.verbose = true;
                continue;
            }
            if (!VALUED.contains(name)) {
                return null;
            }
            String value;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || !set(c, name, value)) {
                return null;
            }
        }
        if (c.out == null || inputs.isEmpty()) {
            return null;
        }
        c.inputs = inputs;
        return c;
    }

    /** Runs a parsed line as picocli would: the command's exit code, or a failure reported in one line. */
    static int execute(RenderCommand command, PrintWriter out, PrintWriter err) {
        command.stdout = out;
        command.stderr = err;
        try {
            return command.call();
        } catch (Exception e) {
            return ErrorLines.report(e, err, command.verbose);
        }
    }

    /** Sets option {@code name} to {@code value}; false when the value is not one this path is sure of. */
    private static boolean set(RenderCommand c, String name, String value) {
        return switch (name) {
            case "--out" -> (c.out = path(value)) != null;
            case "--profile" -> (c.profile = value) != null;
            case "--format" -> (c.format = value) != null;
            case "--quality" -> (c.quality = integer(value)) != null;
            case "--threads" -> (c.threads = integer(value)) != null;
            default -> (c.maxMegapixels = DECIMAL.matcher(value).matches() ? Double.valueOf(value) : null) != null;
        };
    }

    private static Integer integer(String value) {
        return INT.matcher(value).matches() ? Integer.valueOf(value) : null;
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
