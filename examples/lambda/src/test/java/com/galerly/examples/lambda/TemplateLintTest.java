/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The template as CloudFormation's own linter reads it: cfn-lint (pip {@code cfn-lint}; {@code .ci/run} installs
 * it) runs the SAM transform and validates every resource property against the resource specification, so a
 * misspelt or misplaced property (which {@link TemplateTest} would not notice) fails the build.
 */
class TemplateLintTest {
    @Test
    void cfnLintFindsNothing() throws IOException, InterruptedException {
        Optional<Path> lint = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "cfn-lint")).filter(Files::isExecutable).findFirst();
        if (lint.isEmpty()) {
            System.out.println("TemplateLintTest skipped: cfn-lint is not on the PATH (pip install cfn-lint)");
        }
        Assumptions.assumeTrue(lint.isPresent(), "cfn-lint is not on the PATH (pip install cfn-lint)");
        Process process = new ProcessBuilder(lint.get().toString(), "--format", "parseable", "template.yaml")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("cfn-lint did not finish in 5 minutes");
        }
        assertEquals(0, process.exitValue(), "cfn-lint template.yaml:\n" + output);
        assertEquals("", output.strip());
    }
}
