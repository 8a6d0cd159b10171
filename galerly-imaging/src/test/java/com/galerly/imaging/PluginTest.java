/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SPI: ServiceLoader finds the engine; plugin decoders are asked by priority and named when they decline. */
class PluginTest {
    /** A toy "format": the ASCII "GRAY" then width and height bytes and one grey value, decoded by a plugin. */
    static final class GrayCardDecoder implements ImageDecoder {
        @Override
        public String name() {
            return "graycard";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public Sniff sniff(byte[] head) {
            return head.length >= 7 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("GRAY")
                    ? Sniff.accept(ImageFormat.RAW) : Sniff.decline("not a grey card");
        }

        @Override
        public Reading open(ImageInput input) throws IOException {
            byte[] bytes;
            try (InputStream in = input.openStream()) {
                bytes = in.readAllBytes();
            }
            int w = bytes[4] & 0xFF;
            int h = bytes[5] & 0xFF;
            int grey = bytes[6] & 0xFF;
            return new Reading() {
                @Override
                public ImageInfo info() {
                    return new ImageInfo(ImageFormat.RAW, w, h, 1, "GRAY", 8, false, null, Map.of());
                }

                @Override
                public DecodedImage decode(int subsampling) {
                    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            image.getRaster().setSample(x, y, 0, grey);
                        }
                    }
                    return new DecodedImage(image, new Size(w, h), null);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static final class MissingNativeDecoder implements ImageDecoder {
        @Override
        public String name() {
            return "heif";
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("libheif not found");
        }

        @Override
        public Sniff sniff(byte[] head) {
            // asked only to tell "a HEIF this deployment cannot decode" (CONFIGURATION) from "not an image"
            return head.length >= 12 && new String(head, 4, 8, StandardCharsets.US_ASCII).equals("ftypheic")
                    ? Sniff.accept(ImageFormat.HEIF) : Sniff.decline("not HEIF");
        }

        @Override
        public Reading open(ImageInput input) {
            throw new AssertionError("an unavailable decoder is never opened");
        }
    }

    @Test
    void imageProcessorsLoadFindsGalerlyImaging() {
        ImageProcessor processor = ImageProcessors.load();
        assertTrue(processor.toString().contains("ImagingEngine"), processor.toString());
    }

    @Test
    void aPluginDecoderRendersItsFormat() {
        ImageProcessor processor = GalerlyImaging.builder().decoder(new GrayCardDecoder()).build();
        byte[] card = {'G', 'R', 'A', 'Y', 40, 30, (byte) 200};
        ProcessedImage out = processor.process(ImageSource.of("card.gray", card), RenditionProfile.standard());
        assertEquals(ImageFormat.RAW, out.info().format());
        Outputs.assertColour(0xC8C8C8, Outputs.mean(Outputs.largest(out), 20, 15, 3), 2, "grey card");
    }

    @Test
    void aPhotoOfAFormatWhoseDecoderCannotLoadIsAConfigurationErrorNotABadPhoto() {
        ImageProcessor processor = GalerlyImaging.builder().decoder(new MissingNativeDecoder()).build();
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
            'i', 'c'};
        GalerlyException e = assertThrows(GalerlyException.class, () -> processor.process(
                ImageSource.of("IMG_0001.HEIC", heic), RenditionProfile.standard()));
        assertEquals(ErrorCode.CONFIGURATION, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("libheif not found"), e.getMessage());
    }

    @Test
    void theUnsupportedMessageNamesPluginsAndWhyTheyDeclined() {
        ImageProcessor processor = GalerlyImaging.builder().decoder(new GrayCardDecoder())
                .decoder(new MissingNativeDecoder()).build();
        GalerlyException e = assertThrows(GalerlyException.class, () -> processor.process(
                ImageSource.of("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII)), RenditionProfile.standard()));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code());
        assertTrue(e.getMessage().contains("graycard (not a grey card)"), e.getMessage());
        assertTrue(e.getMessage().contains("heif (libheif not found)"), e.getMessage());
        assertTrue(e.getMessage().indexOf("graycard") < e.getMessage().indexOf("jpeg (not JPEG)"),
                "higher priority asked first: " + e.getMessage());
    }
}
