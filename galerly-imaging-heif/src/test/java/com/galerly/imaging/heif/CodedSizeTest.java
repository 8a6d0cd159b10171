/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.heif.internal.HeifBoxes;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A HEIF/AVIF whose container ({@code ispe}) declares a small image while its bitstream (HEVC SPS, AV1 sequence
 * header) codes a large one is refused before libheif decodes anything: libheif would decode at the coded size,
 * past every limit checked on the container.
 */
class CodedSizeTest {
    private static final ImageProcessor PROCESSOR = GalerlyImaging.processor();

    private static byte[] encoded(String output, String... options) {
        HeifFixtures.assumeEncoder();
        return HeifFixtures.encode(ImageFiles.png(SyntheticImages.photo(512, 384, 4)), "png", output, options);
    }

    /** The file with every {@code ispe} rewritten to {@code width x height}. */
    private static byte[] shrinkIspe(byte[] file, int width, int height) {
        byte[] out = file.clone();
        int patched = 0;
        for (int i = 4; i + 16 <= out.length; i++) {
            if (out[i] == 'i' && out[i + 1] == 's' && out[i + 2] == 'p' && out[i + 3] == 'e') {
                int at = i + 8;                      // after type, version and flags
                put32(out, at, width);
                put32(out, at + 4, height);
                patched++;
            }
        }
        assertTrue(patched > 0, "no ispe in the fixture");
        return out;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static HeifBoxes.Reader reader(byte[] file) {
        return (at, n) -> at >= file.length ? new byte[0]
                : Arrays.copyOfRange(file, (int) at, (int) Math.min(file.length, at + n));
    }

    @Test
    void theCodedSizeOfAnHonestFileAgreesWithItsContainer() throws IOException {
        assertNull(HeifBoxes.codedSizeMismatch(reader(encoded("ok.heic"))));
    }

    @Test
    void aHeicWhoseSpsCodesMoreThanItsIspeDeclaresIsRefusedBeforeDecoding() throws IOException {
        byte[] lying = shrinkIspe(encoded("big.heic"), 64, 48);
        String mismatch = HeifBoxes.codedSizeMismatch(reader(lying));
        assertTrue(mismatch != null && mismatch.contains("HEVC") && mismatch.contains("512x384"), mismatch);
        GalerlyException e = assertThrows(GalerlyException.class, () -> PROCESSOR.process(
                ImageSource.of("lying.heic", lying), RenditionProfile.standard()));
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("ispe"), e.getMessage());
    }

    @Test
    void anAvifWhoseSequenceHeaderCodesMoreThanItsIspeDeclaresIsRefused() throws IOException {
        byte[] avif = encoded("ok.avif", "-A");
        assertNull(HeifBoxes.codedSizeMismatch(reader(avif)));
        byte[] lying = shrinkIspe(avif, 64, 48);
        String mismatch = HeifBoxes.codedSizeMismatch(reader(lying));
        assertTrue(mismatch != null && mismatch.contains("AV1") && mismatch.contains("512x384"), mismatch);
    }
}
