/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.testkit;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageEncoder;
import org.junit.jupiter.api.Nested;

/** Every built-in encoder of galerly-imaging passes the {@link ImageEncoderContract}. */
class BuiltInEncodersTest {
    static ImageEncoder builtIn(ImageFormat format) {
        return GalerlyImaging.builtInEncoders().stream().filter(e -> e.format() == format).findFirst().orElseThrow();
    }

    @Nested
    class Jpeg extends ImageEncoderContract {
        @Override
        protected ImageEncoder encoder() {
            return builtIn(ImageFormat.JPEG);
        }
    }

    @Nested
    class Webp extends ImageEncoderContract {
        @Override
        protected ImageEncoder encoder() {
            return builtIn(ImageFormat.WEBP);
        }
    }
}
