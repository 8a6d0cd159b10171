/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ProcessedImage;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid files in a variant Galerly does not decode are {@code UNSUPPORTED_FORMAT} naming the variant, never
 * {@code CORRUPT_IMAGE}; a header over the pixel limit is {@code LIMIT_EXCEEDED} in every format.
 */
class VariantsTest {
    @Test
    void aTwelveBitJpegIsUnsupportedAndSaysWhy() {
        // the frame header of a 12-bit extended-sequential JPEG (SOF1, precision 12) in front of an 8-bit scan:
        // refused from the header, which is all the decision reads
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.quadrants(64, 48), 90);
        int sof = indexOf(jpeg, 0xFF, 0xC0);
        jpeg[sof + 1] = (byte) 0xC1;
        jpeg[sof + 4] = 12;
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("deep.jpg", jpeg));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("12-bit JPEG (extended sequential, SOF1)"), e.getMessage());
        assertTrue(e.getMessage().contains("8-bit samples only"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic.jpg", "arithmetic-progressive.jpg"})
    void anArithmeticJpegIsDecodedWhereTheJvmCanOrRefusedAsUnsupported(String name) {
        byte[] jpeg = WebpLibwebpTest.resource("../jpeg/" + name);
        ProcessedImage out;
        try {
            out = Outputs.process(name, jpeg);
        } catch (GalerlyException e) {
            // a JDK with its own libjpeg 6b (Temurin): no arithmetic decoding
            assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("arithmetic-coded JPEG"), e.getMessage());
            return;
        }
        // a JDK linked to the system's libjpeg-turbo (Debian's OpenJDK) decodes it: then with the right colours
        BufferedImage large = Outputs.largest(out);
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(large, 16, 12, 4), 16, name + " top-left");
        Outputs.assertColour(SyntheticImages.BOTTOM_RIGHT, Outputs.mean(large, 48, 36, 4), 16, name + " bottom-right");
    }

    @ParameterizedTest
    @CsvSource({
        "40, 6, 32, BMP with BI_ALPHABITFIELDS compression (6)",
        "40, 11, 32, BMP with CMYK compression (11)",
        "40, 12, 8, BMP with CMYK RLE8 compression (12)",
        "64, 3, 1, BMP with OS/2 Huffman 1D compression (3)",
        "64, 4, 24, BMP with OS/2 RLE24 compression (4)",
        "64, 0, 24, OS/2 2.x BMP (64-byte header)",
    })
    void aBmpCompressionWeLackIsUnsupportedNamingIt(int dib, int compression, int bits, String variant) {
        byte[] bmp = bmp(dib, compression, bits, 40, 30);
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("odd.bmp", bmp));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(variant), e.getMessage());
    }

    @Test
    void aBmpHeaderOverThePixelLimitIsRefusedBeforeDecoding() {
        byte[] bmp = bmp(40, 0, 24, 3_000_000, 2_000_000);
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("huge.bmp", bmp));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("3000000x2000000"), e.getMessage());
    }

    @Test
    void aTopDownBmpHeaderOverTheLimitToo() {
        byte[] bmp = bmp(124, 0, 32, 100_000, -100_000);
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("huge.bmp", bmp));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    }

    @Test
    void ordinaryBmpsStillDecode() {
        BufferedImage large = Outputs.largest(Outputs.process("q.bmp", ImageFiles.bmp(SyntheticImages.quadrants(64, 48))));
        Outputs.assertColour(SyntheticImages.TOP_RIGHT, Outputs.mean(large, 48, 12, 4), 8, "top-right");
    }

    @Test
    void aTiffCompressionTwelveMonkeysLacksIsUnsupported() {
        // JPEG 2000 in TIFF (compression 34712), as some scanners and medical systems write it
        byte[] tiff = ImageFiles.tiff(SyntheticImages.quadrants(64, 48));
        setTiffShort(tiff, 0x0103, 34712);
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("j2k.tif", tiff));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("34712"), e.getMessage());
    }

    /** Sets a SHORT entry of IFD0 of a TIFF in place. */
    private static void setTiffShort(byte[] tiff, int tag, int value) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int count = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int at = ifd + 2 + 12 * i;
            if ((b.getShort(at) & 0xFFFF) == tag) {
                b.putShort(at + 8, (short) value);
                return;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    /** A BMP header of the given DIB size and compression, followed by 64 bytes of pixel data. */
    static byte[] bmp(int dib, int compression, int bits, int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(14 + dib + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(14 + dib);
        b.putInt(dib).putInt(width).putInt(height).putShort((short) 1).putShort((short) bits).putInt(compression);
        return b.array();
    }

    private static int indexOf(byte[] b, int first, int second) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == first && (b[i + 1] & 0xFF) == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }
}
