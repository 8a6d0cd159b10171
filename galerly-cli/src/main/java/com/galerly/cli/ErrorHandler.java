/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import picocli.CommandLine;

/**
 * Turns failures into the CLI contract: usage and user errors print one line on stderr and exit 2;
 * {@code --verbose} (anywhere on the line) adds the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /** Exit code for usage and user errors. */
    static final int USAGE = ErrorLines.USAGE;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return ErrorLines.report(e, cli.getErr(), verbose(parsed));
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("galerly: " + ErrorLines.oneLine(e.getMessage()) + " (see '" + cli.getCommandSpec().qualifiedName()
                + " --help')");
        return USAGE;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.originalArgs().contains("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
