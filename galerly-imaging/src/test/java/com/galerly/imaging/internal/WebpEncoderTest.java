/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.YCbCr;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The direct feeding of libwebp (packed pixels unpacked once into the bytes it imports) writes exactly what
 * webp-imageio's ImageIO writer writes for the same pixels: same library, same settings, same input.
 */
class WebpEncoderTest {
    @Test
    void directEncodingWritesTheImageIoWritersBytesOpaqueAndWithAlpha() throws Exception {
        assertTrue(WebpEncoder.Direct.AVAILABLE, "webp-imageio's encodeRGB/encodeRGBA are reachable");
        for (boolean alpha : new boolean[] {false, true}) {
            BufferedImage image = photoLike(173, 91, alpha);
            int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            byte[] direct = WebpEncoder.Direct.encode(argb, 0, 173, 173, 91, alpha, 80);
            byte[] imageIo = invokeViaImageIo(image);
            assertArrayEquals(imageIo, direct, "alpha " + alpha);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(direct));
            assertEquals(173, back.getWidth());
            assertEquals(alpha, back.getColorModel().hasAlpha(), "an alpha plane only where there is alpha");
        }
    }

    @Test
    void planarRenditionsWriteTheBytesOfTheirPackedPixels() throws Exception {
        BufferedImage photo = photoLike(173, 91, false);
        int[] rgb = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        for (boolean grey : new boolean[] {false, true}) {
            PlanarImage planes = YCbCr.planes(rgb, 173, 91, grey);
            byte[] planar = new WebpEncoder().encode(planes, 80);
            byte[] packed = WebpEncoder.Direct.encode(YCbCr.argb(planes), 0, 173, 173, 91, false, 80);
            assertArrayEquals(packed, planar, "grey " + grey);
        }
    }

    @Test
    void aSubImageWithAStrideTakesTheImageIoWriter() throws Exception {
        BufferedImage whole = photoLike(120, 80, false);
        BufferedImage part = whole.getSubimage(10, 10, 64, 48);
        byte[] out = new WebpEncoder().encode(new com.galerly.imaging.EncodeRequest(part,
                com.galerly.core.image.RenditionSpec.builder().name("t").box(64, 48)
                        .format(com.galerly.core.image.ImageFormat.WEBP).quality(80).build(),
                false, java.util.Map.of()));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out));
        assertEquals(64, back.getWidth());
        assertEquals(48, back.getHeight());
    }

    private static byte[] invokeViaImageIo(BufferedImage image) throws Exception {
        java.lang.reflect.Method m = WebpEncoder.class.getDeclaredMethod("viaImageIo", BufferedImage.class, int.class);
        m.setAccessible(true);
        return (byte[]) m.invoke(null, image, 80);
    }

    private static BufferedImage photoLike(int w, int h, boolean alpha) {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w + random.nextInt(20)) & 0xFF;
                int g = (y * 255 / h + random.nextInt(20)) & 0xFF;
                int b = ((x + y) * 2 + random.nextInt(20)) & 0xFF;
                int a = alpha ? (x < w / 2 ? 255 : 128 + (y & 63)) : 255;
                image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }
}
