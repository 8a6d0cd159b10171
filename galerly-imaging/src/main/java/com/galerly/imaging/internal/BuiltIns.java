/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.imaging.ExifTags;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageEncoder;
import java.io.IOException;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/** The codecs galerly-imaging brings: decoders for JPEG, PNG, WebP (libwebp), GIF, TIFF, BMP; JPEG and WebP encoders. */
public final class BuiltIns {
    private BuiltIns() {
    }

    public static List<ImageDecoder> decoders() {
        return ImageIoDecoder.builtIns();
    }

    public static List<ImageEncoder> encoders() {
        return List.of(new JpegEncoder(), new WebpEncoder());
    }

    /** {@link Exif#read(byte[], int, int)} for {@link ExifTags#read(byte[], int, int)}. */
    public static ExifTags exif(byte[] tiff, int offset, int length) {
        Exif.Tags tags = Exif.read(tiff, offset, length);
        return new ExifTags(tags.orientation(), tags.values());
    }

    /** {@link Exif#read(ImageInputStream, long, long)} for {@link ExifTags#read(ImageInputStream, long, long)}. */
    public static ExifTags exif(ImageInputStream in, long base, long length) throws IOException {
        Exif.Tags tags = Exif.read(in, base, length);
        return new ExifTags(tags.orientation(), tags.values());
    }

    public static String iccProfileDescription(byte[] icc) {
        return IccProfiles.description(icc);
    }
}
