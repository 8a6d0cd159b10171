/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first render of the 24 MP ladder in a fresh JVM, as a Lambda's first upload after a SnapStart restore and
 * after a plain cold start: each fork starts cold, {@code primed=true} first does what the example function's
 * CRaC {@code beforeCheckpoint} hook does before its snapshot (three ladders of the bundled 200 KB sample through
 * the same processor and profile; {@code RenditionFunction.prime()}), and the single measured shot is the first
 * render of the photo. Nothing is restored: the primed JVM is the state a snapshot would hold, minus the restore.
 * The sample is the file named by {@code galerly.primingSample} (run.sh passes the example's resource).
 *
 * <pre>{@code
 * java -Dgalerly.primingSample=examples/lambda/src/main/resources/com/galerly/examples/lambda/priming-sample.jpg \
 *     -jar benchmarks/target/benchmarks.jar FirstRender
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstRenderBenchmark {
    /** Primes per snapshot, as the example function does. */
    static final int PRIMING_RENDERS = 3;

    @Param({"false", "true"})
    public boolean primed;

    @Param("generated:6000x4000")
    public String source;

    private ImageProcessor processor;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() {
        file = PhotoFixtures.resolve(source, PhotoFixtures.dir());
        processor = GalerlyImaging.builder().build();
        if (primed) {
            String sample = System.getProperty("galerly.primingSample");
            if (sample == null || !Files.isRegularFile(Path.of(sample))) {
                throw new IllegalStateException("galerly.primingSample must name the priming sample, was " + sample);
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(Path.of(sample));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < PRIMING_RENDERS; i++) {
                processor.process(ImageSource.of("priming-sample.jpg", bytes), RenditionProfile.standard());
            }
        }
    }

    @Benchmark
    public long firstRender() {
        long total = 0;
        for (EncodedRendition r : processor.process(ImageSource.of(file), RenditionProfile.standard()).renditions()) {
            total += r.length();
        }
        return total;
    }
}
