/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.galerly.core.CorruptImageException;
import com.galerly.core.image.ImageFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Fuzz target for the container-header sniffers Galerly runs on untrusted bytes before any decoder: the signature
 * checks, the JPEG/PNG/WebP/TIFF header readers ({@link ContainerHeader}), the EXIF reader and the TIFF directory
 * walk ({@link TiffStructure}). They may refuse with an {@link IOException} or {@link CorruptImageException};
 * anything else is a finding.
 */
class ContainerFuzzTest {
    private static final ImageFormat[] FORMATS = {ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP,
        ImageFormat.TIFF, ImageFormat.GIF, ImageFormat.BMP};

    @FuzzTest(maxDuration = "10m")
    void headers(byte[] data) throws IOException {
        Signatures.describe(data);
        Signatures.hex(data, 8);
        for (ImageFormat format : FORMATS) {
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
                ContainerHeader.read(format, in, data.length);
            } catch (IOException refused) {
                // malformed or truncated: the decoder reports it
            }
        }
        Exif.read(data, 0, data.length);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            TiffStructure.requireBounded("fuzz.tif", in, data.length);
        } catch (CorruptImageException | IOException refused) {
            // a tree past the bounds, or a cut file
        }
    }
}
