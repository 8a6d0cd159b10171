/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.Fit;
import com.galerly.core.image.RenditionProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sharp's published task: a 2725x2225 JPEG resized to 720x588 (Lanczos-3 in sharp), JPEG quality 80, from the
 * file. Every implementation of {@link Renderers} in the same run; {@code source} as in
 * {@link RenditionLadderBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Resize720}, or {@code benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class Resize720Benchmark {
    static final RenditionProfile RESIZE_720 = RenditionProfile.builder().name("resize720")
            .add(s -> s.name("resized").box(720, 588).fit(Fit.INSIDE).quality(80))
            .build();

    @Param({"galerly", "galerly-2t", "thumbnailator-file", "thumbnailator-decoded", "imgscalr", "java2d-bicubic"})
    public String implementation;

    @Param("generated:2725x2225")
    public String source;

    private Renderers.Renderer renderer;
    private Path file;

    @Setup
    public void setUp() {
        file = PhotoFixtures.resolve(source, PhotoFixtures.dir());
        renderer = Renderers.of(implementation);
    }

    @Benchmark
    public long resize() throws IOException {
        return renderer.render(file, RESIZE_720);
    }
}
