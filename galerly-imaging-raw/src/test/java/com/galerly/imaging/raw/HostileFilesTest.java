/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.raw.RawFixtures.Container;
import com.galerly.imaging.raw.TiffLayout.Data;
import com.galerly.imaging.raw.TiffLayout.Ifd;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.RenditionAssertions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files built to hurt: cycles, absurd counts and sizes, pointers past the end, cut uploads. */
@Timeout(60)
class HostileFilesTest {
    private static GalerlyException fails(ErrorCode code, String name, byte[] bytes) {
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> RawDecoderTest.PROCESSOR.process(ImageSource.of(name, bytes), RenditionProfile.standard()));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(name), "names the input: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aCutUploadIsCorruptEvenWhenThePreviewSurvived(Container container) {
        byte[] file = RawFixtures.of(container, 1).bytes();
        for (double keep : new double[] {0.3, 0.6, 0.9, 0.995}) {
            String name = "cut-" + keep + "." + container.extension;
            fails(ErrorCode.CORRUPT_IMAGE, name, MalformedImages.truncated(file, (int) (file.length * keep)));
        }
    }

    @Test
    void aRawWithoutAPreviewIsUnsupportedAndSaysWhy() {
        GalerlyException e = fails(ErrorCode.UNSUPPORTED_FORMAT, "bare.dng", RawFixtures.dng(1, false));
        assertTrue(e.getMessage().contains("no embedded JPEG preview"), e.getMessage());
        assertTrue(e.getMessage().contains("DNG"), e.getMessage());
    }

    @Test
    void thePixelLimitAppliesToThePreviewHeaderBeforeDecoding() {
        byte[] bomb = JpegMarkers.withDeclaredSize(RawFixtures.preview(1), 30_000, 30_000);
        byte[] file = RawFixtures.concat(rafHeader(bomb.length), bomb);
        GalerlyException e = fails(ErrorCode.LIMIT_EXCEEDED, "bomb.raf", file);
        assertTrue(e.getMessage().contains("900.0 MP"), e.getMessage());
    }

    private static byte[] rafHeader(int jpegLength) {
        ByteBuffer h = ByteBuffer.allocate(148);
        h.put("FUJIFILMCCD-RAW 0201FF129502X-T3".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.position(84);
        h.putInt(148).putInt(jpegLength);
        return h.array();
    }

    @Test
    void directoryCyclesEndTheWalk() {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(ByteOrder.LITTLE_ENDIAN);
        t.add(new TiffLayout.Header(8, l -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I')
                .put((byte) 'I').putShort((short) 42).putInt((int) l.position(ifd0)).array()));
        t.add(ifd0);
        Ifd sub = t.ifd(ByteOrder.LITTLE_ENDIAN);
        Data preview = t.data(RawFixtures.preview(1));
        ifd0.ascii(0x010F, "SONY").shorts(0x0112, 1).offsets(0x014A, sub, ifd0).offset(0x0201, 4, preview)
                .length(0x0202, preview).next(ifd0);
        sub.shorts(0x0103, 32767).shorts(0x0106, 32803).offsets(0x014A, sub, ifd0).next(sub);
        ProcessedImage out = RawDecoderTest.PROCESSOR.process(ImageSource.of("loop.arw", t.build()),
                RenditionProfile.standard());
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 24, "loop.arw");
    }

    @Test
    void impossibleCountsAndSizesAreCorrupt() {
        byte[] cr2 = RawFixtures.cr2(1);
        byte[] manyEntries = cr2.clone();
        int ifd0 = ByteBuffer.wrap(cr2).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        manyEntries[ifd0] = (byte) 0xFF;                     // IFD0 declares 65535 entries
        manyEntries[ifd0 + 1] = (byte) 0xFF;
        fails(ErrorCode.CORRUPT_IMAGE, "entries.cr2", manyEntries);

        byte[] ifd0Away = cr2.clone();
        ByteBuffer.wrap(ifd0Away).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFF0);
        fails(ErrorCode.CORRUPT_IMAGE, "away.cr2", ifd0Away);

        byte[] raf = RawFixtures.raf(1);
        byte[] hugePreview = raf.clone();
        ByteBuffer.wrap(hugePreview).putInt(88, 0xFFFFFFF0);
        fails(ErrorCode.CORRUPT_IMAGE, "huge.raf", hugePreview);
        byte[] previewAway = raf.clone();
        ByteBuffer.wrap(previewAway).putInt(84, 0x7FFFFFF0);
        fails(ErrorCode.CORRUPT_IMAGE, "away.raf", previewAway);
    }

    @Test
    void brokenBoxTreesAreCorrupt() {
        byte[] cr3 = RawFixtures.cr3(1);
        int moov = ByteBuffer.wrap(cr3).getInt(0);            // moov follows ftyp
        byte[] huge = cr3.clone();
        ByteBuffer.wrap(huge).putInt(moov, 0x7FFFFFFF);
        fails(ErrorCode.CORRUPT_IMAGE, "huge-moov.cr3", huge);
        byte[] tiny = cr3.clone();
        ByteBuffer.wrap(tiny).putInt(moov + 8, 3);           // the Canon uuid box claims 3 bytes
        fails(ErrorCode.CORRUPT_IMAGE, "tiny-box.cr3", tiny);
        byte[] largesize = cr3.clone();
        ByteBuffer.wrap(largesize).putInt(moov + 8, 1);      // 64-bit size follows: a huge one
        fails(ErrorCode.CORRUPT_IMAGE, "largesize.cr3", largesize);
    }

    @Test
    void deeplyNestedBoxesStop() {
        byte[] inner = RawFixtures.box("free", new byte[4]);
        for (int i = 0; i < 200; i++) {
            inner = RawFixtures.box("moov", inner);
        }
        byte[] ftyp = RawFixtures.box("ftyp", "crx ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                RawFixtures.be32(1), "crx isom".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        fails(ErrorCode.CORRUPT_IMAGE, "nested.cr3", RawFixtures.concat(ftyp, inner));
    }

    @Test
    void theLosslessSensorStreamIsNeverTakenForAPreview() {
        // a CR2 whose only JPEG-looking strip is its lossless sensor data
        byte[] cr2 = RawFixtures.cr2(1);
        byte[] onlyRaw = cr2.clone();
        int broken = 0;
        for (int i = 0; i + 3 < onlyRaw.length; i++) {      // break the SOI of every JFIF JPEG: both previews
            if ((onlyRaw[i] & 0xFF) == 0xFF && (onlyRaw[i + 1] & 0xFF) == 0xD8 && (onlyRaw[i + 2] & 0xFF) == 0xFF
                    && (onlyRaw[i + 3] & 0xFF) == 0xE0) {
                onlyRaw[i + 1] = 0;
                broken++;
            }
        }
        assertEquals(2, broken);
        GalerlyException e = fails(ErrorCode.UNSUPPORTED_FORMAT, "onlyraw.cr2", onlyRaw);
        assertTrue(e.getMessage().contains("no embedded JPEG preview"), e.getMessage());
    }

}
