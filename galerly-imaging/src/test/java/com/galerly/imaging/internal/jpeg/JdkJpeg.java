/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The JDK's own libjpeg, as the reference the planar codec is checked against. */
final class JdkJpeg {
    private JdkJpeg() {
    }

    /** A JFIF JPEG whose luma is sampled {@code h x v} times its chroma (1x1: 4:4:4, 2x1: 4:2:2, 2x2: 4:2:0). */
    static byte[] write(BufferedImage image, int quality, int h, int v, boolean optimise) {
        return write(image, quality, h, v, optimise, null);
    }

    /**
     * As {@link #write(BufferedImage, int, int, int, boolean)}, with the given quantisation tables (natural order)
     * instead of the JDK's own scaling of the standard ones (which rounds ties differently from libjpeg's
     * {@code jpeg_set_quality}).
     */
    static byte[] write(BufferedImage image, int quality, int h, int v, boolean optimise, int[][] quant) {
        ImageWriter writer = writer();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quant == null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            ((JPEGImageWriteParam) param).setOptimizeHuffmanTables(optimise);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String tree = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(tree);
            if (quant != null) {                          // the metadata's tables are used when no quality is set
                org.w3c.dom.NodeList tables = root.getElementsByTagName("dqtable");
                for (int i = 0; i < tables.getLength(); i++) {
                    ((IIOMetadataNode) tables.item(i)).setUserObject(new JPEGQTable(quant[Math.min(i, 1)]));
                }
            }
            IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
            if (sof.getLength() > 1) {
                IIOMetadataNode luma = (IIOMetadataNode) sof.getChildNodes().item(0);
                luma.setAttribute("HsamplingFactor", Integer.toString(h));
                luma.setAttribute("VsamplingFactor", Integer.toString(v));
            }
            metadata.setFromTree(tree, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A progressive JPEG (libjpeg's default script) with the same quantised coefficients as {@link
     * #write(BufferedImage, int, int, int, boolean)} writes baseline for the same arguments (the same forward DCT
     * and tables; only the entropy coding differs); a restart interval of {@code interval} MCUs when positive.
     */
    static byte[] progressive(BufferedImage image, int quality, int h, int v, int interval) {
        ImageWriter writer = writer();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String tree = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(tree);
            IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
            if (sof.getLength() > 1) {
                IIOMetadataNode luma = (IIOMetadataNode) sof.getChildNodes().item(0);
                luma.setAttribute("HsamplingFactor", Integer.toString(h));
                luma.setAttribute("VsamplingFactor", Integer.toString(v));
            }
            if (interval > 0) {
                IIOMetadataNode sequence = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(interval));
                sequence.insertBefore(dri, sequence.getFirstChild());
            }
            metadata.setFromTree(tree, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** The decoded samples before colour conversion (Y, Cb, Cr upsampled to full size, or grey). */
    static Raster raw(byte[] jpeg) {
        ImageReader reader = reader();
        try {
            reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
            return reader.readRaster(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /** Decoded to RGB by the JDK. */
    static BufferedImage read(byte[] jpeg) {
        ImageReader reader = reader();
        try {
            reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageWriter writer() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext();) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                return w;
            }
        }
        throw new IllegalStateException("no JDK JPEG writer");
    }

    private static ImageReader reader() {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext();) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.sun.")) {
                return r;
            }
        }
        throw new IllegalStateException("no JDK JPEG reader");
    }
}
