/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import java.io.IOException;

/**
 * Coverage-guided fuzz targets for the pure-Java JPEG decoder and encoder. In a normal build they replay the
 * committed corpus ({@code src/test/resources/.../JpegFuzzTestInputs/<target>}, seeds and past findings); with
 * {@code -Pfuzz} (JAZZER_FUZZ=1) Jazzer mutates from it. A decoder may refuse any input with an
 * {@link IOException} (malformed, truncated) or {@link JpegUnsupportedException}; anything else is a finding.
 */
class JpegFuzzTest {
    /** Planes over this many bytes are not decoded (the engine's heap check refuses such files before this). */
    private static final long MAX_PLANES = 2L * 1024 * 1024;

    @FuzzTest(maxDuration = "10m")
    void decoder(byte[] data) {
        JpegPlanarDecoder.Header header;
        try {
            header = JpegPlanarDecoder.header(data);
        } catch (IOException | JpegUnsupportedException refused) {
            return;
        }
        JpegPlanarDecoder.scans(data, 100);
        for (int scale : new int[] {1, 8}) {
            if (header.planeBytes(scale) > MAX_PLANES) {
                continue;
            }
            try {
                PlanarImage image = JpegPlanarDecoder.decode(data, header, scale);
                if (image.width() <= 0 || image.height() <= 0) {
                    throw new AssertionError("decoded " + image.width() + "x" + image.height());
                }
            } catch (IOException refused) {
                // damage is an error, never a crash
            }
        }
    }

    /** The encoder takes any planes of any size; the decoder must read back what it wrote. */
    @FuzzTest(maxDuration = "10m")
    void encoderRoundTrip(byte[] data) throws IOException, JpegUnsupportedException {
        if (data.length < 4) {
            return;
        }
        int width = 1 + (data[0] & 0x7F);
        int height = 1 + (data[1] & 0x7F);
        int quality = 1 + (data[2] & 0xFF) % 100;
        boolean grey = (data[3] & 1) == 1;
        PlanarImage image = planes(width, height, grey, data);
        byte[] jpeg = JpegPlanarEncoder.encode(image, quality, new byte[0]);
        JpegPlanarDecoder.Header header = JpegPlanarDecoder.header(jpeg);
        PlanarImage back = JpegPlanarDecoder.decode(jpeg, header, 1);
        if (back.width() != width || back.height() != height) {
            throw new AssertionError("wrote " + width + "x" + height + ", read " + back.width() + "x" + back.height());
        }
    }

    private static PlanarImage planes(int width, int height, boolean grey, byte[] data) {
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        Plane luma = plane(width, height, data, 4);
        if (grey) {
            return new PlanarImage(width, height, new Plane[] {luma}, new int[] {1}, new int[] {1});
        }
        return new PlanarImage(width, height, new Plane[] {luma, plane(cw, ch, data, 5), plane(cw, ch, data, 6)},
                new int[] {1, 2, 2}, new int[] {1, 2, 2});
    }

    private static Plane plane(int w, int h, byte[] data, int from) {
        byte[] samples = new byte[w * h];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = data[(from + i) % data.length];
        }
        return new Plane(samples, w, h, w);
    }
}
