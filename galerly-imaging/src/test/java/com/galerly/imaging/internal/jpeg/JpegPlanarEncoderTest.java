/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.YCbCr;
import com.galerly.testkit.image.SyntheticImages;
import com.galerly.testkit.property.Cases;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planar encoder against the JDK's libjpeg writer: the same forward DCT and quantisation (identical decoded
 * samples where the inputs are identical), the same quality and size at every quality, and valid files for any
 * size and content.
 */
class JpegPlanarEncoderTest {
    private static final BufferedImage PHOTO = SyntheticImages.photo(640, 427, 3);

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @ParameterizedTest(name = "quality {0}")
    @ValueSource(ints = {30, 75, 85, 95, 100})
    void greyInputGivesLibjpegsCoefficientsExactly(int quality) {
        // grey RGB converts to the same Y and neutral chroma in both encoders, so the decoded luma must be equal
        BufferedImage grey = new BufferedImage(PHOTO.getWidth(), PHOTO.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int p = PHOTO.getRGB(x, y);
                int l = ((p >> 16 & 0xFF) + (p >> 8 & 0xFF) * 2 + (p & 0xFF)) / 4;
                grey.setRGB(x, y, l << 16 | l << 8 | l);
            }
        }
        byte[] ours = JpegPlanarEncoder.encode(YCbCr.planes(rgb(grey), grey.getWidth(), grey.getHeight(), false),
                quality, new byte[0]);
        // libjpeg's integer jpeg_set_quality tables (the JDK writer scales them in float and rounds some ties down)
        int[][] tables = {JpegPlanarEncoder.table(JpegPlanarEncoder.LUMA, quality),
            JpegPlanarEncoder.table(JpegPlanarEncoder.CHROMA, quality)};
        byte[] theirs = JdkJpeg.write(grey, quality, 2, 2, true, tables);
        Raster a = JdkJpeg.raw(ours);
        Raster b = JdkJpeg.raw(theirs);
        for (int y = 0; y < grey.getHeight(); y++) {
            assertArrayEquals(b.getSamples(0, y, grey.getWidth(), 1, 0, (int[]) null),
                    a.getSamples(0, y, grey.getWidth(), 1, 0, (int[]) null), "row " + y);
        }
    }

    @ParameterizedTest(name = "quality {0}")
    @ValueSource(ints = {50, 85, 95})
    void qualityAndSizeMatchTheJdkWriter(int quality) {
        byte[] ours = JpegPlanarEncoder.encode(YCbCr.planes(rgb(PHOTO), PHOTO.getWidth(), PHOTO.getHeight(), false),
                quality, new byte[0]);
        byte[] theirs = JdkJpeg.write(PHOTO, quality, 2, 2, true);
        double psnrOurs = psnr(PHOTO, JdkJpeg.read(ours));
        double psnrTheirs = psnr(PHOTO, JdkJpeg.read(theirs));
        assertTrue(Math.abs(psnrOurs - psnrTheirs) < 0.15, "PSNR " + psnrOurs + " vs JDK " + psnrTheirs);
        assertTrue(Math.abs(ours.length - theirs.length) < theirs.length * 0.03,
                "size " + ours.length + " vs JDK " + theirs.length);
    }

    private record Noise(int w, int h, int quality, long seed) {
    }

    @Test
    void anySizeAndContentMakesAValidFile() {
        Cases.check(60, g -> new Noise(g.ints(1, 70), g.ints(1, 70), g.ints(1, 100), g.seed()),
                JpegPlanarEncoderTest::encodesAValidFile);
    }

    private static void encodesAValidFile(Noise noiseCase) {
        int w = noiseCase.w();
        int h = noiseCase.h();
        int quality = noiseCase.quality();
        long seed = noiseCase.seed();
        java.util.Random random = new java.util.Random(seed);
        int[] noise = new int[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(1 << 24);            // worst case for Huffman tables: every symbol occurs
        }
        boolean grey = (seed & 1) == 0;
        PlanarImage planes = YCbCr.planes(noise, w, h, grey);
        byte[] jpeg = JpegPlanarEncoder.encode(planes, quality, new byte[0]);
        Raster decoded = JdkJpeg.raw(jpeg);
        assertEquals(w, decoded.getWidth());
        assertEquals(h, decoded.getHeight());
        if (quality == 100 && grey) {
            Plane y = planes.plane(0);
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    assertTrue(Math.abs(decoded.getSample(i, j, 0) - y.at(i, j)) <= 3, "sample at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void theApp1SegmentFollowsTheJfifHeader() {
        byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0};
        byte[] jpeg = JpegPlanarEncoder.encode(YCbCr.planes(rgb(PHOTO), PHOTO.getWidth(), PHOTO.getHeight(), false),
                85, app1);
        assertEquals(0xE0, jpeg[3] & 0xFF);
        assertArrayEquals(app1, java.util.Arrays.copyOfRange(jpeg, 20, 20 + app1.length));
        assertEquals(PHOTO.getWidth(), JdkJpeg.read(jpeg).getWidth());
    }

    static double psnr(BufferedImage a, BufferedImage b) {
        double se = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    int d = (p >> s & 0xFF) - (q >> s & 0xFF);
                    se += d * d;
                }
            }
        }
        double mse = se / (3.0 * a.getWidth() * a.getHeight());
        return 10 * Math.log10(255 * 255 / mse);
    }

    /**
     * With an executor, a large image is coded in parts on several threads, each part's DC prediction recoded
     * afterwards: the file is the same byte for byte as the sequential encoder's, colour and grey, whatever part
     * each thread takes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2500x1700", "600x7000", "2049x2049"})
    void partsGiveTheSameFileAsOneThread(String size) throws Exception {
        int w = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int h = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        BufferedImage photo = SyntheticImages.photo(w, h, 7);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (boolean grey : new boolean[] {false, true}) {
                PlanarImage planes = YCbCr.planes(rgb(photo), w, h, grey);
                byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 4, 1, 2};
                byte[] sequential = JpegPlanarEncoder.encode(planes, 85, app1, null);
                assertArrayEquals(sequential, JpegPlanarEncoder.encode(planes, 85, app1, pool), size + " grey " + grey);
                // the caller alone runs every part when no worker starts one
                assertArrayEquals(sequential, JpegPlanarEncoder.encode(planes, 85, app1, task -> { }),
                        size + " grey " + grey);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
