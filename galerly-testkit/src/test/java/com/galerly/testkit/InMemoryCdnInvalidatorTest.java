/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.CdnInvalidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCdnInvalidatorTest extends CdnInvalidatorContract {
    private final InMemoryCdnInvalidator cdn = new InMemoryCdnInvalidator();

    @Override
    protected CdnInvalidator invalidator() {
        return cdn;
    }

    @Override
    protected int requests() {
        return cdn.faults().calls("invalidate");
    }

    @Test
    void coversWhatAWildcardOrAPathNames() {
        cdn.invalidate("r", List.of("/renditions/g/p_*", "/originals/g/p.jpg"));
        assertTrue(cdn.covers("/renditions/g/p_thumbnail.jpg"));
        assertTrue(cdn.covers("/originals/g/p.jpg"));
        assertFalse(cdn.covers("/renditions/g/q_thumbnail.jpg"));
    }

    @Test
    void anInjectedThrottleIsRetryableAndARetryCreatesNothingTwice() {
        cdn.faults().failNext("invalidate", 1, Fault.THROTTLED);
        GalerlyException e = assertThrows(GalerlyException.class, () -> cdn.invalidate("r", List.of("/a.jpg")));
        assertEquals(ErrorCode.THROTTLED, e.code());
        cdn.invalidate("r", List.of("/a.jpg"));
        cdn.invalidate("r", List.of("/a.jpg"));
        assertEquals(1, cdn.invalidations().size());
    }
}
