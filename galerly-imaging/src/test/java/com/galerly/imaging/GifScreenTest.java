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
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** A GIF renders as its first frame on its logical screen, and the limit applies to that screen. */
class GifScreenTest {
    @Test
    void aFrameAtAnOffsetIsShownOnItsLogicalScreen() {
        byte[] gif = onScreen(ImageFiles.gif(SyntheticImages.quadrants(200, 100)), 400, 300, 120, 80);
        ImageInfo info = Outputs.PROCESSOR.inspect(ImageSource.of("offset.gif", gif));
        assertEquals("400x300", info.width() + "x" + info.height());
        assertTrue(info.hasAlpha(), "the screen around the frame is transparent");

        ProcessedImage out = Outputs.process("offset.gif", gif);
        BufferedImage large = Outputs.largest(out);
        assertEquals("400x300", large.getWidth() + "x" + large.getHeight());
        Outputs.assertColour(0xFFFFFF, Outputs.mean(large, 30, 30, 10), 3, "outside the frame: transparent on white");
        Outputs.assertColour(0xFFFFFF, Outputs.mean(large, 370, 270, 10), 3, "below right of the frame");
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(large, 170, 105, 10), 12, "frame top-left");
        Outputs.assertColour(SyntheticImages.BOTTOM_LEFT, Outputs.mean(large, 170, 155, 10), 12, "frame bottom-left");
        Outputs.assertColour(SyntheticImages.TOP_RIGHT, Outputs.mean(large, 270, 105, 10), 12, "frame top-right");
    }

    @Test
    void aFirstFrameOverflowingTheScreenEnlargesIt() {
        byte[] gif = onScreen(ImageFiles.gif(SyntheticImages.quadrants(200, 100)), 100, 50, 20, 10);
        ImageInfo info = Outputs.PROCESSOR.inspect(ImageSource.of("overflow.gif", gif));
        assertEquals("220x110", info.width() + "x" + info.height());
        BufferedImage large = Outputs.largest(Outputs.process("overflow.gif", gif));
        Outputs.assertColour(SyntheticImages.BOTTOM_RIGHT, Outputs.mean(large, 170, 90, 8), 12, "frame bottom-right");
    }

    @Test
    void aFrameCoveringTheScreenIsUnchanged() {
        byte[] gif = ImageFiles.gif(SyntheticImages.quadrants(200, 100));
        ImageInfo info = Outputs.PROCESSOR.inspect(ImageSource.of("plain.gif", gif));
        assertEquals("200x100", info.width() + "x" + info.height());
        BufferedImage large = Outputs.largest(Outputs.process("plain.gif", gif));
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(large, 50, 25, 10), 12, "top-left");
    }

    @Test
    void aHugeScreenIsRefusedFromTheHeaderAlone() {
        byte[] gif = hugeScreen();
        assertEquals(44, gif.length);
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("bomb.gif", gif));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("65535x66601"), e.getMessage());
        ImageInfo info = Outputs.PROCESSOR.inspect(ImageSource.of("bomb.gif", gif));
        assertEquals("65535x66601", info.width() + "x" + info.height(), "inspect reads the header only");
    }

    /**
     * 44 bytes: a 65535x65535 logical screen and a 65535x65535 first frame 1066 rows down, so the screen that holds
     * it is 65535x66601 (4.4 gigapixels).
     */
    static byte[] hugeScreen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        le16(out, 65535);
        le16(out, 65535);
        out.writeBytes(new byte[] {(byte) 0x80, 0, 0});                       // 2-colour global table
        out.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 0, 0, 0, 0});      // graphic control extension
        out.write(0x2C);
        le16(out, 0);
        le16(out, 1066);
        le16(out, 65535);
        le16(out, 65535);
        out.write(0);
        out.writeBytes(new byte[] {2, 3, 0x44, 0x01, 0x05, 0, 0x3B});               // LZW: a few codes, then the trailer
        return out.toByteArray();
    }

    /** The GIF with its logical screen set to {@code screenW x screenH} and its (first) frame moved to (x, y). */
    static byte[] onScreen(byte[] gif, int screenW, int screenH, int x, int y) {
        byte[] b = gif.clone();
        put16(b, 6, screenW);
        put16(b, 8, screenH);
        int at = 13 + ((b[10] & 0x80) != 0 ? 3 << ((b[10] & 7) + 1) : 0);
        while (b[at] == 0x21) {
            at += 2;
            while (b[at] != 0) {
                at += (b[at] & 0xFF) + 1;
            }
            at++;
        }
        assertEquals(0x2C, b[at], "image descriptor");
        put16(b, at + 1, x);
        put16(b, at + 3, y);
        return b;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }
}
