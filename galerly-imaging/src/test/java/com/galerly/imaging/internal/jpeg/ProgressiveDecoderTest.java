/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Progressive decoding against sequential decoding of the same coefficients: libjpeg writes a progressive JPEG
 * with exactly the quantised coefficients of the baseline JPEG it writes from the same image and settings, so the
 * planes decoded from both must be equal byte for byte, at every scale (1, 1/2, 1/4, 1/8), for every sampling, odd
 * sizes, libjpeg's default script (successive approximation, end-of-band runs), spectral selection alone,
 * non-interleaved DC scans and restart markers. Luma is also checked against the JDK's own progressive decode.
 */
class ProgressiveDecoderTest {
    private static final BufferedImage PHOTO = SyntheticImages.photo(333, 251, 7);
    /** jpegtran scan scripts: spectral selection only, DC scans one component at a time. */
    private static final String SPECTRAL = "0: 0 0 0 0; 1: 0 0 0 0; 2: 0 0 0 0; 0: 1 9 0 0; 1: 1 63 0 0;"
            + " 0: 10 63 0 0; 2: 1 63 0 0;";
    /** Successive approximation on everything, down to bit 0 in two refinements, bands split. */
    private static final String APPROXIMATION = "0,1,2: 0 0 0 2; 0: 1 5 0 2; 1: 1 63 0 1; 2: 1 63 0 1;"
            + " 0: 6 63 0 2; 0: 1 63 2 1; 0,1,2: 0 0 2 1; 0,1,2: 0 0 1 0; 1: 1 63 1 0; 2: 1 63 1 0; 0: 1 63 1 0;";

    private static PlanarImage decode(byte[] jpeg, int scale) throws Exception {
        return JpegPlanarDecoder.decode(jpeg, JpegPlanarDecoder.header(jpeg), scale);
    }

    @ParameterizedTest(name = "{0}x{1} sampling, quality {2}, restart every {3}")
    @CsvSource({"2,2,90,0", "2,1,85,0", "1,1,95,0", "2,2,30,0", "2,2,100,0", "2,2,85,7", "1,2,90,3"})
    void planesEqualTheSequentialDecodeOfTheSameCoefficientsAtEveryScale(int h, int v, int quality, int interval)
            throws Exception {
        byte[] progressive = JdkJpeg.progressive(PHOTO, quality, h, v, interval);
        assertSameAsSequential(progressive, JdkJpeg.write(PHOTO, quality, h, v, true));
    }

    /**
     * Scripts libjpeg's writer does not offer, made by jpegtran (libjpeg-turbo-progs, which .ci/run installs) from a
     * baseline JPEG without changing a coefficient.
     */
    @ParameterizedTest(name = "{0}, {1}x{2} sampling, restart every {3} MCUs")
    @CsvSource({"spectral,2,2,0", "approximation,2,2,0", "approximation,1,1,5", "spectral,2,1,3",
        "approximation,2,2,1"})
    void scriptsOfSpectralSelectionAndSuccessiveApproximationWithRestarts(String script, int h, int v, int interval)
            throws Exception {
        byte[] baseline = JdkJpeg.write(PHOTO, 90, h, v, true);
        byte[] progressive = Jpegtran.progressive(baseline, script.equals("spectral") ? SPECTRAL : APPROXIMATION,
                interval);
        assertSameAsSequential(progressive, baseline);
    }

    private static void assertSameAsSequential(byte[] progressive, byte[] baseline) throws Exception {
        assertTrue(JpegPlanarDecoder.header(progressive).progressive());
        assertTrue(JpegPlanarDecoder.scans(progressive, 100) > 1);
        for (int scale : new int[] {1, 2, 4, 8}) {
            PlanarImage p = decode(progressive, scale);
            PlanarImage b = decode(baseline, scale);
            assertEquals(b.toString(), p.toString());
            for (int i = 0; i < b.planeCount(); i++) {
                assertPlaneEquals(b.plane(i), p.plane(i), "scale 1/" + scale + " plane " + i);
            }
        }
        assertLumaEquals(JdkJpeg.raw(progressive), decode(progressive, 1).plane(0));
    }

    @Test
    void greyAndTheTestKitsProgressiveFilesDecode() throws Exception {
        BufferedImage g = new BufferedImage(PHOTO.getWidth(), PHOTO.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(PHOTO, 0, 0, null);
        byte[] grey = JdkJpeg.progressive(g, 90, 1, 1, 0);
        PlanarImage planes = decode(grey, 1);
        assertTrue(planes.grey());
        assertLumaEquals(JdkJpeg.raw(grey), planes.plane(0));
        assertPlaneEquals(decode(JdkJpeg.write(g, 90, 1, 1, true), 4).plane(0), decode(grey, 4).plane(0), "grey 1/4");
        byte[] colour = ImageFiles.progressiveJpeg(SyntheticImages.photo(640, 480, 3), 80);
        assertLumaEquals(JdkJpeg.raw(colour), decode(colour, 1).plane(0));
    }

    /** The corpus's progressive files (the Go project's test data: 4:2:0, 4:1:1, 4:4:0, DC scans per component). */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"video-001.progressive.jpeg",
        "video-001.q50.411.progressive.jpeg", "video-001.q50.440.progressive.jpeg",
        "video-001.separate.dc.progression.progressive.jpeg"})
    void corpusFilesDecodeAsLibjpegDoes(String name) throws Exception {
        byte[] jpeg;
        try (java.io.InputStream in = getClass().getResourceAsStream("/com/galerly/imaging/corpus/" + name)) {
            jpeg = in.readAllBytes();
        }
        assertTrue(JpegPlanarDecoder.header(jpeg).progressive());
        assertLumaEquals(JdkJpeg.raw(jpeg), decode(jpeg, 1).plane(0));
    }

    @Test
    void theOutputPassSharedWithAnExecutorGivesTheSamePlanes() throws Exception {
        byte[] jpeg = JdkJpeg.progressive(PHOTO, 90, 2, 2, 0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int scale : new int[] {1, 2}) {
                PlanarImage alone = decode(jpeg, scale);
                PlanarImage shared = JpegPlanarDecoder.decode(jpeg, JpegPlanarDecoder.header(jpeg), scale, pool);
                for (int p = 0; p < 3; p++) {
                    assertPlaneEquals(alone.plane(p), shared.plane(p), "1/" + scale + " plane " + p);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void truncationAndDamageAreErrors() throws Exception {
        byte[] jpeg = JdkJpeg.progressive(PHOTO, 90, 2, 2, 0);
        for (int cut : new int[] {jpeg.length - 2, jpeg.length * 2 / 3, jpeg.length / 3}) {
            byte[] truncated = Arrays.copyOf(jpeg, cut);
            for (int scale : new int[] {1, 8}) {
                assertThrows(EOFException.class, () -> decode(truncated, scale), "cut at " + cut + ", 1/" + scale);
            }
        }
        byte[] badScan = jpeg.clone();
        int sos = indexOf(badScan, 0xDA, 0);
        badScan[sos + 6 + 2 * (badScan[sos + 4] & 0xFF)] = 70;              // Se of the first (DC) scan: 70
        assertThrows(JpegFormatException.class, () -> decode(badScan, 1));
    }

    /** The {@code n}th (from 0) marker code {@code marker}: its offset, that of the 0xFF before it plus one. */
    private static int indexOf(byte[] jpeg, int marker, int n) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker && n-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no marker " + marker);
    }

    private static void assertPlaneEquals(Plane expected, Plane actual, String what) {
        assertEquals(expected.width(), actual.width(), what);
        assertEquals(expected.height(), actual.height(), what);
        for (int j = 0; j < expected.height(); j++) {
            byte[] e = Arrays.copyOfRange(expected.data(), j * expected.stride(), j * expected.stride()
                    + expected.width());
            byte[] a = Arrays.copyOfRange(actual.data(), j * actual.stride(), j * actual.stride() + actual.width());
            assertArrayEquals(e, a, what + " row " + j);
        }
    }

    private static void assertLumaEquals(Raster raw, Plane y) {
        for (int j = 0; j < raw.getHeight(); j++) {
            for (int i = 0; i < raw.getWidth(); i++) {
                assertEquals(raw.getSample(i, j, 0), y.at(i, j), "Y at " + i + "," + j);
            }
        }
    }
}
