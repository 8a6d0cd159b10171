/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.YCbCr;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planar decoder against the JDK's libjpeg on the same files: luma sample for sample (both use libjpeg's
 * islow IDCT), colour within rounding of the upsampling, for every common sampling, odd sizes (partial MCUs),
 * restart markers and grey; scaled decodes against averages of the full decode; and everything it must refuse.
 */
class JpegPlanarDecoderTest {
    private static final BufferedImage PHOTO = SyntheticImages.photo(333, 251, 7);

    private static PlanarImage decode(byte[] jpeg, int scale) throws Exception {
        return JpegPlanarDecoder.decode(jpeg, JpegPlanarDecoder.header(jpeg), scale);
    }

    @ParameterizedTest(name = "{0}x{1} sampling, quality {2}")
    @CsvSource({"2,2,90", "2,1,85", "1,1,95", "1,2,75", "2,2,30", "2,2,100"})
    void lumaEqualsLibjpegSampleForSample(int h, int v, int quality) throws Exception {
        byte[] jpeg = JdkJpeg.write(PHOTO, quality, h, v, h == 1);
        PlanarImage planes = decode(jpeg, 1);
        Raster raw = JdkJpeg.raw(jpeg);
        assertEquals(PHOTO.getWidth(), planes.width());
        assertEquals(PHOTO.getHeight(), planes.height());
        assertEquals(h, planes.factorX(1));
        assertEquals(v, planes.factorY(1));
        assertLumaEquals(raw, planes.plane(0));
    }

    private static void assertLumaEquals(Raster raw, Plane y) {
        for (int j = 0; j < raw.getHeight(); j++) {
            for (int i = 0; i < raw.getWidth(); i++) {
                assertEquals(raw.getSample(i, j, 0), y.at(i, j), "Y at " + i + "," + j);
            }
        }
    }

    /**
     * White noise at quality 100: blocks end on a non-zero 63rd coefficient, with no end of block, so the decoder
     * must not read the next block's DC as a second AC coefficient of the same lookup; large magnitudes take the
     * slow path.
     */
    @ParameterizedTest(name = "optimised tables: {0}")
    @ValueSource(booleans = {false, true})
    void noiseAtQuality100EqualsLibjpeg(boolean optimise) throws Exception {
        Random random = new Random(63);
        BufferedImage noise = new BufferedImage(77, 45, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < noise.getHeight(); j++) {
            for (int i = 0; i < noise.getWidth(); i++) {
                noise.setRGB(i, j, random.nextInt(1 << 24));
            }
        }
        byte[] jpeg = JdkJpeg.write(noise, 100, 2, 2, optimise);
        assertLumaEquals(JdkJpeg.raw(jpeg), decode(jpeg, 1).plane(0));
    }

    @ParameterizedTest(name = "{0}x{1} sampling")
    @CsvSource({"2,2", "2,1", "1,1"})
    void colourMatchesTheJdkDecoderWithinUpsamplingRounding(int h, int v) throws Exception {
        byte[] jpeg = JdkJpeg.write(PHOTO, 90, h, v, false);
        int[] ours = YCbCr.argb(decode(jpeg, 1));
        BufferedImage theirs = JdkJpeg.read(jpeg);
        double[] diff = compare(ours, theirs);
        assertTrue(diff[0] < 0.6, "mean |difference| " + diff[0]);
        assertTrue(diff[1] <= 12, "max |difference| " + diff[1]);
    }

    @Test
    void restartMarkersAreFollowed() throws Exception {
        for (int interval : new int[] {1, 2, 5}) {
            byte[] jpeg = ImageFiles.jpegWithRestarts(PHOTO, 90, interval);
            Raster raw = JdkJpeg.raw(jpeg);
            Plane y = decode(jpeg, 1).plane(0);
            for (int j = 0; j < raw.getHeight(); j++) {
                for (int i = 0; i < raw.getWidth(); i++) {
                    assertEquals(raw.getSample(i, j, 0), y.at(i, j), "interval " + interval + " at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void greyIsOnePlane() throws Exception {
        BufferedImage grey = new BufferedImage(77, 45, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(PHOTO, 0, 0, null);
        byte[] jpeg = JdkJpeg.write(grey, 90, 1, 1, false);
        PlanarImage planes = decode(jpeg, 1);
        assertTrue(planes.grey());
        Raster raw = JdkJpeg.raw(jpeg);
        for (int j = 0; j < 45; j++) {
            for (int i = 0; i < 77; i++) {
                assertEquals(raw.getSample(i, j, 0), planes.plane(0).at(i, j));
            }
        }
    }

    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {2, 4, 8})
    void aScaledDecodeIsTheAreaAverageOfTheFullOne(int scale) throws Exception {
        byte[] jpeg = JdkJpeg.write(PHOTO, 92, 2, 2, false);
        PlanarImage full = decode(jpeg, 1);
        PlanarImage reduced = decode(jpeg, scale);
        assertEquals((PHOTO.getWidth() + scale - 1) / scale, reduced.width());
        assertEquals((PHOTO.getHeight() + scale - 1) / scale, reduced.height());
        for (int p = 0; p < 3; p++) {
            Plane f = full.plane(p);
            Plane r = reduced.plane(p);
            double total = 0;
            int worst = 0;
            int n = 0;
            // compare groups that lie wholly inside the plane (edge blocks average padding too)
            for (int j = 0; (j + 1) * scale <= f.height(); j++) {
                for (int i = 0; (i + 1) * scale <= f.width(); i++) {
                    int sum = 0;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            sum += f.at(i * scale + dx, j * scale + dy);
                        }
                    }
                    int d = Math.abs(Math.round(sum / (float) (scale * scale)) - r.at(i, j));
                    total += d;
                    worst = Math.max(worst, d);
                    n++;
                }
            }
            // 1/4 averages the rounded samples (exact); 1/2 computes the means straight from the coefficients and
            // 1/8 takes the DC, both the average before rounding and clamping
            double meanBar = scale == 4 ? 0.01 : scale == 2 ? 0.3 : 0.6;
            int worstBar = scale == 4 ? 1 : scale == 2 ? 2 : 3;
            assertTrue(total / n < meanBar, "plane " + p + " mean difference " + total / n);
            assertTrue(worst <= worstBar, "plane " + p + " worst difference " + worst);
        }
    }

    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void aSecondThreadChangesNothing(int scale) throws Exception {
        byte[] jpeg = ImageFiles.jpegWithRestarts(PHOTO, 90, 4);
        JpegPlanarDecoder.Header header = JpegPlanarDecoder.header(jpeg);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            PlanarImage alone = JpegPlanarDecoder.decode(jpeg, header, scale);
            PlanarImage shared = JpegPlanarDecoder.decode(jpeg, header, scale, pool);
            for (int p = 0; p < 3; p++) {
                assertTrue(Arrays.equals(alone.plane(p).data(), shared.plane(p).data()), "plane " + p);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void kindsItDoesNotHandleAreLeftToImageIo() {
        int[] ink = new int[32 * 32];
        Arrays.fill(ink, 0x40A01000);
        assertThrows(JpegUnsupportedException.class,
                () -> JpegPlanarDecoder.header(ImageFiles.adobeCmykJpeg(ink, 32, 32, true, 80)));
        assertThrows(JpegUnsupportedException.class,
                () -> JpegPlanarDecoder.header(ImageFiles.adobeCmykJpeg(ink, 32, 32, false, 80)));
    }

    @Test
    void aTruncatedFileIsAnErrorNotAGreyPatch() throws Exception {
        byte[] jpeg = JdkJpeg.write(PHOTO, 90, 2, 2, false);
        JpegPlanarDecoder.Header header = JpegPlanarDecoder.header(jpeg);
        for (int cut : new int[] {jpeg.length / 2, jpeg.length - 200, jpeg.length - 2}) {
            byte[] shorter = Arrays.copyOf(jpeg, cut);
            assertThrows(IOException.class, () -> JpegPlanarDecoder.decode(shorter, header, 1), "cut at " + cut);
            assertThrows(IOException.class, () -> JpegPlanarDecoder.decode(shorter, header, 8), "1/8, cut at " + cut);
        }
    }

    @Test
    void damagedBytesFailCleanlyOrDecode() throws Exception {
        byte[] jpeg = ImageFiles.jpegWithRestarts(PHOTO, 85, 3);
        Random random = new Random(2026);
        for (int trial = 0; trial < 400; trial++) {
            byte[] mutant = jpeg.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            }
            for (int scale : new int[] {1, 2, 8}) {
                try {
                    JpegPlanarDecoder.decode(mutant, JpegPlanarDecoder.header(mutant), scale);
                } catch (IOException | JpegUnsupportedException expected) {
                    // the engine reports these as CORRUPT_IMAGE or decodes with ImageIO
                }
            }
        }
    }

    /** Mean and max absolute difference per channel between packed RGB and an image. */
    static double[] compare(int[] argb, BufferedImage image) {
        double total = 0;
        int worst = 0;
        int w = image.getWidth();
        for (int j = 0; j < image.getHeight(); j++) {
            for (int i = 0; i < w; i++) {
                int a = argb[j * w + i];
                int b = image.getRGB(i, j);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                    total += d;
                    worst = Math.max(worst, d);
                }
            }
        }
        return new double[] {total / (3.0 * w * image.getHeight()), worst};
    }
}
