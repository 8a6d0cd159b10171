/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.raw.TiffLayout.Data;
import com.galerly.imaging.raw.TiffLayout.Ifd;
import com.galerly.testkit.image.RenditionAssertions;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DNG as converters write it: a 160x120 RGB thumbnail in IFD0, the raw CFA image in one SubIFD and a full-size JPEG
 * preview in another. The full-size preview is rendered, whatever the raw data's compression, wherever IFD0 lies,
 * however the preview is stored (strip or one tile), and from a file, bytes or a stream.
 */
class DngPreviewTest {
    /** Raw data compressions: none, lossless JPEG, lossy JPEG (DNG 1.4), deflate, JPEG XL (DNG 1.7). */
    static List<Arguments> layouts() {
        List<Arguments> out = new ArrayList<>();
        for (int compression : new int[] {1, 7, 34892, 8, 52546}) {
            for (boolean ifd0Last : new boolean[] {false, true}) {
                for (boolean tiledPreview : new boolean[] {false, true}) {
                    out.add(Arguments.of(compression, ifd0Last, tiledPreview));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "raw compression {0}, IFD0 at the end {1}, tiled preview {2}")
    @MethodSource("layouts")
    void rendersTheFullSizePreviewNotTheThumbnail(int compression, boolean ifd0Last, boolean tiledPreview,
                                                  @TempDir Path dir) throws Exception {
        byte[] dng = dng(compression, ifd0Last, tiledPreview);
        Path file = dir.resolve("converted.dng");
        Files.write(file, dng);
        ImageSource[] sources = ifd0Last ? new ImageSource[] {ImageSource.of(file), ImageSource.of("converted.dng", dng),
            ImageSource.ofStream("converted.dng", dng.length, new ByteArrayInputStream(dng))}
            : new ImageSource[] {ImageSource.of("converted.dng", dng)};
        for (ImageSource source : sources) {
            ProcessedImage out = RawDecoderTest.PROCESSOR.process(source, RenditionProfile.standard());
            ImageInfo info = out.info();
            assertEquals(ImageFormat.RAW, info.format(), source.toString());
            assertEquals(RawFixtures.W + "x" + RawFixtures.H, info.width() + "x" + info.height(), source.toString());
            assertEquals("DNG", info.metadata().get("RawFormat"));
            RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 24, source.toString());
        }
    }

    /**
     * The DNG: IFD0 (160x120 RGB thumbnail, DNGVersion, SubIFDs) -> [raw CFA 6000x4000 of the given compression,
     * full-size JPEG preview]; with {@code ifd0Last} the directories follow 1.2 MB of image data, as some writers
     * lay it out.
     */
    static byte[] dng(int compression, boolean ifd0Last, boolean tiledPreview) {
        ByteOrder ii = ByteOrder.LITTLE_ENDIAN;
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(ii);
        t.add(new TiffLayout.Header(8, l -> ByteBuffer.allocate(8).order(ii).put((byte) 'I').put((byte) 'I')
                .putShort((short) 42).putInt((int) l.position(ifd0)).array()));
        Ifd cfaIfd = new Ifd(ii);
        Ifd previewIfd = new Ifd(ii);
        if (!ifd0Last) {
            t.add(ifd0);
            t.add(cfaIfd);
            t.add(previewIfd);
        }
        Data thumb = t.data(RawFixtures.rgb(160, 120));
        Data cfa = t.data(compression == 7 ? RawFixtures.losslessStream(6000, 4000)
                : RawFixtures.sensor(ifd0Last ? 1200 * 1024 : 48 * 1024));
        Data full = t.data(RawFixtures.preview(1));
        if (ifd0Last) {
            t.add(ifd0);
            t.add(cfaIfd);
            t.add(previewIfd);
        }
        ifd0.longs(0x00FE, 1).shorts(0x0100, 160).shorts(0x0101, 120).shorts(0x0102, 8, 8, 8).shorts(0x0103, 1)
                .shorts(0x0106, 2).ascii(0x010F, "Canon").ascii(0x0110, "Canon EOS R5").offset(0x0111, 4, thumb)
                .shorts(0x0112, 1).shorts(0x0115, 3).longs(0x0116, 120).length(0x0117, thumb)
                .offsets(0x014A, cfaIfd, previewIfd).bytes(0xC612, 1, new byte[] {1, 6, 0, 0})
                .ascii(0xC614, "Canon EOS R5");
        cfaIfd.longs(0x00FE, 0).longs(0x0100, 6000).longs(0x0101, 4000).shorts(0x0103, compression)
                .shorts(0x0106, compression == 34892 ? 34892 : 32803).offset(0x0111, 4, cfa).length(0x0117, cfa);
        previewIfd.longs(0x00FE, 1).longs(0x0100, RawFixtures.W).longs(0x0101, RawFixtures.H)
                .shorts(0x0102, 8, 8, 8).shorts(0x0103, 7).shorts(0x0106, 6).shorts(0x0115, 3);
        if (tiledPreview) {
            previewIfd.longs(0x0142, RawFixtures.W).longs(0x0143, RawFixtures.H).offset(0x0144, 4, full)
                    .length(0x0145, full);
        } else {
            previewIfd.offset(0x0111, 4, full).longs(0x0116, RawFixtures.H).length(0x0117, full);
        }
        return t.build();
    }
}
