/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenderTimes;
import com.galerly.core.image.RenditionProfile;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The engine times its steps on both paths (planar JPEG, packed PNG) and with one or more threads: every step
 * took some time, and with one thread the steps fit inside the call (they run one after another).
 */
class RenderTimesTest {
    private static void timed(byte[] input, int threads) {
        long start = System.nanoTime();
        ProcessedImage image = GalerlyImaging.builder().settings(s -> s.threads(threads)).build()
                .process(ImageSource.of("p", input), RenditionProfile.standard());
        Duration call = Duration.ofNanos(System.nanoTime() - start);
        RenderTimes t = image.times();
        assertTrue(t.known(), "the engine times its steps");
        assertTrue(t.decode().toNanos() > 0 && t.resize().toNanos() > 0 && t.encode().toNanos() > 0, t.toString());
        if (threads == 1) {
            assertTrue(t.decode().plus(t.resize()).plus(t.encode()).compareTo(call) <= 0, t + " within " + call);
        }
    }

    @Test
    void aBaselineJpegOnThePlanarPath() {
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(1600, 1200, 3), 90);
        timed(jpeg, 1);
        timed(jpeg, 3);
    }

    @Test
    void aPngOnThePackedPath() {
        byte[] png = ImageFiles.png(SyntheticImages.discOnTransparentBlack(900, 700));
        timed(png, 1);
        timed(png, 2);
    }
}
