/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.testkit.ImageDecoderContract;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;

/**
 * {@link HeifDecoder} passes galerly-imaging-testkit's {@link ImageDecoderContract} for HEIC and AVIF, with files
 * written by libheif's own encoder (heif-enc); skipped, saying why, where libheif or heif-enc is missing.
 */
class HeifDecoderContractTest {
    private static final Map<String, byte[]> ENCODED = new ConcurrentHashMap<>();

    /** heif-enc output, made once per run. */
    static byte[] encoded(String output, boolean photo) {
        HeifFixtures.assumeEncoder();
        return ENCODED.computeIfAbsent(output, o -> HeifFixtures.encode(ImageFiles.png(photo
                ? SyntheticImages.photo(320, 240, 11)
                : SyntheticImages.quadrants(SAMPLE_SIZE.width(), SAMPLE_SIZE.height())), "png", o));
    }

    private static final com.galerly.core.image.Size SAMPLE_SIZE = ImageDecoderContract.SAMPLE_SIZE;

    abstract static class Heif extends ImageDecoderContract {
        private final ImageFormat format;
        private final String extension;

        Heif(ImageFormat format, String extension) {
            this.format = format;
            this.extension = extension;
        }

        @Override
        protected ImageDecoder decoder() {
            return HeifFixtures.DECODER;
        }

        @Override
        protected ImageFormat format() {
            return format;
        }

        @Override
        protected byte[] sample() {
            return encoded("quadrants." + extension, false);
        }

        @Override
        protected int tolerance() {
            return 24;
        }

        @Override
        protected Map<String, byte[]> realFiles() {
            return Map.of("photo." + extension, encoded("photo." + extension, true));
        }
    }

    @Nested
    class Heic extends Heif {
        Heic() {
            super(ImageFormat.HEIF, "heic");
        }
    }

    @Nested
    class Avif extends Heif {
        Avif() {
            super(ImageFormat.AVIF, "avif");
        }
    }
}
