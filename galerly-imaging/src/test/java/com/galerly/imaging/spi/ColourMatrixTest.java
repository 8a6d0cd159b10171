/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.testkit.image.IccProfileData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColourMatrixTest {
    private static final double[] SRGB = {0.640, 0.330, 0.300, 0.600, 0.150, 0.060};
    private static final double[] P3 = {0.680, 0.320, 0.265, 0.690, 0.150, 0.060};
    private static final double[] D65 = {0.3127, 0.3290};

    @Test
    void srgbToXyzD50MatchesThePublishedMatrix() {
        // the published sRGB profile's colorants are rounded to s15Fixed16 from a slightly different derivation
        assertMatrix(IccProfileData.SRGB_TO_XYZ_D50, ColourMatrix.srgbToXyzD50(), 5e-4);
    }

    @Test
    void displayP3ToXyzD50MatchesThePublishedMatrix() {
        double[][] p3 = ColourMatrix.adapt(ColourMatrix.xyz(D65), ColourMatrix.d50(), ColourMatrix.rgbToXyz(P3, D65));
        assertMatrix(IccProfileData.DISPLAY_P3_TO_XYZ_D50, p3, 5e-4);
    }

    @Test
    void whiteMapsToWhite() {
        double[] white = ColourMatrix.apply(ColourMatrix.rgbToXyz(SRGB, D65), new double[] {1, 1, 1});
        assertArrayEquals(ColourMatrix.xyz(D65), white, 1e-12);
        assertArrayEquals(ColourMatrix.d50(), ColourMatrix.apply(ColourMatrix.srgbToXyzD50(), new double[] {1, 1, 1}),
                1e-4);
    }

    @Test
    void anInverseUndoesItsMatrix() {
        Random random = new Random(21);
        for (int n = 0; n < 100; n++) {
            double[][] m = new double[3][3];
            for (double[] row : m) {
                for (int c = 0; c < 3; c++) {
                    row[c] = random.nextDouble() * 2 - 1;
                }
            }
            m[0][0] += 3;                                    // diagonally dominant: well away from singular
            m[1][1] += 3;
            m[2][2] += 3;
            assertMatrix(ColourMatrix.identity(), ColourMatrix.multiply(m, ColourMatrix.invert(m)), 1e-12);
            assertMatrix(ColourMatrix.identity(), ColourMatrix.multiply(ColourMatrix.invert(m), m), 1e-12);
        }
    }

    @Test
    void aSingularMatrixIsRefused() {
        double[][] singular = {{1, 2, 3}, {2, 4, 6}, {0, 1, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColourMatrix.invert(singular));
        assertEquals("singular colour matrix (determinant 0.0)", e.getMessage());
    }

    @Test
    void handsOutCopies() {
        double[][] a = ColourMatrix.srgbToXyzD50();
        a[0][0] = 42;
        assertNotSame(a, ColourMatrix.srgbToXyzD50());
        assertEquals(IccProfileData.SRGB_TO_XYZ_D50[0][0], ColourMatrix.srgbToXyzD50()[0][0], 5e-4);
        ColourMatrix.d50()[0] = 0;
        assertEquals(0.9642, ColourMatrix.d50()[0]);
    }

    private static void assertMatrix(double[][] expected, double[][] actual, double delta) {
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(expected[r], actual[r], delta, "row " + r);
        }
    }
}
