/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

/** A mistake of the user's (a missing file, a bad value): one line on stderr, exit 2 by default, no stack trace. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserException(String message) {
        this(message, ErrorLines.USAGE);
    }

    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
