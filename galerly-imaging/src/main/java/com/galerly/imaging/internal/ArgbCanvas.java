/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.Region;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.Size;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.ImageEncoder;
import com.galerly.imaging.internal.planar.BoxFilter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;

/**
 * Packed ARGB pixels (any decoded image normalised to sRGB, already oriented, possibly with alpha) resampled by
 * {@link Lanczos3} on premultiplied alpha: the path for every image that is not a plain YCbCr or grey JPEG.
 *
 * @param pixels the pixels, as displayed
 * @param scaleX pixels per pixel of the original (below 1 when decoded reduced or for a rendition)
 * @param scaleY the same vertically
 */
record ArgbCanvas(PixelSource pixels, double scaleX, double scaleY) implements Canvas {
    @Override
    public Rendering render(Region crop, Size out, Parallel parallel) {
        int[] argb = Lanczos3.resample(pixels, crop.x() * scaleX, crop.y() * scaleY, crop.width() * scaleX,
                crop.height() * scaleY, out.width(), out.height());
        return new Argb(argb, out, pixels.alpha() && transparent(argb), pixels.alpha());
    }

    private static boolean transparent(int[] argb) {
        for (int p : argb) {
            if (p >>> 24 != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** Alpha composited onto an opaque background colour (straight alpha, 8-bit). */
    static int[] flatten(int[] argb, int background) {
        int br = background >> 16 & 0xFF;
        int bg = background >> 8 & 0xFF;
        int bb = background & 0xFF;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0xFF) {
                out[i] = p;
                continue;
            }
            int r = ((p >> 16 & 0xFF) * a + br * (255 - a) + 127) / 255;
            int g = ((p >> 8 & 0xFF) * a + bg * (255 - a) + 127) / 255;
            int b = ((p & 0xFF) * a + bb * (255 - a) + 127) / 255;
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /**
     * @param alpha      whether any pixel is transparent
     * @param sourceAlpha whether the source may be (renditions made from this one keep the alpha layout)
     */
    private record Argb(int[] argb, Size size, boolean alpha, boolean sourceAlpha) implements Rendering {
        @Override
        public Canvas canvas(Size oriented) {
            return new ArgbCanvas(Pixels.packed(argb, size.width(), size.height(), sourceAlpha),
                    (double) size.width() / oriented.width(), (double) size.height() / oriented.height());
        }

        @Override
        public byte[] encode(ImageEncoder encoder, RenditionSpec spec, boolean progressive, Map<String, String> keep,
                             int background) throws IOException {
            BufferedImage image = alpha && encoder.keepsAlpha()
                    ? Pixels.image(argb, size.width(), size.height(), true)
                    : Pixels.image(alpha ? flatten(argb, background) : argb, size.width(), size.height(), false);
            return encoder.encode(new EncodeRequest(image, spec, progressive, keep));
        }

        @Override
        public int[] miniature(int width, int height, int background) {
            return BoxFilter.argb(alpha ? flatten(argb, background) : argb, size.width(), size.height(), width, height);
        }
    }
}
