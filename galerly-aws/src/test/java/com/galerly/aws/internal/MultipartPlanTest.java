/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.testkit.property.Cases;
import org.junit.jupiter.api.Test;

class MultipartPlanTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void splitsIntoFullPartsAndARest() {
        MultipartPlan plan = MultipartPlan.of(12 * MIB + 5, 5 * MIB);
        assertEquals(3, plan.parts());
        assertEquals(5 * MIB, plan.partLength(1));
        assertEquals(2 * MIB + 5, plan.partLength(3));
    }

    @Test
    void refusesWhatS3Refuses() {
        assertThrows(IllegalArgumentException.class, () -> new MultipartPlan(100, MIB));
        GalerlyException tooMany = assertThrows(GalerlyException.class,
                () -> new MultipartPlan(10_001 * 5 * MIB, 5 * MIB));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, tooMany.code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class,
                () -> new MultipartPlan(0, 5 * MIB)).code());
    }

    private record Upload(long length, long preferred) {
    }

    /** Any object up to 5 TiB gets a plan within S3's limits whose parts add up to the object. */
    @Test
    void plansFitS3Limits() {
        Cases.check(300, g -> new Upload(g.longs(1, 5L * 1024 * MIB * 1024), g.longs(5 * MIB, 256 * MIB)), upload -> {
            MultipartPlan plan = MultipartPlan.of(upload.length(), upload.preferred());
            assertTrue(plan.parts() >= 1 && plan.parts() <= MultipartPlan.MAX_PARTS);
            assertTrue(plan.partSize() >= upload.preferred() && plan.partSize() <= MultipartPlan.MAX_PART_SIZE);
            long sum = (plan.parts() - 1) * plan.partSize() + plan.partLength(plan.parts());
            assertEquals(upload.length(), sum);
            assertTrue(plan.partLength(plan.parts()) >= 1 && plan.partLength(plan.parts()) <= plan.partSize());
        });
    }
}
