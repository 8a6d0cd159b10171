/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.Size;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure is a GalerlyException with one of the four codes, and a message naming the input. */
class FailuresTest {
    private static final BufferedImage PHOTO = SyntheticImages.photo(480, 320, 3);
    private static final Map<String, Function<BufferedImage, byte[]>> WRITERS = Map.of(
            "jpeg", i -> ImageFiles.jpeg(i, 90),
            "progressive", i -> ImageFiles.progressiveJpeg(i, 90),
            "png", ImageFiles::png,
            "gif", ImageFiles::gif,
            "bmp", ImageFiles::bmp,
            "tiff", ImageFiles::tiff,
            "webp", WebpFixtures::lossless);

    private static GalerlyException fails(ErrorCode code, ImageSource source) {
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> Outputs.PROCESSOR.process(source, RenditionProfile.standard()));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(source.name()), "message names the input: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "progressive", "png", "gif", "bmp", "tiff", "webp"})
    void truncatedFilesAreCorruptNeverHalfGrey(String kind) {
        byte[] file = WRITERS.get(kind).apply(PHOTO);
        for (double keep : new double[] {0.5, 0.9}) {
            byte[] cut = MalformedImages.truncated(file, (int) (file.length * keep));
            fails(ErrorCode.CORRUPT_IMAGE, ImageSource.of("cut-" + kind + "-" + keep, cut));
        }
    }

    @Test
    void zeroBytesIsUnsupportedAndSaysWhatWasTried() {
        GalerlyException e = fails(ErrorCode.UNSUPPORTED_FORMAT, ImageSource.of("empty.jpg", MalformedImages.empty()));
        assertTrue(e.getMessage().contains("sniffed: empty"), e.getMessage());
    }

    @Test
    void textNamedJpgIsUnsupportedAndListsEveryDecoderAsked() {
        GalerlyException e = fails(ErrorCode.UNSUPPORTED_FORMAT, ImageSource.of("letter.jpg", MalformedImages.text()));
        for (String tried : new String[] {"jpeg (not JPEG)", "png (not PNG)", "webp (not WEBP)", "gif (not GIF)",
            "tiff (not TIFF)", "bmp (not BMP)"}) {
            assertTrue(e.getMessage().contains(tried), e.getMessage());
        }
        assertTrue(e.getMessage().contains("sniffed: text"), e.getMessage());
    }

    @Test
    void heifIsNamedWhenNoPluginReadsIt() {
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        GalerlyException e = fails(ErrorCode.UNSUPPORTED_FORMAT, ImageSource.of("IMG_0001.HEIC", heic));
        assertTrue(e.getMessage().contains("sniffed: HEIF"), e.getMessage());
    }

    @Test
    void aHugePngHeaderIsRefusedBeforeAnyPixelIsAllocated() {
        GalerlyException e = fails(ErrorCode.LIMIT_EXCEEDED, ImageSource.of("bomb.png", PngChunks.headerOnly(100_000,
                100_000)));
        assertTrue(e.getMessage().contains("100000x100000") && e.getMessage().contains("200.0 MP"), e.getMessage());
    }

    @Test
    void aJpegDeclaringMorePixelsThanTheLimitIsRefused() {
        byte[] bomb = JpegMarkers.withDeclaredSize(ImageFiles.jpeg(PHOTO, 80), 30_000, 30_000);
        fails(ErrorCode.LIMIT_EXCEEDED, ImageSource.of("bomb.jpg", bomb));
    }

    @Test
    void theMegapixelLimitIsConfigurable() {
        ImageProcessor strict = GalerlyImaging.builder().settings(s -> s.maxMegapixels(0.1)).build();
        GalerlyException e = assertThrows(GalerlyException.class, () -> strict.process(
                ImageSource.of("p.jpg", ImageFiles.jpeg(PHOTO, 80)), RenditionProfile.standard()));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    }

    @Test
    void theByteLimitIsCheckedOnTheDeclaredSizeAndWhileReading() {
        ImageProcessor small = GalerlyImaging.builder().settings(s -> s.maxBytes(1000)).build();
        byte[] jpeg = ImageFiles.jpeg(PHOTO, 80);
        GalerlyException declared = assertThrows(GalerlyException.class,
                () -> small.process(ImageSource.of("big.jpg", jpeg), RenditionProfile.standard()));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, declared.code());
        GalerlyException streamed = assertThrows(GalerlyException.class, () -> small.process(
                ImageSource.ofStream("stream.jpg", -1, new ByteArrayInputStream(jpeg)), RenditionProfile.standard()));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, streamed.code(), streamed.getMessage());
    }

    @Test
    void aGalerlyExceptionFromTheOpenerPassesThroughUnchanged() {
        GalerlyException replaced = new GalerlyException(ErrorCode.CONFLICT, "original was replaced");
        ImageSource source = ImageSource.of("k", 10, () -> {
            throw replaced;
        });
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> Outputs.PROCESSOR.process(source, RenditionProfile.standard()));
        assertSame(replaced, e);
    }

    @Test
    void aFailingSourceIsAnIoErrorNotACorruptImage() {
        byte[] jpeg = ImageFiles.jpeg(PHOTO, 80);
        ImageSource unopenable = ImageSource.of("gone.jpg", 10, () -> {
            throw new IOException("connection reset");
        });
        fails(ErrorCode.IO_ERROR, unopenable);
        ImageSource breaksHalfway = ImageSource.of("flaky.jpg", jpeg.length, () -> new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read++ > jpeg.length / 2) {
                    throw new IOException("connection reset");
                }
                return jpeg[read - 1] & 0xFF;
            }
        });
        fails(ErrorCode.IO_ERROR, breaksHalfway);
    }

    @Test
    void aSingleUseStreamIsReadOnce() {
        byte[] jpeg = ImageFiles.jpeg(PHOTO, 80);
        ProcessedImage out = Outputs.PROCESSOR.process(ImageSource.ofStream("s.jpg", jpeg.length,
                new ByteArrayInputStream(jpeg)), RenditionProfile.standard());
        assertEquals(new Size(480, 320), out.rendition("large").orElseThrow().size());
    }

    @Test
    void aFormatWithoutEncoderIsRefusedBeforeDecoding() {
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.PROCESSOR.process(
                ImageSource.of("p.jpg", ImageFiles.jpeg(PHOTO, 80)),
                RenditionProfile.standard().withFormat(ImageFormat.AVIF)));
        assertEquals(ErrorCode.CONFIGURATION, e.code(), "a deployment fault, not a bad photo");
        assertTrue(e.getMessage().contains("no encoder for avif"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x1", "1x2", "2x1", "3x3000", "3000x3", "401x1"})
    void tinyAndExtremeAspectImagesGetEveryRendition(String size) {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        ProcessedImage out = Outputs.process(size + ".png", ImageFiles.png(SyntheticImages.solid(w, h, 0x3366CC)));
        assertEquals(4, out.renditions().size());
        for (var r : out.renditions()) {
            assertEquals(r.size(), r.spec().plan(new Size(w, h)).output(), r.name());
            Outputs.assertColour(0x3366CC, Outputs.mean(Outputs.decode(r), 0, 0, 0), 10, size + " " + r.name());
        }
    }
}
