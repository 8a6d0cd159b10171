/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded cases: the split covers every path once, within the limits, in as few batches as the limits allow. */
class InvalidationBatchTest {
    @Test
    void splitsCoverEveryPathOnceWithinTheLimitsInTheFewestBatches() {
        long seed = 17;
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 50; round++) {
            int wildcards = random.nextInt(0, 40);
            int plain = random.nextInt(0, 7000);
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < wildcards; i++) {
                paths.add("/renditions/g" + i + "/*");
            }
            for (int i = 0; i < plain; i++) {
                paths.add("/r/" + i + ".jpg");
            }
            String context = "seed " + seed + " round " + round + ": " + wildcards + " wildcards, " + plain + " plain";
            List<InvalidationBatch> batches = InvalidationBatch.split("ref", paths);
            int fewest = Math.max((wildcards + InvalidationBatch.MAX_WILDCARD_PATHS - 1) / InvalidationBatch.MAX_WILDCARD_PATHS,
                    (wildcards + plain + InvalidationBatch.MAX_PATHS - 1) / InvalidationBatch.MAX_PATHS);
            assertEquals(fewest, batches.size(), context);
            assertEquals(paths.size(), batches.stream().mapToInt(b -> b.paths().size()).sum(), context);
            assertEquals(batches.size(), batches.stream().map(InvalidationBatch::callerReference).distinct().count(), context);
            List<String> reversed = new ArrayList<>(paths);
            java.util.Collections.reverse(reversed);
            assertEquals(batches, InvalidationBatch.split("ref", reversed), "order does not matter: " + context);
            assertTrue(batches.size() != 1 || batches.get(0).callerReference().equals("ref"), context);
        }
    }
}
