/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Bounded mutation testing of the decode path: seed files of every format are truncated, bit-flipped, spliced
 * and given inflated sizes, with a fixed random seed. Only Galerly errors may escape, no case may hang, and the
 * module's test JVM runs with a 1 GiB heap (pom), so nothing may allocate beyond the limits.
 */
class MutationTest {
    private static final long SEED = 20_261_123L;
    private static final int CASES = 3000;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(45);
    private static final Set<ErrorCode> ALLOWED = EnumSet.of(ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.CORRUPT_IMAGE,
            ErrorCode.LIMIT_EXCEEDED, ErrorCode.IO_ERROR);
    private static final RenditionProfile PROFILE = RenditionProfile.builder().name("fuzz")
            .add(s -> s.name("thumb").box(32, 32).fit(Fit.COVER))
            .add(s -> s.name("view").box(96, 64).fit(Fit.INSIDE))
            .build();

    private static List<byte[]> seeds() {
        BufferedImage photo = SyntheticImages.photo(64, 48, 1);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ImageFiles.jpeg(photo, 80));
        seeds.add(ImageFiles.progressiveJpeg(photo, 80));
        seeds.add(ImageFiles.jpegWithRestarts(photo, 80, 2));
        seeds.add(JpegMarkers.insert(ImageFiles.jpeg(photo, 80), JpegMarkers.exif(ExifData.builder().orientation(6)
                .make("m").gps(1, 2).build()), JpegMarkers.icc(IccProfileData.displayP3())));
        int[] ink = new int[32 * 32];
        java.util.Arrays.fill(ink, 0x40A01000);
        seeds.add(ImageFiles.adobeCmykJpeg(ink, 32, 32, true, 80));
        seeds.add(ImageFiles.png(SyntheticImages.discOnTransparentBlack(40, 30)));
        seeds.add(PngChunks.insert(ImageFiles.png(photo), PngChunks.iccp("P3", IccProfileData.displayP3())));
        seeds.add(ImageFiles.png16(new int[16 * 8 * 3], 16, 8));
        seeds.add(ImageFiles.palettePng(new int[] {0, 0xFFFF0000, 0x8000FF00}, new byte[] {0, 1, 2, 1, 0, 2}, 3, 2));
        seeds.add(ImageFiles.gif(photo));
        seeds.add(ImageFiles.bmp(photo));
        seeds.add(ImageFiles.tiff(photo));
        seeds.add(WebpFixtures.lossless(photo));
        return seeds;
    }

    @Test
    void onlyGalerlyErrorsEscapeAndNothingHangs() throws Exception {
        ImageProcessor processor = GalerlyImaging.builder().settings(s -> s.maxMegapixels(16)).build();
        List<byte[]> seeds = seeds();
        for (byte[] seed : seeds) {
            ProcessedImage ok = processor.process(ImageSource.of("seed", seed), PROFILE);
            assertTrue(ok.renditions().size() == 2, "every seed renders");
        }
        Random random = new Random(SEED);
        Map<ErrorCode, Integer> failures = new EnumMap<>(ErrorCode.class);
        int rendered = 0;
        int run = 0;
        long start = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (; run < CASES && System.nanoTime() - start < BUDGET_NANOS; run++) {
                byte[] seed = seeds.get(random.nextInt(seeds.size()));
                byte[] input = random.nextInt(10) == 0 ? inflated(seed, random) : MalformedImages.mutate(seed, random);
                String name = "case-" + run;
                Future<ProcessedImage> future = worker.submit(() -> processor.process(ImageSource.of(name, input), PROFILE));
                try {
                    ProcessedImage out = future.get(20, TimeUnit.SECONDS);
                    for (EncodedRendition r : out.renditions()) {
                        assertTrue(r.length() > 0);
                    }
                    rendered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable t = e.getCause();
                    if (!(t instanceof GalerlyException g) || !ALLOWED.contains(g.code())) {
                        throw new AssertionError(name + " (seed " + SEED + ") escaped with " + t, t);
                    }
                    failures.merge(g.code(), 1, Integer::sum);
                } catch (TimeoutException e) {
                    fail(name + " (seed " + SEED + ") did not finish in 20 s");
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("mutation test: " + run + " cases, " + rendered + " rendered, failures " + failures);
        assertTrue(run >= 500, "at least 500 cases within the time budget, ran " + run);
    }

    /** The seed with its declared size replaced (JPEG SOF, PNG IHDR) by random, often huge, dimensions. */
    private static byte[] inflated(byte[] seed, Random random) {
        int w = 1 + random.nextInt(65_535);
        int h = 1 + random.nextInt(65_535);
        if (seed.length > 3 && (seed[0] & 0xFF) == 0xFF && (seed[1] & 0xFF) == 0xD8) {
            return JpegMarkers.withDeclaredSize(seed, w, h);
        }
        if (seed.length > 24 && seed[1] == 'P' && seed[2] == 'N' && seed[3] == 'G') {
            byte[] out = seed.clone();
            for (int i = 0; i < 4; i++) {
                out[16 + i] = (byte) (w >>> (24 - 8 * i));
                out[20 + i] = (byte) (h >>> (24 - 8 * i));
            }
            return out;
        }
        return MalformedImages.mutate(seed, random);
    }
}
