/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each hostile upload of issue #15, as a regression test: refused with the code naming its cause, in bounded time. */
class HostileInputTest {
    private static final ImageProcessor PROCESSOR = GalerlyImaging.processor();

    private static GalerlyException refused(ImageProcessor processor, String name, byte[] bytes) {
        return assertThrows(GalerlyException.class,
                () -> processor.process(ImageSource.of(name, bytes), RenditionProfile.standard()));
    }

    @Test
    void anOversubscribedHuffmanTableIsCorruptNotACrash() {
        GalerlyException e = refused(PROCESSOR, "dht.jpg", HostileFiles.oversubscribedHuffmanJpeg());
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code(), e.getMessage());
    }

    @Test
    void thousandsOfProgressiveScansAreRefusedFromTheHeader() {
        byte[] jpeg = HostileFiles.manyScanJpeg(512, 512, 3000);
        GalerlyException e = refused(PROCESSOR, "scans.jpg", jpeg);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("scans"), e.getMessage());
    }

    @Test
    void anOrdinaryProgressiveJpegStillRenders() {
        byte[] jpeg = ImageFiles.progressiveJpeg(SyntheticImages.photo(800, 600, 1), 85);
        ProcessedImage out = PROCESSOR.process(ImageSource.of("p.jpg", jpeg), RenditionProfile.standard());
        assertEquals(4, out.renditions().size());
    }

    @Test
    void aPhotoPastItsTimeLimitFailsLimitExceededSayingSoOnBothPaths() {
        ImageProcessor hurried = GalerlyImaging.processor(ProcessorSettings.builder()
                .timeLimit(Duration.ofMillis(10)).build());
        byte[] planar = ImageFiles.jpeg(SyntheticImages.photo(4000, 3000, 2), 90);
        byte[] imageIo = ImageFiles.png(SyntheticImages.photo(3000, 2000, 2));
        for (byte[] bytes : List.of(planar, imageIo)) {
            GalerlyException e = refused(hurried, "slow", bytes);
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("deadline of 10 ms (timeLimit)"), e.getMessage());
            assertTrue(!e.retryable(), "the photo costs more than the limit: recorded FAILED");
        }
    }

    @Test
    void theCallersDeadlineAppliesWhenItIsEarlier() {
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(640, 480, 2), 90);
        GalerlyException e = assertThrows(GalerlyException.class, () -> PROCESSOR.process(
                ImageSource.of("late.jpg", jpeg), RenditionProfile.standard(), Instant.now().minusSeconds(1)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("the caller's deadline"), e.getMessage());
        assertTrue(e.retryable(), "the invocation ran short, not the photo: the next one has more time");
        ProcessedImage out = PROCESSOR.process(ImageSource.of("ok.jpg", jpeg), RenditionProfile.standard(),
                Instant.now().plusSeconds(60));
        assertEquals(4, out.renditions().size());
    }

    @Test
    void aDeeplyNestedTiffSubIfdChainIsRefusedWithoutOverflowingTheStack() {
        GalerlyException e = refused(PROCESSOR, "nested.tif", HostileFiles.nestedSubIfdTiff(50_000));
        assertTrue(e.code() == ErrorCode.CORRUPT_IMAGE || e.code() == ErrorCode.LIMIT_EXCEEDED,
                e.code() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void aShallowSubIfdStillRenders() {
        ProcessedImage out = PROCESSOR.process(ImageSource.of("sub.tif", HostileFiles.nestedSubIfdTiff(2)),
                RenditionProfile.standard());
        assertEquals(4, out.renditions().size());
    }

    @Test
    void thousandsOfGifFramesCostOnlyTheirBytes() {
        byte[] gif = HostileFiles.manyFrameGif(1000, 20_000);
        ProcessedImage out = PROCESSOR.process(ImageSource.of("frames.gif", gif), RenditionProfile.standard());
        assertEquals(4, out.renditions().size());   // the first frame only; the rest is read as bytes, within maxBytes
    }

    @Test
    void megabytesOfMetadataAreSkippedNotKept() {
        ProcessedImage out = PROCESSOR.process(ImageSource.of("meta.jpg", HostileFiles.hugeMetadataJpeg(8)),
                RenditionProfile.standard());
        out.renditions().forEach(r -> assertTrue(r.length() < 200_000, r.name() + " " + r.length()));
    }

    @Test
    void aPngChunkLengthPointingFarPastTheEndIsCorrupt() {
        byte[] png = HostileFiles.onebitPng(8);
        byte[] bad = java.util.Arrays.copyOf(png, png.length);
        int idat = 8 + 25;                                   // the chunk after IHDR
        bad[idat] = 0x7F;
        bad[idat + 1] = (byte) 0xFF;
        bad[idat + 2] = (byte) 0xFF;
        bad[idat + 3] = 0x00;
        bad[idat + 4] = 't';                                 // an ancillary chunk the header reader skips
        bad[idat + 5] = 'E';
        bad[idat + 6] = 'X';
        bad[idat + 7] = 't';
        GalerlyException e = refused(PROCESSOR, "far.png", bad);
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code(), e.getMessage());
    }

    /** Refusing an input is never done by catching OutOfMemoryError (the heap check refuses before allocating). */
    @Test
    void noCodePathCatchesOutOfMemoryError() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root, 12)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> {
                        try {
                            String s = Files.readString(p);
                            return s.matches("(?s).*catch\\s*\\([^)]*OutOfMemoryError.*")
                                    || s.contains("instanceof OutOfMemoryError");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertTrue(offenders.isEmpty(), "catches OutOfMemoryError: " + offenders);
        }
    }
}
