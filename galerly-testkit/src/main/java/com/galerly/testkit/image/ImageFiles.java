/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes fixtures with the JDK's own ImageIO writers (so the test kit needs no imaging library): JPEG
 * (baseline, progressive, restart markers, grey, CMYK/YCCK), PNG (8/16-bit, grey, palette with transparency,
 * alpha), GIF, BMP and TIFF.
 *
 * <pre>{@code
 * byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(800, 600, 1), 90);
 * byte[] rotated = JpegMarkers.insert(jpeg, JpegMarkers.exif(ExifData.builder().orientation(6).build()));
 * }</pre>
 */
public final class ImageFiles {
    private static final String JPEG_TREE = "javax_imageio_jpeg_image_1.0";

    private ImageFiles() {
    }

    /** Baseline JPEG at {@code quality} 1..100 (4:2:0, JFIF). */
    public static byte[] jpeg(BufferedImage image, int quality) {
        return jpeg(image, quality, false, 0);
    }

    /** Progressive JPEG. */
    public static byte[] progressiveJpeg(BufferedImage image, int quality) {
        return jpeg(image, quality, true, 0);
    }

    /** Baseline JPEG with a DRI segment and an RST marker every {@code interval} MCUs. */
    public static byte[] jpegWithRestarts(BufferedImage image, int quality, int interval) {
        return jpeg(image, quality, false, interval);
    }

    private static byte[] jpeg(BufferedImage image, int quality, boolean progressive, int restartInterval) {
        BufferedImage rgb = opaque(image);
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam param = jpegParam(writer, quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = null;
            if (restartInterval > 0) {
                metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(rgb), param);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_TREE);
                IIOMetadataNode sequence = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                sequence.insertBefore(dri, sequence.getFirstChild());
                metadata.setFromTree(JPEG_TREE, root);
            }
            return write(writer, new IIOImage(rgb, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A one-channel (grey) JPEG of the image's luminance as Java 2D computes it. */
    public static byte[] grayJpeg(BufferedImage image, int quality) {
        return jpeg(gray(image), quality);
    }

    /**
     * A four-channel JPEG in Adobe's convention: inks stored inverted (0 = full ink) and an APP14 "Adobe"
     * segment saying CMYK (transform 0) or YCCK (transform 2: C, M, Y through the JFIF YCbCr transform, K inverted).
     *
     * @param ink    per pixel {@code 0xCCMMYYKK} ink amounts, 0..255 each, row-major
     * @param ycck   whether to store YCCK instead of CMYK
     */
    public static byte[] adobeCmykJpeg(int[] ink, int width, int height, boolean ycck, int quality) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] px = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = ink[y * width + x];
                int c = 255 - (v >>> 24);
                int m = 255 - (v >> 16 & 0xFF);
                int ye = 255 - (v >> 8 & 0xFF);
                int k = 255 - (v & 0xFF);
                if (ycck) {
                    // a decoder takes 255 - R (G, B) after the YCbCr transform as the stored, inverted ink: so
                    // R, G, B are the ink amounts themselves
                    int ci = v >>> 24;
                    int mi = v >> 16 & 0xFF;
                    int yi = v >> 8 & 0xFF;
                    px[0] = clamp(0.299 * ci + 0.587 * mi + 0.114 * yi);
                    px[1] = clamp(128 - 0.168736 * ci - 0.331264 * mi + 0.5 * yi);
                    px[2] = clamp(128 + 0.5 * ci - 0.418688 * mi - 0.081312 * yi);
                } else {
                    px[0] = c;
                    px[1] = m;
                    px[2] = ye;
                }
                px[3] = k;
                raster.setPixel(x, y, px);
            }
        }
        ImageWriter writer = jdkJpegWriter();
        try {
            byte[] plain = write(writer, new IIOImage(raster, null, null), jpegParam(writer, quality));
            return JpegMarkers.insert(plain, JpegMarkers.adobe(ycck ? 2 : 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** PNG of the image as it is (alpha, grey, palette kept). */
    public static byte[] png(BufferedImage image) {
        return imageIo(image, "png");
    }

    /** A 16-bit-per-sample RGB PNG; {@code rgb48} holds three samples 0..65535 per pixel, row-major. */
    public static byte[] png16(int[] rgb48, int width, int height) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
        raster.setPixels(0, 0, width, height, rgb48);
        return png(new BufferedImage(cm, raster, false, null));
    }

    /**
     * A palette PNG (PLTE + tRNS): {@code argbPalette} colours with their alpha, {@code indices} one byte per
     * pixel, row-major.
     */
    public static byte[] palettePng(int[] argbPalette, byte[] indices, int width, int height) {
        int n = argbPalette.length;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = (byte) (argbPalette[i] >>> 24);
            r[i] = (byte) (argbPalette[i] >> 16);
            g[i] = (byte) (argbPalette[i] >> 8);
            b[i] = (byte) argbPalette[i];
        }
        IndexColorModel cm = new IndexColorModel(8, n, r, g, b, a);
        WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
        raster.setDataElements(0, 0, width, height, indices);
        return png(new BufferedImage(cm, raster, false, null));
    }

    /** A grey (one channel, 8-bit) PNG of the image's luminance. */
    public static byte[] grayPng(BufferedImage image) {
        return png(gray(image));
    }

    /** GIF through the JDK writer (the image is reduced to its palette). */
    public static byte[] gif(BufferedImage image) {
        return imageIo(opaque(image), "gif");
    }

    /** 24-bit BMP. */
    public static byte[] bmp(BufferedImage image) {
        return imageIo(opaque(image), "bmp");
    }

    /** Uncompressed RGB TIFF through the JDK writer. */
    public static byte[] tiff(BufferedImage image) {
        return imageIo(opaque(image), "tiff");
    }

    private static byte[] imageIo(BufferedImage image, String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter writer = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (writer == null || w.getClass().getName().startsWith("com.sun.")) {
                writer = w;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        try {
            return write(writer, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        }
        return bytes.toByteArray();
    }

    private static ImageWriteParam jpegParam(ImageWriter writer, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, was " + quality);
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        return param;
    }

    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter chosen = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (chosen == null || w.getClass().getName().startsWith("com.sun.")) {
                chosen = w;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no JPEG writer in this JDK");
        }
        return chosen;
    }

    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB
                || image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rgb.setRGB(x, y, image.getRGB(x, y));
            }
        }
        return rgb;
    }

    /** Grey by Rec. 601 luma straight on the sRGB values (no linearisation: what a grey JPEG stores). */
    private static BufferedImage gray(BufferedImage image) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = gray.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                raster.setSample(x, y, 0, clamp(0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF)));
            }
        }
        return gray;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
