/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** WebP fixtures (the test kit has no WebP writer: it uses the JDK only), written losslessly with libwebp. */
final class WebpFixtures {
    private WebpFixtures() {
    }

    /** An extended (VP8X) WebP: the simple file's image chunk preceded by an ICCP chunk. */
    static byte[] withIcc(byte[] simpleWebp, byte[] icc, int width, int height) {
        java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x20;
        le24(vp8x, 4, width - 1);
        le24(vp8x, 7, height - 1);
        chunk(chunks, "VP8X", vp8x);
        chunk(chunks, "ICCP", icc);
        chunks.write(simpleWebp, 12, simpleWebp.length - 12);
        byte[] body = chunks.toByteArray();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] size = new byte[4];
        le24(size, 0, body.length + 4);
        size[3] = (byte) ((body.length + 4) >>> 24);
        out.writeBytes(size);
        out.writeBytes("WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String fourcc, byte[] data) {
        out.writeBytes(fourcc.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] size = new byte[4];
        le24(size, 0, data.length);
        size[3] = (byte) (data.length >>> 24);
        out.writeBytes(size);
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static void le24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    static byte[] lossless(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Lossless");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
