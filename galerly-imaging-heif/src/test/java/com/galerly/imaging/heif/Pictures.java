/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import com.galerly.imaging.spi.ColourMatrix;
import com.galerly.testkit.image.IccProfileData;

/** The colours a test expects in what the processor wrote. */
final class Pictures {
    private Pictures() {
    }

    /** What a Display P3 colour looks like in sRGB (clipped), from the published matrices. */
    static int p3InSrgb(int rgb) {
        double[] lin = new double[3];
        for (int c = 0; c < 3; c++) {
            lin[c] = IccProfileData.srgbToLinear((rgb >> (16 - 8 * c) & 0xFF) / 255.0);
        }
        double[] xyz = ColourMatrix.apply(IccProfileData.DISPLAY_P3_TO_XYZ_D50, lin);
        double[] srgb = ColourMatrix.apply(ColourMatrix.invert(IccProfileData.SRGB_TO_XYZ_D50), xyz);
        int out = 0;
        for (int c = 0; c < 3; c++) {
            int v = (int) Math.round(IccProfileData.linearToSrgb(Math.max(0, Math.min(1, srgb[c]))) * 255);
            out |= v << (16 - 8 * c);
        }
        return out;
    }
}
