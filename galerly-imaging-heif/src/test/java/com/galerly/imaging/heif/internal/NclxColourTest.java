/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.galerly.imaging.spi.ColourMatrix;
import com.galerly.testkit.image.IccProfileData;
import org.junit.jupiter.api.Test;

/** nclx to sRGB: no work for sRGB, the published matrices for wide gamuts, reference white for HDR transfers. */
class NclxColourTest {
    private static int[] convert(NclxColour c, int r, int g, int b) {
        byte[] out = new byte[3];
        c.convert(new int[] {r, g, b}, 1, 3, 255, out, 0);
        return new int[] {out[0] & 0xFF, out[1] & 0xFF, out[2] & 0xFF};
    }

    @Test
    void srgbAndUnspecifiedNeedNoConversion() {
        assertNull(NclxColour.of(1, 13));
        assertNull(NclxColour.of(2, 2));
        assertNull(NclxColour.of(1, 1));
        assertNull(NclxColour.of(99, 13), "unknown primaries are taken as sRGB");
    }

    @Test
    void displayP3MatchesTheIccMatrices() {
        NclxColour p3 = NclxColour.of(12, 13);
        assertNotNull(p3);
        int[] rgb = {200, 100, 50};
        int[] got = convert(p3, rgb[0], rgb[1], rgb[2]);
        double[] lin = new double[3];
        for (int c = 0; c < 3; c++) {
            lin[c] = IccProfileData.srgbToLinear(rgb[c] / 255.0);
        }
        double[] xyz = ColourMatrix.apply(IccProfileData.DISPLAY_P3_TO_XYZ_D50, lin);
        double[] srgb = ColourMatrix.apply(ColourMatrix.invert(IccProfileData.SRGB_TO_XYZ_D50), xyz);
        for (int c = 0; c < 3; c++) {
            int want = (int) Math.round(IccProfileData.linearToSrgb(Math.max(0, Math.min(1, srgb[c]))) * 255);
            assertEquals(want, got[c], 2, "channel " + c);
        }
        assertEquals("nclx Display P3", NclxColour.describe(12, 13));
    }

    @Test
    void whiteStaysWhiteWhateverTheWhitePoint() {
        for (int primaries : new int[] {5, 6, 9, 11, 12, 22}) {
            int[] white = convert(NclxColour.of(primaries, 13), 255, 255, 255);
            for (int v : white) {
                assertEquals(255, v, 1, "primaries " + primaries);
            }
        }
    }

    @Test
    void hdrTransfersPutReferenceWhiteAtOne() {
        double pqFor203Nits = 0.5806888;                   // ITU-R BT.2408: 203 cd/m2 on the PQ curve
        assertEquals(1.0, NclxColour.of(9, 16).linear(pqFor203Nits), 0.01);
        assertEquals(1.0, NclxColour.of(9, 18).linear(0.75), 1e-9);
        assertEquals(255, convert(NclxColour.of(1, 16), 255, 255, 255)[0], "PQ peak clips to white");
    }
}
