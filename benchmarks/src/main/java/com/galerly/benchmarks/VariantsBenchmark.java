/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
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
 * The standard ladder on one thread over the real-world variants of the 24 MP photo ({@link PhotoFixtures#VARIANTS}:
 * progressive, Adobe RGB, Display P3 and sRGB ICC-tagged, 4:4:4, EXIF orientation 6, PNG) and the baseline file,
 * and the same ladder written as WebP at quality 80 ({@code webp}, on the baseline file). run.sh runs sharp on the
 * same files in the same run and prints each variant's ratio with its goal.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar Variants -p source=generated:6000x4000-progressive
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Djava.awt.headless=true"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 6, time = 5)
public class VariantsBenchmark {
    static final RenditionProfile WEBP = RenditionProfile.standard().withFormat(ImageFormat.WEBP).withQuality(80);

    @Param({"generated:6000x4000", "generated:6000x4000-progressive", "generated:6000x4000-adobe-rgb",
        "generated:6000x4000-display-p3", "generated:6000x4000-srgb-icc", "generated:6000x4000-444",
        "generated:6000x4000-orientation-6", "generated:6000x4000-png"})
    public String source;

    private ImageProcessor processor;
    private Path file;

    @Setup
    public void setUp() {
        file = PhotoFixtures.resolve(source, PhotoFixtures.dir());
        processor = GalerlyImaging.builder().settings(s -> s.threads(1)).build();
    }

    @Benchmark
    public long ladder() {
        return render(RenditionProfile.standard());
    }

    @Benchmark
    public long webp() {
        return render(WEBP);
    }

    private long render(RenditionProfile profile) {
        long total = 0;
        for (EncodedRendition r : processor.process(ImageSource.of(file), profile).renditions()) {
            total += r.length();
        }
        return total;
    }
}
