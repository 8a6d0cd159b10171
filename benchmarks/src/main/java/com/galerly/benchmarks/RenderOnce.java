/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.RenditionProfile;
import java.nio.file.Path;

/**
 * Renders one photo once with one implementation, for memory checks in a JVM of a given heap: run.sh starts it
 * under {@code -Xmx256m} with a 24 MP photo and {@code -Xmx1g} with a 100 MP one (and under {@code /usr/bin/time}
 * for the peak RSS). Prints {@code ok <ms> <bytes>} and exits 0, or {@code failed <error>} and exits 1.
 *
 * <pre>{@code
 * // java -Xmx256m -cp benchmarks.jar com.galerly.benchmarks.RenderOnce galerly photo-6000x4000-q90.jpg
 * }</pre>
 */
public final class RenderOnce {
    private RenderOnce() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RenderOnce IMPLEMENTATION FILE  (implementations: " + Renderers.NAMES + ")");
            System.exit(2);
        }
        try {
            Renderers.Renderer renderer = Renderers.of(args[0]);
            long start = System.nanoTime();
            long bytes = renderer.render(Path.of(args[1]), RenditionProfile.standard());
            System.out.println("ok " + (System.nanoTime() - start) / 1_000_000 + " " + bytes);
        } catch (Throwable e) {                // OutOfMemoryError included: that is the answer being asked for
            System.out.println("failed " + e);
            System.exit(1);
        }
    }
}
