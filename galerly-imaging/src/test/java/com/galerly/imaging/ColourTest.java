/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ProcessedImage;
import com.galerly.imaging.spi.ColourMatrix;
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Colour normalisation to 8-bit sRGB: CMYK/YCCK, ICC wide gamut, 16-bit, palette, grey, alpha. */
class ColourTest {
    /** Six ink patches in a 3x2 grid: cyan, magenta, yellow / black, no ink, red (M+Y). */
    private static final int[] INKS = {0xFF000000, 0x00FF0000, 0x0000FF00, 0x000000FF, 0, 0x00FFFF00};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void adobeCmykAndYcckJpegsAreNotInvertedAndKeepTheirHues(boolean ycck) {
        int w = 192;
        int h = 128;
        int[] ink = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = INKS[(y / 64) * 3 + x / 64];
            }
        }
        ProcessedImage out = Outputs.process("cmyk.jpg", ImageFiles.adobeCmykJpeg(ink, w, h, ycck, 95));
        assertEquals(ycck ? "YCCK" : "CMYK", out.info().colorModel());
        BufferedImage large = Outputs.largest(out);
        int[] cyan = Outputs.mean(large, 32, 32, 8);
        int[] magenta = Outputs.mean(large, 96, 32, 8);
        int[] yellow = Outputs.mean(large, 160, 32, 8);
        int[] black = Outputs.mean(large, 32, 96, 8);
        int[] paper = Outputs.mean(large, 96, 96, 8);
        int[] red = Outputs.mean(large, 160, 96, 8);
        String m = (ycck ? "YCCK" : "CMYK") + " ";
        assertTrue(cyan[0] < 80 && cyan[2] > 170, m + "cyan " + Outputs.hex(cyan));
        assertTrue(magenta[1] < 80 && magenta[0] > 170 && magenta[2] > 80, m + "magenta " + Outputs.hex(magenta));
        assertTrue(yellow[2] < 80 && yellow[0] > 200 && yellow[1] > 200, m + "yellow " + Outputs.hex(yellow));
        assertTrue(black[0] < 70 && black[1] < 70 && black[2] < 70, m + "black " + Outputs.hex(black));
        assertTrue(paper[0] > 235 && paper[1] > 235 && paper[2] > 235, m + "no ink is white " + Outputs.hex(paper));
        assertTrue(red[0] > 180 && red[1] < 90 && red[2] < 90, m + "red " + Outputs.hex(red));
    }

    @Test
    void displayP3JpegIsConvertedToSrgb() {
        int p3 = 0xC8785A;                                   // a warm tone: more saturated in sRGB, still in gamut
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(SyntheticImages.solid(200, 150, p3), 100),
                JpegMarkers.icc(IccProfileData.displayP3()));
        ProcessedImage out = Outputs.process("p3.jpg", jpeg);
        assertEquals("Display P3", out.info().colorProfileName());
        int[] actual = Outputs.mean(Outputs.largest(out), 100, 75, 20);
        Outputs.assertColour(expectedSrgb(p3, IccProfileData.DISPLAY_P3_TO_XYZ_D50, false), actual, 4, "P3 JPEG");
        assertTrue(actual[0] - (p3 >> 16 & 0xFF) >= 8, "the colour changed: it was converted");
    }

    @Test
    void displayP3WebpIsConvertedToSrgb() {
        int p3 = 0xC8785A;
        byte[] webp = WebpFixtures.withIcc(WebpFixtures.lossless(SyntheticImages.solid(200, 150, p3)),
                IccProfileData.displayP3(), 200, 150);
        ProcessedImage out = Outputs.process("p3.webp", webp);
        assertEquals("Display P3", out.info().colorProfileName());
        Outputs.assertColour(expectedSrgb(p3, IccProfileData.DISPLAY_P3_TO_XYZ_D50, false),
                Outputs.mean(Outputs.largest(out), 100, 75, 20), 4, "P3 WebP");
    }

    @Test
    void adobeRgbPngIsConvertedToSrgb() {
        int adobe = 0x6496C8;
        byte[] png = PngChunks.insert(ImageFiles.png(SyntheticImages.solid(200, 150, adobe)),
                PngChunks.iccp("Adobe RGB (1998)", IccProfileData.adobeRgb()));
        ProcessedImage out = Outputs.process("adobe.png", png);
        assertEquals("Adobe RGB (1998)", out.info().colorProfileName());
        int expected = expectedSrgb(adobe, IccProfileData.ADOBE_RGB_TO_XYZ_D50, true);
        int[] actual = Outputs.mean(Outputs.largest(out), 100, 75, 20);
        Outputs.assertColour(expected, actual, 4, "Adobe RGB PNG");
        assertTrue(Math.abs((adobe >> 16 & 0xFF) - actual[0]) > 8, "the colour changed: it was converted");
    }

    @Test
    void sixteenBitPngIsScaledToEightBits() {
        int w = 256;
        int h = 64;
        int[] rgb48 = new int[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb48[i] = x * 257;
                rgb48[i + 1] = 65535 - x * 257;
                rgb48[i + 2] = 32768;
            }
        }
        ProcessedImage out = Outputs.process("deep.png", ImageFiles.png16(rgb48, w, h));
        assertEquals(16, out.info().bitsPerSample());
        BufferedImage large = Outputs.largest(out);
        for (int x : new int[] {20, 128, 230}) {
            Outputs.assertColour(x << 16 | (255 - x) << 8 | 128, Outputs.mean(large, x, 32, 1), 6, "16-bit at x=" + x);
        }
    }

    @Test
    void palettePngWithTransparencyIsFlattenedOnWhite() {
        int w = 120;
        int h = 80;
        byte[] indices = new byte[w * h];
        for (int i = 0; i < indices.length; i++) {
            int x = i % w;
            indices[i] = (byte) (x < 40 ? 0 : x < 80 ? 1 : 2);
        }
        int[] palette = {0x00000000, 0xFFFF0000, 0x800000FF};     // transparent black, red, half-transparent blue
        ProcessedImage out = Outputs.process("palette.png", ImageFiles.palettePng(palette, indices, w, h));
        assertEquals("PALETTE", out.info().colorModel());
        assertTrue(out.info().hasAlpha());
        BufferedImage large = Outputs.largest(out);
        Outputs.assertColour(0xFFFFFF, Outputs.mean(large, 15, 40, 5), 6, "transparent is white");
        Outputs.assertColour(0xFF0000, Outputs.mean(large, 60, 40, 5), 12, "opaque red");
        Outputs.assertColour(0x7F7FFF, Outputs.mean(large, 105, 40, 5), 12, "half blue on white");
    }

    @Test
    void greyKeepsItsValuesWithoutAGammaShift() {
        for (byte[] file : new byte[][] {ImageFiles.grayJpeg(SyntheticImages.solid(64, 64, 0x808080), 100),
            ImageFiles.grayPng(SyntheticImages.solid(64, 64, 0x808080))}) {
            ProcessedImage out = Outputs.process("grey", file);
            assertEquals("GRAY", out.info().colorModel());
            Outputs.assertColour(0x808080, Outputs.mean(Outputs.largest(out), 32, 32, 8), 2, "grey 128");
        }
    }

    @Test
    void alphaEdgesOnTransparentBlackShowNoDarkFringe() {
        byte[] png = ImageFiles.png(SyntheticImages.discOnTransparentBlack(1600, 1200));
        ProcessedImage out = Outputs.process("disc.png", png);
        for (String name : new String[] {"thumbnail", "small", "medium"}) {
            BufferedImage image = Outputs.decode(out.rendition(name).orElseThrow());
            int darkest = 255;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int p = image.getRGB(x, y);
                    darkest = Math.min(darkest, Math.min(p >> 16 & 0xFF, Math.min(p >> 8 & 0xFF, p & 0xFF)));
                }
            }
            assertTrue(darkest >= 245, name + ": white disc on transparent, flattened on white, has a pixel of " + darkest);
        }
    }

    /** The sRGB value a colour-managed viewer shows for {@code rgb} in a matrix/TRC profile (relative colorimetric). */
    private static int expectedSrgb(int rgb, double[][] toXyz, boolean gamma22) {
        double[] lin = new double[3];
        for (int c = 0; c < 3; c++) {
            double v = (rgb >> (16 - 8 * c) & 0xFF) / 255.0;
            lin[c] = gamma22 ? Math.pow(v, 563 / 256.0) : IccProfileData.srgbToLinear(v);
        }
        double[] xyz = ColourMatrix.apply(toXyz, lin);
        double[] srgbLinear = ColourMatrix.apply(ColourMatrix.invert(IccProfileData.SRGB_TO_XYZ_D50), xyz);
        int out = 0;
        for (int c = 0; c < 3; c++) {
            double v = IccProfileData.linearToSrgb(Math.max(0, Math.min(1, srgbLinear[c])));
            out = out << 8 | (int) Math.round(v * 255);
        }
        return out;
    }
}
