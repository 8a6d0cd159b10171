/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.colour;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.testkit.image.IccProfileData;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The planar path's colour conversions against LittleCMS (the JDK's ColorConvertOp) on the same pixels: every
 * colour of a 32-level grid of the RGB cube plus 20000 random ones, for matrix/TRC profiles (curv tables, a
 * gamma, a parametric curve) through the exact {@link MatrixShaper} and through the CMM fallback. Bounds are on
 * CIE76 delta-E (CIELAB, D65). Exact: mean below 0.1, every pixel below 2 (measured: mean 0.010-0.018, max
 * 0.75-1.49, one 8-bit step of a dark saturated colour). CMM grid (trilinear in 33^3 samples): mean below 0.5,
 * every pixel below 4 (measured: mean 0.15-0.23, max 1.7-3.2, at gamut-clipping kinks of ProPhoto).
 */
class IccTransformsTest {
    private static final int[] PIXELS = pixels();

    private static int[] pixels() {
        int grid = 32;
        int[] out = new int[grid * grid * grid + 20_000];
        int n = 0;
        for (int r = 0; r < grid; r++) {
            for (int g = 0; g < grid; g++) {
                for (int b = 0; b < grid; b++) {
                    out[n++] = level(r) << 16 | level(g) << 8 | level(b);
                }
            }
        }
        Random random = new Random(20);
        while (n < out.length) {
            out[n++] = random.nextInt(1 << 24);
        }
        return out;
    }

    private static int level(int i) {
        return Math.min(255, i * 255 / 31);
    }

    private static byte[] profile(String name) {
        return switch (name) {
            case "Display P3" -> IccProfileData.displayP3();
            case "Display P3 parametric" -> IccProfileData.displayP3Parametric();
            case "Adobe RGB" -> IccProfileData.adobeRgb();
            case "ProPhoto" -> IccProfileData.proPhoto();
            default -> ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Display P3", "Display P3 parametric", "Adobe RGB", "ProPhoto", "JDK linear RGB"})
    void matrixShaperProfilesMatchLittleCms(String name) {
        byte[] icc = profile(name);
        RgbTransform t = IccTransforms.toSrgb(icc, name);
        assertInstanceOf(MatrixShaper.class, t, name + " is matrix/TRC");
        assertClose(name + " exact", icc, t, 0.1, 2.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Display P3", "Adobe RGB", "ProPhoto"})
    void theCmmFallbackMatchesLittleCmsToo(String name) {
        byte[] icc = profile(name);
        RgbTransform t = IccTransforms.cmm(icc, name);
        assertInstanceOf(CmmTransform.class, t);
        assertClose(name + " via the CMM grid", icc, t, 0.5, 4.0);
    }

    @Test
    void profilesWithLutsOrOtherSpacesAreNotReadAsMatrices() {
        byte[] lut = IccProfileData.adobeRgb();
        // rename the copyright tag to A2B0: a CMM would prefer that LUT to the matrix
        int at = indexOf(lut, "cprt");
        lut[at] = 'A';
        lut[at + 1] = '2';
        lut[at + 2] = 'B';
        lut[at + 3] = '0';
        assertNull(IccTransforms.matrixShaper(lut, "LUT"));
        byte[] grey = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();
        assertNull(IccTransforms.toSrgb(grey, "grey"));
        assertNull(IccTransforms.toSrgb(new byte[200], "zeros"));
        byte[] cut = java.util.Arrays.copyOf(IccProfileData.displayP3(), 300);
        RgbTransform t = IccTransforms.toSrgb(cut, "cut");
        assertTrue(t == null || t instanceof CmmTransform, "a cut profile is not read as a matrix: " + t);
    }

    private static int indexOf(byte[] icc, String sig) {
        for (int i = 128; i + 4 <= icc.length; i++) {
            if (icc[i] == sig.charAt(0) && icc[i + 1] == sig.charAt(1) && icc[i + 2] == sig.charAt(2)
                    && icc[i + 3] == sig.charAt(3)) {
                return i;
            }
        }
        throw new IllegalStateException(sig);
    }

    private static void assertClose(String what, byte[] icc, RgbTransform t, double meanBound, double maxBound) {
        int[] reference = DeltaE.lcms(icc, PIXELS);
        int[] ours = PIXELS.clone();
        t.apply(ours, 0, ours.length);
        double sum = 0;
        double max = 0;
        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            double d = DeltaE.cie76(ours[i] & 0xFFFFFF, reference[i]);
            sum += d;
            if (d > max) {
                max = d;
                worst = i;
            }
        }
        double mean = sum / ours.length;
        String report = String.format(java.util.Locale.ROOT, "%s: mean delta-E76 %.3f, max %.3f (%06x -> ours %06x,"
                + " lcms %06x)", what, mean, max, PIXELS[worst], ours[worst] & 0xFFFFFF, reference[worst]);
        System.out.println(report);
        assertTrue(mean < meanBound && max < maxBound, report);
    }
}
