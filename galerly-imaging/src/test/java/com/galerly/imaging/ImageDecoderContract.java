/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageDecoder} must do, whoever wrote it: a plugin's test extends this class and supplies
 * the decoder and a sample of its format showing {@link SyntheticImages#quadrants}. (TwelveMonkeys' shared
 * ImageReaderAbstractTest is the model.)
 */
abstract class ImageDecoderContract {
    static final int W = 64;
    static final int H = 48;

    /** The decoder under test. */
    protected abstract ImageDecoder decoder();

    /** The format it reads. */
    protected abstract ImageFormat format();

    /** A file of that format showing {@code SyntheticImages.quadrants(64, 48)}. */
    protected abstract byte[] sample();

    /** Files of other formats the decoder must decline. */
    protected List<byte[]> others() {
        BufferedImage q = SyntheticImages.quadrants(W, H);
        return List.of(ImageFiles.jpeg(q, 90), ImageFiles.png(q), ImageFiles.gif(q), ImageFiles.bmp(q),
                ImageFiles.tiff(q), WebpFixtures.lossless(q), MalformedImages.text(), MalformedImages.empty());
    }

    static ImageInput input(byte[] bytes) {
        return new ImageInput() {
            private boolean opened;

            @Override
            public String name() {
                return "sample";
            }

            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public byte[] head() {
                return Arrays.copyOf(bytes, Math.min(bytes.length, ImageDecoder.SNIFF_LENGTH));
            }

            @Override
            public InputStream openStream() throws IOException {
                if (opened) {
                    throw new IOException("opened twice: the engine gives a decoder one stream per reading");
                }
                opened = true;
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }
        };
    }

    @Test
    void sniffAcceptsItsFormatFromTheFirstBytesAlone() {
        byte[] head = input(sample()).head();
        Sniff sniff = decoder().sniff(head);
        assertTrue(sniff.accepted(), decoder().name() + " accepts its own sample");
        assertEquals(format(), sniff.format());
    }

    @Test
    void sniffDeclinesOtherContentWithAReason() {
        for (byte[] other : others()) {
            Sniff sniff = decoder().sniff(input(other).head());
            if (sniff.accepted()) {
                assertEquals(format(), sniff.format(), "only its own format");
                continue;
            }
            assertFalse(sniff.reason().isBlank());
        }
    }

    @Test
    void infoReadsTheHeader() throws IOException {
        try (ImageDecoder.Reading reading = decoder().open(input(sample()))) {
            ImageInfo info = reading.info();
            assertEquals(format(), info.format());
            assertEquals(W, info.width());
            assertEquals(H, info.height());
            assertEquals(1, info.orientation());
        }
    }

    @Test
    void decodeGivesTheStoredPixels() throws IOException {
        try (ImageDecoder.Reading reading = decoder().open(input(sample()))) {
            reading.info();
            DecodedImage decoded = reading.decode(1);
            assertNotNull(decoded.pixels());
            assertEquals(W, decoded.pixels().getWidth());
            assertEquals(H, decoded.pixels().getHeight());
            Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(decoded.pixels(), 8, 8, 2), 16, "top-left");
            Outputs.assertColour(SyntheticImages.BOTTOM_RIGHT, Outputs.mean(decoded.pixels(), 56, 40, 2), 16,
                    "bottom-right");
        }
    }

    @Test
    void aTruncatedInputFailsInsteadOfReturningPartialPixels() {
        byte[] sample = sample();
        assertFailsTyped(MalformedImages.truncated(sample, sample.length * 2 / 3), "a truncated file");
    }

    @Test
    void garbageAfterAnAcceptedHeaderFailsTyped() {
        byte[] sample = sample();
        int keep = Math.min(sample.length, 32);
        byte[] garbage = Arrays.copyOf(sample, Math.max(sample.length, 256));
        for (int i = keep; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        assertFailsTyped(garbage, "its header followed by garbage");
    }

    /**
     * The decoder must fail with an IOException (the engine maps it to CORRUPT_IMAGE) or a typed
     * GalerlyException, never an unchecked exception of its own (ArrayIndexOutOfBounds, NullPointer...).
     */
    private void assertFailsTyped(byte[] bytes, String what) {
        try (ImageDecoder.Reading reading = decoder().open(input(bytes))) {
            reading.info();
            reading.decode(1);
            fail(decoder().name() + " decoded " + what);
        } catch (IOException | GalerlyException expected) {
            // the engine turns an IOException into CORRUPT_IMAGE naming the file (ImageIO's own often has no message)
        } catch (RuntimeException e) {
            throw new AssertionError(decoder().name() + " threw " + e + " on " + what
                    + "; expected an IOException or a GalerlyException", e);
        }
    }
}
