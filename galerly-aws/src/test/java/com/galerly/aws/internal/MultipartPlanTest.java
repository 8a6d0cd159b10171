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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
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

    /** Any object up to 5 TiB gets a plan within S3's limits whose parts add up to the object. */
    @Property(tries = 300)
    void plansFitS3Limits(@ForAll @LongRange(min = 1, max = 5L * 1024 * 1024 * 1024 * 1024) long length,
                          @ForAll @LongRange(min = 5 * 1024 * 1024, max = 256 * 1024 * 1024) long preferred) {
        MultipartPlan plan = MultipartPlan.of(length, preferred);
        assertTrue(plan.parts() >= 1 && plan.parts() <= MultipartPlan.MAX_PARTS);
        assertTrue(plan.partSize() >= preferred && plan.partSize() <= MultipartPlan.MAX_PART_SIZE);
        long sum = (plan.parts() - 1) * plan.partSize() + plan.partLength(plan.parts());
        assertEquals(length, sum);
        assertTrue(plan.partLength(plan.parts()) >= 1 && plan.partLength(plan.parts()) <= plan.partSize());
    }
}
