/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code galerly} command. Subcommands follow {@code shared/CLI.md}; user errors print one line on stderr
 * and exit 2, without a stack trace unless {@code --verbose}.
 */
@Command(name = "galerly",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Photo-gallery toolkit for AWS: renditions, CloudFront signing, presigned uploads.",
        subcommands = {RenderCommand.class, InspectCommand.class, SignUrlCommand.class, SignCookiesCommand.class,
                PresignPutCommand.class, PresignPostCommand.class, DemoCommand.class, ReconcileCommand.class,
                CommandLine.HelpCommand.class})
public final class GalerlyCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GalerlyCli());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(ErrorHandler::usage);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
