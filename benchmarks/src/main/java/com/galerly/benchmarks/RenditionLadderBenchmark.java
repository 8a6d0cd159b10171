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
 * One photo to its rendition ladder, every implementation side by side in the same run (see {@link Renderers}):
 * <ul>
 *   <li>{@code ladder}: the standard profile, thumbnail 400x400 COVER, small 800x600, medium 2000x2000 and large
 *       4000x4000 INSIDE, JPEG quality 85, from the file (decode included);</li>
 *   <li>{@code thumbnail}: the 400x400 COVER thumbnail alone, where a reduced-scale decode pays.</li>
 * </ul>
 * {@code source} is {@code generated:WxH} (a deterministic photo-like JPEG, see {@link PhotoFixtures}) or the path
 * of any photo: {@code -p source=/photos/IMG_0042.jpg}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RenditionLadder -prof gc}, or {@code benchmarks/run.sh}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Djava.awt.headless=true"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 6, time = 5)
public class RenditionLadderBenchmark extends PeerBenchmark {
    static final RenditionProfile THUMBNAIL = RenditionProfile.builder().name("thumbnail")
            .add(s -> s.name("thumbnail").box(400, 400).fit(Fit.COVER).quality(85))
            .build();

    @Param("generated:6000x4000")
    public String source;

    @Override
    protected String source() {
        return source;
    }

    @Benchmark
    public long ladder() throws IOException {
        return render(RenditionProfile.standard());
    }

    @Benchmark
    public long thumbnail() throws IOException {
        return render(THUMBNAIL);
    }
}
