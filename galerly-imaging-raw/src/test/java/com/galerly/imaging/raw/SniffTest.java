/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageSource;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.raw.RawFixtures.Container;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decoder decides from the first 64 bytes, is found through ServiceLoader and is asked before the TIFF decoder. */
class SniffTest {
    private final RawDecoder decoder = new RawDecoder();

    private static byte[] head(byte[] file) {
        return Arrays.copyOf(file, Math.min(file.length, ImageDecoder.SNIFF_LENGTH));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void acceptsEveryContainerFromItsFirstBytes(Container container) {
        Sniff sniff = decoder.sniff(head(RawFixtures.of(container, 1).bytes()));
        assertEquals(ImageFormat.RAW, sniff.format());
    }

    @Test
    void declinesOtherFormatsWithAReason() {
        BufferedImage q = SyntheticImages.quadrants(32, 24);
        List<byte[]> others = List.of(ImageFiles.jpeg(q, 90), ImageFiles.png(q), ImageFiles.gif(q), ImageFiles.bmp(q),
                MalformedImages.text(), MalformedImages.empty(),
                new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1'});
        for (byte[] other : others) {
            Sniff sniff = decoder.sniff(head(other));
            assertFalse(sniff.accepted(), Arrays.toString(head(other)));
            assertTrue(sniff.reason().contains("camera RAW"), sniff.reason());
        }
    }

    @Test
    void isAskedBeforeTheBuiltInTiffDecoder() {
        assertTrue(decoder.priority() > 0);
        for (ImageDecoder builtIn : GalerlyImaging.builtInDecoders()) {
            assertTrue(decoder.priority() > builtIn.priority(), builtIn.name());
        }
        // found through META-INF/services and asked first: a default processor reads a DNG (a TIFF) as RAW
        byte[] dng = RawFixtures.of(RawFixtures.Container.DNG, 1).bytes();
        assertEquals(ImageFormat.RAW, RawDecoderTest.PROCESSOR.inspect(ImageSource.of("IMG.dng", dng)).format());
    }
}
