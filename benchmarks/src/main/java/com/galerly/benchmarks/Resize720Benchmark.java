/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.Fit;
import com.galerly.core.image.RenditionProfile;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sharp's published task: a 2725x2225 JPEG resized to 720x588 (Lanczos-3 in sharp), JPEG quality 80, from the
 * file. Every implementation of {@link Renderers} in the same run; {@code source} as in
 * {@link RenditionLadderBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Resize720}, or {@code benchmarks/run.sh}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class Resize720Benchmark extends PeerBenchmark {
    static final RenditionProfile RESIZE_720 = RenditionProfile.builder().name("resize720")
            .add(s -> s.name("resized").box(720, 588).fit(Fit.INSIDE).quality(80))
            .build();

    @Param("generated:2725x2225")
    public String source;

    @Override
    protected String source() {
        return source;
    }

    @Benchmark
    public long resize() throws IOException {
        return render(RESIZE_720);
    }
}
