/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.imaging.internal.jpeg.JpegPlanarDecoder;
import com.galerly.imaging.internal.jpeg.JpegPlanarEncoder;
import com.galerly.imaging.internal.jpeg.JpegUnsupportedException;
import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.PlaneResampler;
import com.galerly.imaging.internal.planar.Taps;
import java.io.IOException;
import java.nio.file.Files;
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
 * The stages of Galerly's planar JPEG path on their own, to see where a ladder's time goes and to tune each
 * (these call galerly-imaging's internal classes; they are not API):
 * <ul>
 *   <li>{@code decode}: the source JPEG to YCbCr planes at 1/{@code scale} (1: full size; 8: DC only);</li>
 *   <li>{@code resampleLarge}: the decoded planes to the large rendition's planes (6000x4000 to 4000x2667,
 *       4:2:0), Lanczos-3;</li>
 *   <li>{@code encodeLarge}: those planes to a quality-85 JPEG with optimised Huffman tables.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EngineStages}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class EngineStagesBenchmark {
    @Param("generated:6000x4000")
    public String source;

    @Param("1")
    public int scale;

    private byte[] jpeg;
    private JpegPlanarDecoder.Header header;
    private PlanarImage decoded;
    private PlanarImage large;

    @Setup
    public void setUp() throws IOException, JpegUnsupportedException {
        jpeg = Files.readAllBytes(PhotoFixtures.resolve(source, PhotoFixtures.dir()));
        header = JpegPlanarDecoder.header(jpeg);
        decoded = JpegPlanarDecoder.decode(jpeg, header, 1);
        large = resampleLarge();
    }

    @Benchmark
    public PlanarImage decode() throws IOException {
        return JpegPlanarDecoder.decode(jpeg, header, scale);
    }

    @Benchmark
    public PlanarImage resampleLarge() {
        int w = decoded.width() * 2 / 3;
        int h = decoded.height() * 2 / 3;
        Plane[] planes = new Plane[decoded.planeCount()];
        for (int i = 0; i < planes.length; i++) {
            int f = i == 0 ? 1 : 2;
            int ow = (w + f - 1) / f;
            int oh = (h + f - 1) / f;
            Plane src = decoded.plane(i);
            double sw = (double) decoded.width() / decoded.factorX(i);
            double sh = (double) decoded.height() / decoded.factorY(i);
            Taps wx = Taps.lanczos3(0, sw * ow * f / w, ow, 0, src.width());
            Taps wy = Taps.lanczos3(0, sh * oh * f / h, oh, 0, src.height());
            planes[i] = PlaneResampler.resample(src, wx, wy, 1);
        }
        return PlanarImage.of(w, h, planes);
    }

    @Benchmark
    public byte[] encodeLarge() {
        return JpegPlanarEncoder.encode(large, 85, new byte[0]);
    }
}
