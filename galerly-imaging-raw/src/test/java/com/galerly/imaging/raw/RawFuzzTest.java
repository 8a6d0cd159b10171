/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.imaging.GalerlyImaging;

/**
 * Fuzz target for the RAW walkers (TIFF-based: CR2, NEF, ARW, DNG, ORF, RW2, PEF; CR3 boxes; RAF) and the preview
 * probe behind them, through the engine's {@code inspect}. A walker may refuse with a typed failure; an
 * {@code INTERNAL} failure (a bug of ours) or any other exception is a finding.
 */
class RawFuzzTest {
    private static final ImageProcessor PROCESSOR = GalerlyImaging.processor();

    @FuzzTest(maxDuration = "10m")
    void walkers(byte[] data) {
        for (String name : new String[] {"fuzz.cr2", "fuzz.cr3", "fuzz.raf"}) {
            try {
                PROCESSOR.inspect(ImageSource.of(name, data));
            } catch (GalerlyException e) {
                if (e.code() == ErrorCode.INTERNAL) {
                    throw e;
                }
            }
        }
    }
}
