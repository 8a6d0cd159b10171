/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.internal.BuiltIns;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;

/** Every built-in decoder passes the {@link ImageDecoderContract}. */
class BuiltInDecodersTest {
    private static final BufferedImage QUADRANTS = SyntheticImages.quadrants(ImageDecoderContract.W, ImageDecoderContract.H);

    abstract static class BuiltIn extends ImageDecoderContract {
        private final String name;
        private final ImageFormat format;
        private final Function<BufferedImage, byte[]> writer;

        BuiltIn(String name, ImageFormat format, Function<BufferedImage, byte[]> writer) {
            this.name = name;
            this.format = format;
            this.writer = writer;
        }

        @Override
        protected ImageDecoder decoder() {
            return BuiltIns.decoders().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        }

        @Override
        protected ImageFormat format() {
            return format;
        }

        @Override
        protected byte[] sample() {
            return writer.apply(QUADRANTS);
        }
    }

    @Nested
    class Jpeg extends BuiltIn {
        Jpeg() {
            super("jpeg", ImageFormat.JPEG, i -> ImageFiles.jpeg(i, 95));
        }
    }

    @Nested
    class Png extends BuiltIn {
        Png() {
            super("png", ImageFormat.PNG, ImageFiles::png);
        }
    }

    @Nested
    class Gif extends BuiltIn {
        Gif() {
            super("gif", ImageFormat.GIF, ImageFiles::gif);
        }
    }

    @Nested
    class Bmp extends BuiltIn {
        Bmp() {
            super("bmp", ImageFormat.BMP, ImageFiles::bmp);
        }
    }

    @Nested
    class Tiff extends BuiltIn {
        Tiff() {
            super("tiff", ImageFormat.TIFF, ImageFiles::tiff);
        }
    }

    @Nested
    class Webp extends BuiltIn {
        Webp() {
            super("webp", ImageFormat.WEBP, WebpFixtures::lossless);
        }
    }
}
