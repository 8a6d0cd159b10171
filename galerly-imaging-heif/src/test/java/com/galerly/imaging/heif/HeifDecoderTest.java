/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.RenditionAssertions;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEIC and AVIF made by heif-enc during the run, read through the processor: size, orientation from irot/imir or
 * EXIF but never both, alpha, 10-bit, ICC and nclx colour, the pixel limit, damaged files. Skipped, with the reason,
 * where libheif or heif-enc is not installed (./.ci/run installs both).
 */
class HeifDecoderTest {
    private static final int W = 64;
    private static final int H = 48;
    private static final ImageProcessor PROCESSOR = GalerlyImaging.processor();
    private static byte[] quadrants;

    @BeforeEach
    void fixtures() {
        HeifFixtures.assumeEncoder();                    // each test reports itself skipped, with the reason
        if (quadrants == null) {
            quadrants = HeifFixtures.encode(ImageFiles.png(SyntheticImages.quadrants(W, H)), "png", "q.heic");
        }
    }

    private static ProcessedImage process(String name, byte[] bytes) {
        return PROCESSOR.process(ImageSource.of(name, bytes), RenditionProfile.standard());
    }

    private static byte[] stored(int orientation) {
        return ImageFiles.png(SyntheticImages.storedFor(SyntheticImages.quadrants(W, H), orientation));
    }

    @Test
    void aHeicRendersWithItsSizeAndColours() {
        ProcessedImage out = process("q.heic", quadrants);
        ImageInfo info = out.info();
        assertEquals(ImageFormat.HEIF, info.format());
        assertEquals(W + "x" + H, info.width() + "x" + info.height());
        assertEquals(1, info.orientation());
        assertEquals(8, info.bitsPerSample());
        assertFalse(info.hasAlpha());
        assertEquals(4, out.renditions().size());
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 28, "q.heic");
        assertEquals("image/heic", info.format().contentType());
    }

    @Test
    void aFileAStreamAndBytesGiveTheSameImage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("q.heic");
        Files.write(file, quadrants);
        for (ImageSource source : new ImageSource[] {ImageSource.of(file), ImageSource.of("q.heic", quadrants),
            ImageSource.ofStream("q.heic", -1, new ByteArrayInputStream(quadrants))}) {
            ProcessedImage out = PROCESSOR.process(source, RenditionProfile.standard());
            assertEquals(W, out.info().width(), source.toString());
            RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 28, source.toString());
        }
    }

    @Test
    void exifOrientationTurnsAnImageWithoutTransforms() {
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(SyntheticImages.storedFor(SyntheticImages.quadrants(W, H), 6), 95),
                JpegMarkers.exif(ExifData.builder().orientation(6).make("Galerly").model("G1").build()));
        byte[] heic = HeifFixtures.encode(jpeg, "jpg", "o6.heic");     // heif-enc 1.15 keeps EXIF, writes no irot
        ProcessedImage out = process("o6.heic", heic);
        if (HeifFixtures.transformed(heic)) {                        // later heif-enc versions turn EXIF into irot
            assertEquals(1, out.info().orientation());
        } else {
            assertEquals(6, out.info().orientation());
            assertEquals(H + "x" + W, out.info().width() + "x" + out.info().height(), "stored size");
        }
        assertEquals("Galerly", out.info().metadata().get("Make"));
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 28, "o6.heic");
    }

    @Test
    void irotAndImirAreAppliedByLibheif() {
        // irot turns anticlockwise by quarter turns: EXIF 8 is one quarter turn, 3 two, 6 three
        int[][] cases = {{8, 1}, {3, 2}, {6, 3}};
        for (int[] c : cases) {
            byte[] heic = HeifFixtures.withTransforms(HeifFixtures.encode(stored(c[0]), "png", "r.heic"), c[1], null);
            ProcessedImage out = process("irot" + c[1] + ".heic", heic);
            assertEquals(1, out.info().orientation(), "libheif applies the rotation");
            assertEquals(W + "x" + H, out.info().width() + "x" + out.info().height());
            RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 28, "irot " + c[1]);
        }
        // imir as amended in ISO/IEC 23008-12 and written by iPhones: 0 swaps top and bottom, 1 left and right
        byte[] upsideDown = HeifFixtures.withTransforms(HeifFixtures.encode(stored(4), "png", "m.heic"), null, 0);
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(process("imir0.heic", upsideDown)), 28, "imir 0");
        byte[] mirrored = HeifFixtures.withTransforms(HeifFixtures.encode(stored(2), "png", "m.heic"), null, 1);
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(process("imir1.heic", mirrored)), 28, "imir 1");
        // rotation then mirror, in the order of the associations: EXIF 7 (transverse) is a quarter turn and a flip
        byte[] both = HeifFixtures.withTransforms(HeifFixtures.encode(stored(5), "png", "t.heic"), 1, 0);
        ProcessedImage transposed = process("irot-imir.heic", both);
        assertEquals(W + "x" + H, transposed.info().width() + "x" + transposed.info().height());
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(transposed), 28, "irot 1 + imir 0");
    }

    @Test
    void anExifOrientationThatRepeatsIrotIsNotAppliedTwice() {
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(SyntheticImages.storedFor(SyntheticImages.quadrants(W, H), 6), 95),
                JpegMarkers.exif(ExifData.builder().orientation(6).build()));
        byte[] encoded = HeifFixtures.encode(jpeg, "jpg", "phone.heic");
        byte[] heic = HeifFixtures.transformed(encoded) ? encoded : HeifFixtures.withTransforms(encoded, 3, null);
        ProcessedImage out = process("phone.heic", heic);                    // as phones write them: irot and EXIF
        assertEquals(1, out.info().orientation());
        assertEquals(W + "x" + H, out.info().width() + "x" + out.info().height());
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 28, "irot + EXIF 6");
    }

    @Test
    void alphaIsKeptAndFlattenedOnWhiteForJpeg() {
        BufferedImage disc = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = disc.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.fill(new Ellipse2D.Double(12, 12, 40, 40));
        g.dispose();
        byte[] heic = HeifFixtures.encode(ImageFiles.png(disc), "png", "disc.heic");
        ProcessedImage out = process("disc.heic", heic);
        assertTrue(out.info().hasAlpha());
        BufferedImage large = RenditionAssertions.largest(out);
        RenditionAssertions.assertColour(0xC81E1E, large, 32, 32, 24, "the opaque disc");
        RenditionAssertions.assertColour(0xFFFFFF, large, 3, 3, 12, "transparent corner on white");
    }

    @Test
    void tenBitImagesAreReducedToEightBits() {
        int[] rgb48 = new int[W * H * 3];
        for (int i = 0; i < W * H; i++) {
            rgb48[3 * i] = 40_000;
            rgb48[3 * i + 1] = 20_000;
            rgb48[3 * i + 2] = 1_000;
        }
        byte[] heic = HeifFixtures.encode(ImageFiles.png16(rgb48, W, H), "png", "deep.heic", "-b", "10");
        ProcessedImage out = process("deep.heic", heic);
        assertEquals(10, out.info().bitsPerSample());
        RenditionAssertions.assertColour(0x9C4E04, RenditionAssertions.largest(out), W / 2, H / 2, 6, "40000/20000/1000 of 65535");
    }

    @Test
    void anEmbeddedIccProfileIsConvertedToSrgb() {
        int p3 = 0xC86432;
        byte[] png = PngChunks.insert(ImageFiles.png(SyntheticImages.solid(W, H, p3)),
                PngChunks.iccp("Display P3", IccProfileData.displayP3()));
        byte[] heic = HeifFixtures.encode(png, "png", "p3.heic");
        ProcessedImage out = process("p3.heic", heic);
        assertEquals("Display P3", out.info().colorProfileName());
        RenditionAssertions.assertColour(Pictures.p3InSrgb(p3), RenditionAssertions.largest(out), W / 2, H / 2, 6, "P3 through ICC");
    }

    @Test
    void anNclxBoxNamingP3IsConvertedToSrgb() {
        assumeTrue(HeifFixtures.DECODER.readsAvif(), "this libheif reads no AVIF; heif-enc writes nclx boxes only there");
        int p3 = 0xC86432;
        byte[] encoded = HeifFixtures.encode(ImageFiles.png(SyntheticImages.solid(W, H, p3)), "png", "p3.avif");
        byte[] avif = HeifFixtures.withNclx(encoded, 12, 13);
        ProcessedImage out = process("p3.avif", avif);
        assertEquals(ImageFormat.AVIF, out.info().format());
        assertEquals("nclx Display P3", out.info().colorProfileName());
        RenditionAssertions.assertColour(Pictures.p3InSrgb(p3), RenditionAssertions.largest(out), W / 2, H / 2, 6, "P3 through nclx");
        byte[] srgb = HeifFixtures.withNclx(encoded, 1, 13);
        RenditionAssertions.assertColour(p3, RenditionAssertions.largest(process("srgb.avif", srgb)), W / 2, H / 2, 6, "sRGB nclx untouched");
    }

    @Test
    void theAvifPathRendersToo() {
        assumeTrue(HeifFixtures.DECODER.readsAvif(), "this libheif reads no AVIF");
        byte[] avif = HeifFixtures.encode(ImageFiles.png(SyntheticImages.quadrants(W, H)), "png", "q.avif");
        ProcessedImage out = process("q.avif", avif);
        assertEquals(ImageFormat.AVIF, out.info().format());
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 28, "q.avif");
    }

    @Test
    void thePixelLimitAppliesToTheHeaderBeforeLibheifDecodes() {
        byte[] bomb = HeifFixtures.withDeclaredSize(quadrants, 20_000, 20_000);
        GalerlyException e = assertThrows(GalerlyException.class, () -> process("bomb.heic", bomb));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("400.0 MP"), e.getMessage());
    }

    @Test
    void inspectReadsTheHeaderOnly() {
        ImageInfo info = PROCESSOR.inspect(ImageSource.of("bomb.heic", HeifFixtures.withDeclaredSize(quadrants, 20_000,
                20_000)));
        assertEquals(ImageFormat.HEIF, info.format());
        assertEquals(20_000 + "x" + 20_000, info.width() + "x" + info.height());
    }

    @Test
    void aCutFileIsCorrupt() {
        for (double keep : new double[] {0.1, 0.5, 0.9}) {
            byte[] cut = MalformedImages.truncated(quadrants, (int) (quadrants.length * keep));
            GalerlyException e = assertThrows(GalerlyException.class, () -> process("cut.heic", cut));
            assertEquals(ErrorCode.CORRUPT_IMAGE, e.code(), keep + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("cut.heic"), e.getMessage());
        }
    }

    @Test
    @Timeout(60)
    void oneDecoderServesConcurrentReadings() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<ProcessedImage>>();
            for (int i = 0; i < 12; i++) {
                String name = "concurrent-" + i + ".heic";
                results.add(pool.submit(() -> process(name, quadrants)));
            }
            for (var r : results) {
                RenditionAssertions.assertQuadrants(RenditionAssertions.largest(r.get()), 28, "concurrent");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void randomDamageEndsInARenditionOrAGalerlyError() {
        Random random = new Random(0x4E1F);
        var expected = EnumSet.of(ErrorCode.CORRUPT_IMAGE, ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.LIMIT_EXCEEDED);
        for (int round = 0; round < 400; round++) {
            byte[] mutant = MalformedImages.mutate(quadrants, random);
            String name = "fuzz-" + round + ".heic";
            try {
                process(name, mutant);
            } catch (GalerlyException e) {
                assertTrue(expected.contains(e.code()), name + ": " + e.code() + " " + e.getMessage());
                assertTrue(e.getMessage().contains(name), e.getMessage());
            }
        }
    }
}
