/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.io.PrintWriter;

/**
 * The {@code galerly} jar's entry point. A plain, valid {@code render} line runs {@link RenderCommand} directly
 * ({@link RenderLine}); anything else goes to picocli ({@link GalerlyCli}). This class names no picocli type:
 * loading {@link GalerlyCli} as the main class made the JVM load a picocli interface to check its verification
 * constraints, and the application class loader then opened the jars of the class path one by one up to picocli's
 * (about 40 ms of every cold start).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        RenderCommand render = RenderLine.parse(args);
        int code = run(render, args, out, err);
        out.flush();
        err.flush();
        if (code != 0 || render == null) {
            System.exit(code);
        }
        // A render that succeeded returns instead: its threads are daemons, and System.exit on JDK 21 and later
        // asks for a System.Logger to log the exit, whose lookup opens every jar of the class path (70 ms).
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(RenderLine.parse(args), args, out, err);
    }

    /** {@code render} directly when the line is one {@link RenderLine} read ({@code render} not null), else picocli. */
    private static int run(RenderCommand render, String[] args, PrintWriter out, PrintWriter err) {
        return render != null ? RenderLine.execute(render, out, err) : GalerlyCli.execute(args, out, err);
    }
}
