/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.ImageEncoder;
import com.galerly.imaging.internal.jpeg.JpegPlanarEncoder;
import com.galerly.imaging.internal.planar.YCbCr;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG with optimised Huffman tables, 4:2:0 chroma, a JFIF header and nothing else (no EXIF, XMP, IPTC or ICC)
 * unless artist/copyright are to be kept. Baseline files are written by Galerly's own encoder
 * ({@link JpegPlanarEncoder}, libjpeg's tables and DCT: the same files as the JDK's writer, without its cost on
 * JDK builds that bundle their own libjpeg); progressive ones by the JDK's writer.
 */
final class JpegEncoder implements ImageEncoder {
    private static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";

    @Override
    public String name() {
        return "jpeg";
    }

    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public boolean keepsAlpha() {
        return false;
    }

    @Override
    public byte[] encode(EncodeRequest request) throws IOException {
        if (!request.progressive()) {
            BufferedImage image = request.pixels();
            int w = image.getWidth();
            int h = image.getHeight();
            int[] rgb = image.getRaster().getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
                    && image.getType() == BufferedImage.TYPE_INT_RGB && ints.getData().length == w * h
                    ? ints.getData() : image.getRGB(0, 0, w, h, null, 0, w);
            return JpegPlanarEncoder.encode(YCbCr.planes(rgb, w, h, false), request.quality(),
                    Exif.app1(request.keep()));
        }
        ImageWriter writer = writer();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(request.quality() / 100f);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            if (request.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(request.pixels().getWidth()
                    * request.pixels().getHeight() / 4 + 1024);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(request.pixels(), null, null), param);
            }
            return withKept(bytes.toByteArray(), Exif.app1(request.keep()));
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter first = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().equals(JDK_WRITER)) {
                if (first != null) {
                    first.dispose();
                }
                return w;
            }
            if (first == null) {
                first = w;
            } else {
                w.dispose();
            }
        }
        if (first == null) {
            throw new IOException("no JPEG writer in this JDK");
        }
        return first;
    }

    /** Inserts the APP1 segment after SOI and the JFIF APP0 segment. */
    private static byte[] withKept(byte[] jpeg, byte[] app1) {
        if (app1.length == 0) {
            return jpeg;
        }
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        }
        byte[] out = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(app1, 0, out, at, app1.length);
        System.arraycopy(jpeg, at, out, at + app1.length, jpeg.length - at);
        return out;
    }
}
