/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.RenditionProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the side-by-side imaging benchmarks share: the {@code implementation} parameter over every
 * {@link Renderers} entry, and the source file a subclass names with its own {@code source} parameter (its default
 * differs per task).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class PeerBenchmark {
    @Param({"galerly", "galerly-2t", "thumbnailator-file", "thumbnailator-decoded", "imgscalr", "java2d-bicubic"})
    public String implementation;

    private Renderers.Renderer renderer;
    private Path file;

    /** {@code generated:WxH} or a path, as {@link PhotoFixtures#resolve} takes it. */
    protected abstract String source();

    @Setup
    public void setUp() {
        file = PhotoFixtures.resolve(source(), PhotoFixtures.dir());
        renderer = Renderers.of(implementation);
    }

    /** Renders the source to {@code profile} with the implementation under test; returns the bytes written. */
    protected long render(RenditionProfile profile) throws IOException {
        return renderer.render(file, profile);
    }
}
