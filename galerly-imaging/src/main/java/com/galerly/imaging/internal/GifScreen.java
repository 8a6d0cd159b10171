/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import javax.imageio.stream.ImageInputStream;

/**
 * A GIF's logical screen and where its first frame sits on it, read from the header before anything is decoded. The
 * image Galerly renders is the first frame composited on that screen, as browsers show it: the screen is enlarged
 * to hold a first frame that overflows it (as Chromium does), and the pixel limit applies to that size.
 *
 * @param width       the canvas width: the logical screen's, or more when the first frame overflows it
 * @param height      the canvas height
 * @param frameX      the first frame's left edge, or 0 when the header holds no frame
 * @param frameY      the first frame's top edge
 * @param frameWidth  the first frame's width, or 0 when the header holds no frame
 * @param frameHeight the first frame's height
 */
record GifScreen(int width, int height, int frameX, int frameY, int frameWidth, int frameHeight) {
    private static final int MAX_BLOCKS = 4096;

    /** Whether the first frame covers the whole canvas (it is then the image as it stands). */
    boolean frameCoversScreen() {
        return frameWidth == 0 || frameX == 0 && frameY == 0 && frameWidth == width && frameHeight == height;
    }

    static GifScreen read(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        in.seek(6);
        int width = in.readUnsignedShort();
        int height = in.readUnsignedShort();
        int packed = in.readUnsignedByte();
        in.skipBytes(2);
        if ((packed & 0x80) != 0) {
            in.skipBytes(3 << ((packed & 7) + 1));
        }
        try {
            for (int blocks = 0; blocks < MAX_BLOCKS; blocks++) {
                int b = in.read();
                if (b == 0x21) {
                    in.readUnsignedByte();                           // extension label
                    for (int len = in.readUnsignedByte(); len > 0; len = in.readUnsignedByte()) {
                        skipFully(in, len);
                    }
                } else if (b == 0x2C) {
                    int x = in.readUnsignedShort();
                    int y = in.readUnsignedShort();
                    int w = in.readUnsignedShort();
                    int h = in.readUnsignedShort();
                    return new GifScreen(Math.max(width, x + w), Math.max(height, y + h), x, y, w, h);
                } else {
                    break;                                           // trailer, end of file or garbage: no frame
                }
            }
        } catch (EOFException e) {
            // the header ends before a frame: the screen is all it declares; decoding reports the damage
        } finally {
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
            in.seek(0);
        }
        return new GifScreen(width, height, 0, 0, 0, 0);
    }

    private static void skipFully(ImageInputStream in, int n) throws IOException {
        in.seek(in.getStreamPosition() + n - 1);
        if (in.read() < 0) {
            throw new EOFException();
        }
    }
}
