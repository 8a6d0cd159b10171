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

/** {@code galerly reconcile}: its usage errors (one line, exit 2) before anything is contacted. */
class ReconcileCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GalerlyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void exactlyOneInputIsRequired() {
        assertEquals(2, run("reconcile", "--bucket", "photos", "--region", "eu-west-1", "--table", "photos"));
        assertTrue(err.toString().contains("--inventory") || err.toString().contains("--gallery"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals(2, run("reconcile", "--bucket", "photos", "--region", "eu-west-1", "--table", "photos",
                "--gallery", "g", "--inventory", "manifest.json"));
    }

    @Test
    void aMalformedGraceOrGalleryIsOneLine() {
        assertEquals(2, run("reconcile", "--bucket", "photos", "--region", "eu-west-1", "--table", "photos",
                "--gallery", "g", "--grace", "an hour"));
        assertTrue(err.toString().contains("--grace"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertEquals(2, run("reconcile", "--bucket", "photos", "--region", "eu-west-1", "--table", "photos",
                "--gallery", "../etc"));
        assertEquals(2, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("reconcile", "--help"));
        for (String option : new String[] {"--inventory", "--gallery", "--repair", "--grace", "--table"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }
}
