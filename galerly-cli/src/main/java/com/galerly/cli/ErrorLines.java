/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.core.GalerlyException;
import java.io.PrintWriter;

/**
 * The one-line form of a failure on stderr, shared by picocli's {@link ErrorHandler} and the render fast path
 * ({@link RenderLine}), which must not load picocli to report an error.
 */
final class ErrorLines {
    /** Exit code for usage and user errors. */
    static final int USAGE = 2;

    private ErrorLines() {
    }

    /**
     * Prints {@code galerly: MESSAGE} (and the stack trace when {@code verbose}) and returns the exit code: a
     * {@link UserException}'s own, else {@link #USAGE}.
     */
    static int report(Exception e, PrintWriter err, boolean verbose) {
        String message = e instanceof GalerlyException g ? g.code() + ": " + g.getMessage()
                : e instanceof UserException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        err.println("galerly: " + oneLine(message));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof UserException u ? u.exitCode() : USAGE;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
