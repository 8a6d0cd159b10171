/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One processor serves concurrent calls; results equal what one thread gets. */
class ConcurrencyTest {
    @Test
    void concurrentCallsGiveTheSameBytesAsSequentialOnes() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inputs.add(i % 2 == 0 ? ImageFiles.jpeg(SyntheticImages.photo(500 + i * 10, 400, i), 90)
                    : ImageFiles.png(SyntheticImages.discOnTransparentBlack(450, 300 + i)));
        }
        List<ProcessedImage> expected = new ArrayList<>();
        for (byte[] input : inputs) {
            expected.add(Outputs.process("s", input));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProcessedImage>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (byte[] input : inputs) {
                    futures.add(pool.submit(() -> Outputs.PROCESSOR.process(ImageSource.of("c", input),
                            RenditionProfile.standard())));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                ProcessedImage got = futures.get(i).get();
                ProcessedImage want = expected.get(i % inputs.size());
                for (int r = 0; r < want.renditions().size(); r++) {
                    assertArrayEquals(want.renditions().get(r).bytes(), got.renditions().get(r).bytes());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
