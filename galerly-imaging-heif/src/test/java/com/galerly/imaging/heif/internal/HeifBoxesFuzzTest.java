/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzz target for the HEIF box reader Galerly runs before libheif sees a file: brands, the primary item's
 * transforms, and the coded size of its HEVC/AV1 configuration ({@link CodedSize}). None may throw anything but
 * an {@link IOException} from the reader.
 */
class HeifBoxesFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void boxes(byte[] data) throws IOException {
        HeifBoxes.Reader file = (at, n) -> at < 0 || at >= data.length ? new byte[0]
                : Arrays.copyOfRange(data, (int) at, (int) Math.min(data.length, at + Math.max(0, n)));
        com.galerly.core.image.ImageFormat.sniff(data, data.length);
        HeifBoxes.primaryIsTransformed(file);
        HeifBoxes.codedSizeMismatch(file);
        CodedSize.hevc(data, 0, data.length);
        CodedSize.av1(data, 0, data.length);
    }
}
