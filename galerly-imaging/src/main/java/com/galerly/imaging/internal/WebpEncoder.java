/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.ImageEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Lossy WebP through libwebp (webp-imageio, natives bundled for Linux, macOS and Windows), alpha kept, no
 * metadata chunks. Whether the native library loads is checked once, and reported as the reason this encoder
 * is unavailable rather than as a failure of each photo.
 */
final class WebpEncoder implements ImageEncoder {
    private static volatile Optional<String> availability;

    @Override
    public String name() {
        return "webp";
    }

    @Override
    public ImageFormat format() {
        return ImageFormat.WEBP;
    }

    @Override
    public boolean keepsAlpha() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        Optional<String> known = availability;
        if (known == null) {
            synchronized (WebpEncoder.class) {
                known = availability;
                if (known == null) {
                    known = probe();
                    availability = known;
                }
            }
        }
        return known;
    }

    private Optional<String> probe() {
        try {
            encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 80);
            return Optional.empty();
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.of("libwebp could not be used here: " + e);
        }
    }

    @Override
    public byte[] encode(EncodeRequest request) throws IOException {
        return encode(request.pixels(), request.quality());
    }

    private static byte[] encode(BufferedImage pixels, int quality) throws IOException {
        ImageWriter writer = writer();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Lossy");
            param.setCompressionQuality(quality / 100f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(pixels.getWidth() * pixels.getHeight() / 8 + 1024);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(pixels, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.luciad.imageio.webp.")) {
                return w;
            }
            w.dispose();
        }
        throw new IOException("webp-imageio (com.github.usefulness:webp-imageio) is not on the classpath");
    }
}
