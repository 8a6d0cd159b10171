/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageEncoder;
import java.util.List;

/** The codecs galerly-imaging brings: ImageIO decoders for JPEG, PNG, WebP, GIF, TIFF, BMP; JPEG and WebP encoders. */
public final class BuiltIns {
    private BuiltIns() {
    }

    public static List<ImageDecoder> decoders() {
        return ImageIoDecoder.builtIns();
    }

    public static List<ImageEncoder> encoders() {
        return List.of(new JpegEncoder(), new WebpEncoder());
    }
}
