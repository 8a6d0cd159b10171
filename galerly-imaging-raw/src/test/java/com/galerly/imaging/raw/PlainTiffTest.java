/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.raw.TiffLayout.Data;
import com.galerly.imaging.raw.TiffLayout.Ifd;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.RenditionAssertions;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIFF files share the RAW header: the RAW decoder, asked first, hands every TIFF that holds no sensor data to the
 * TIFF decoder, from any kind of source, including a single-use stream it has already started reading.
 */
class PlainTiffTest {
    private static final int W = 64;
    private static final int H = 48;

    private static List<ImageSource> sources(String name, byte[] bytes, Path dir) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return List.of(ImageSource.of(file), ImageSource.of(name, bytes),
                ImageSource.ofStream(name, bytes.length, new ByteArrayInputStream(bytes)),
                ImageSource.ofStream(name, -1, new ByteArrayInputStream(bytes)));
    }

    private static void rendersAsTiff(String name, byte[] tiff, int width, int height, Path dir) throws IOException {
        for (ImageSource source : sources(name, tiff, dir)) {
            ProcessedImage out = RawDecoderTest.PROCESSOR.process(source, RenditionProfile.standard());
            assertEquals(ImageFormat.TIFF, out.info().format(), source.toString());
            assertEquals(width + "x" + height, out.info().width() + "x" + out.info().height());
            BufferedImage large = RenditionAssertions.largest(out);
            RenditionAssertions.assertQuadrants(large, 24, source.toString());
        }
    }

    @Test
    void anOrdinaryTiffGoesToTheTiffDecoder(@TempDir Path dir) throws IOException {
        rendersAsTiff("scan.tif", ImageFiles.tiff(SyntheticImages.quadrants(W, H)), W, H, dir);
    }

    /** Uncompressed RGB whose IFD0 follows the pixels, as libtiff writes it, possibly beyond the first megabyte. */
    private static byte[] tiffWithIfdAfterPixels(int width, int height, String make) {
        return tiff(width, height, make, false);
    }

    private static byte[] tiff(int width, int height, String make, boolean subIfd) {
        BufferedImage q = SyntheticImages.quadrants(width, height);
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = q.getRGB(x, y);
                int i = 3 * (y * width + x);
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(ByteOrder.LITTLE_ENDIAN);
        t.add(new TiffLayout.Header(8, l -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I')
                .put((byte) 'I').putShort((short) 42).putInt((int) l.position(ifd0)).array()));
        Data pixels = t.data(rgb);
        t.add(ifd0);
        ifd0.longs(0x0100, width).longs(0x0101, height).shorts(0x0102, 8, 8, 8).shorts(0x0103, 1).shorts(0x0106, 2)
                .offset(0x0111, 4, pixels).shorts(0x0115, 3).longs(0x0116, height).length(0x0117, pixels);
        if (make != null) {
            ifd0.ascii(0x010F, make).ascii(0x0110, "D850");
        }
        if (subIfd) {                                  // a reduced-resolution copy in a sub-IFD, as some scanners write
            Data small = t.data(new byte[8 * 6 * 3]);
            Ifd sub = t.ifd(ByteOrder.LITTLE_ENDIAN);
            sub.longs(0x00FE, 1).longs(0x0100, 8).longs(0x0101, 6).shorts(0x0102, 8, 8, 8).shorts(0x0103, 1)
                    .shorts(0x0106, 2).offset(0x0111, 4, small).shorts(0x0115, 3).length(0x0117, small);
            ifd0.offsets(0x014A, sub);
        }
        return t.build();
    }

    @Test
    void aTiffWithItsDirectoryAfterThePixelsGoesToTheTiffDecoder(@TempDir Path dir) throws IOException {
        rendersAsTiff("small.tif", tiffWithIfdAfterPixels(W, H, null), W, H, dir);
        rendersAsTiff("big.tif", tiffWithIfdAfterPixels(800, 600, null), 800, 600, dir);   // IFD0 past 1 MiB
    }

    @Test
    void aTiffMadeByACameraIsNoRaw(@TempDir Path dir) throws IOException {
        rendersAsTiff("DSC_0001.TIF", tiffWithIfdAfterPixels(W, H, "NIKON CORPORATION"), W, H, dir);
    }

    @Test
    void aTiffWithSubIfdsButNoSensorDataIsNoRaw(@TempDir Path dir) throws IOException {
        rendersAsTiff("scan-with-sub.tif", tiff(W, H, null, true), W, H, dir);
    }
}
