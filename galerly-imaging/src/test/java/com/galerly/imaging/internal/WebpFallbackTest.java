/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Where libwebp's native library cannot load, WebP is still read, by TwelveMonkeys. */
class WebpFallbackTest {
    private static final ImageDecoder TWELVE_MONKEYS =
            ImageIoDecoder.twelveMonkeysWebp();

    @Test
    void libwebpLoadsHere() {
        assertEquals(Optional.empty(), Libwebp.unavailableReason());
        assertEquals("libwebp", new WebpDecoder(TWELVE_MONKEYS).engine());
    }

    @Test
    void withoutLibwebpTheJavaReaderDecodes() throws IOException {
        WebpDecoder decoder = new WebpDecoder(TWELVE_MONKEYS, () -> Optional.of("no natives for this platform"));
        assertEquals(Optional.empty(), decoder.unavailableReason(), "the fallback makes it available");
        assertTrue(decoder.engine().startsWith("TwelveMonkeys"), decoder.engine());
        byte[] webp = resource("lossless.webp");
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(resource("lossless.png")));
        try (ImageDecoder.Reading reading = decoder.open(input(webp))) {
            assertEquals(ImageFormat.WEBP, reading.info().format());
            BufferedImage pixels = reading.decode(1).pixels();
            for (int y = 0; y < reference.getHeight(); y++) {
                for (int x = 0; x < reference.getWidth(); x++) {
                    assertEquals(reference.getRGB(x, y), pixels.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void unavailableOnlyWhenNeitherCanRead() {
        ImageDecoder none = new ImageDecoder() {
            @Override
            public String name() {
                return "webp";
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("no ImageIO reader for webp on the classpath");
            }

            @Override
            public com.galerly.imaging.Sniff sniff(byte[] head) {
                return com.galerly.imaging.Sniff.decline("not WEBP");
            }

            @Override
            public Reading open(com.galerly.imaging.ImageInput input) {
                throw new UnsupportedOperationException();
            }
        };
        WebpDecoder decoder = new WebpDecoder(none, () -> Optional.of("libwebp could not be loaded"));
        assertEquals(Optional.of("libwebp could not be loaded; no ImageIO reader for webp on the classpath"),
                decoder.unavailableReason());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebpFallbackTest.class.getResourceAsStream("/com/galerly/imaging/webp/" + name)) {
            return in.readAllBytes();
        }
    }

    private static com.galerly.imaging.ImageInput input(byte[] bytes) {
        return new com.galerly.imaging.ImageInput() {
            @Override
            public String name() {
                return "f.webp";
            }

            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public byte[] head() {
                return java.util.Arrays.copyOf(bytes, Math.min(64, bytes.length));
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }
        };
    }
}
