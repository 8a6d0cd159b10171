/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code galerly} command. Subcommands follow {@code shared/CLI.md}; user errors print one line on stderr
 * and exit 2, without a stack trace unless {@code --verbose}.
 *
 * <p>Start-up builds only the subcommand being run when the first argument names one: picocli instantiates every
 * registered command and its option types, and the signing, presigning and reconcile commands pull in the AWS
 * SDK, BouncyCastle and Jackson, which a {@code render} never uses (about a third of a cold render's start-up).
 * Anything else ({@code --help}, {@code help render}, a typo) gets the full command tree. A plain, valid
 * {@code render} line skips picocli altogether ({@link RenderLine}).
 */
@Command(name = "galerly",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Photo-gallery toolkit for AWS: renditions, CloudFront signing, presigned uploads.")
public final class GalerlyCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** As {@link Main#main}, the jar's entry point. */
    public static void main(String[] args) {
        Main.main(args);
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err);
    }

    /** Runs {@code args} with picocli. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The command tree for {@code args}: only the named subcommand when the first argument is one. */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new GalerlyCli());
        Map<String, Supplier<Object>> subcommands = subcommands();
        Supplier<Object> only = args.length > 0 ? subcommands.get(args[0]) : null;
        if (only != null) {
            cli.addSubcommand(only.get());
        } else {
            subcommands.values().forEach(command -> cli.addSubcommand(command.get()));
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(ErrorHandler::usage);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The subcommands in usage order, by name; each made only when it is registered. Built per call, not in a
     * static field: the render fast path must not load (and verify) the other commands' classes.
     */
    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("render", RenderCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("sign-url", SignUrlCommand::new);
        m.put("sign-cookies", SignCookiesCommand::new);
        m.put("presign-put", PresignPutCommand::new);
        m.put("presign-post", PresignPostCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("reconcile", ReconcileCommand::new);
        return m;
    }
}
