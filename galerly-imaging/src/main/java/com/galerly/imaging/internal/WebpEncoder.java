/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.ImageEncoder;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.YCbCr;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
 *
 * <p>libwebp's own settings are sharp's (libvips') defaults: quality as asked, method 4 ("effort 4"), the default
 * preset, no sharp YUV, one thread; given the same RGB both write the same bytes. What differs is the feeding:
 * webp-imageio's ImageIO writer copies the raster ({@code getData()}) and then unpacks it into RGB bytes, and is
 * looked up in the ImageIO registry per image. A JPEG's renditions arrive as YCbCr planes and are converted once
 * into the RGB bytes libwebp imports ({@link #encode(PlanarImage, int)}); the packed RGB/ARGB images the engine
 * hands over otherwise are unpacked in one pass into that byte array ({@link Direct}), RGB without an alpha plane
 * when opaque; any other image, or a webp-imageio without that entry point, goes through its ImageIO writer.
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

    /**
     * A rendition kept as YCbCr planes (the planar JPEG path's), converted in one pass into the RGB bytes libwebp
     * imports: no packed ints in between. The same pixels, so the same bytes, as {@link #encode(EncodeRequest)}
     * on {@link YCbCr#argb}'s image.
     */
    byte[] encode(PlanarImage image, int quality) throws IOException {
        if (!Direct.AVAILABLE) {
            return encode(Pixels.image(YCbCr.argb(image), image.width(), image.height(), false), quality);
        }
        return Direct.encode(YCbCr.rgb(image), image.width(), image.height(), false, quality);
    }

    private static byte[] encode(BufferedImage pixels, int quality) throws IOException {
        if (Direct.AVAILABLE && pixels.getColorModel() instanceof DirectColorModel cm && !cm.isAlphaPremultiplied()
                && pixels.getRaster().getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1
                && pixels.getRaster().getParent() == null
                && pixels.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && cm.getRedMask() == 0xFF0000 && cm.getGreenMask() == 0xFF00 && cm.getBlueMask() == 0xFF
                && (!cm.hasAlpha() || cm.getAlphaMask() == 0xFF000000) && cm.getColorSpace().isCS_sRGB()) {
            return Direct.encode(db.getData(), db.getOffset(), sm.getScanlineStride(), pixels.getWidth(),
                    pixels.getHeight(), cm.hasAlpha(), quality);
        }
        return viaImageIo(pixels, quality);
    }

    private static byte[] viaImageIo(BufferedImage pixels, int quality) throws IOException {
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

    /**
     * webp-imageio's native entry points ({@code WebPWrapper.encodeRGB/encodeRGBA} with a {@code WebPEncoderOptions},
     * the calls its ImageIO writer makes after unpacking the raster), found once by reflection: the options class is
     * package-private. Absent (another webp-imageio), every image takes the ImageIO writer.
     */
    static final class Direct {
        static final boolean AVAILABLE;
        private static final Object WRAPPER;
        private static final Constructor<?> OPTIONS;
        private static final Method QUALITY;
        private static final Method RGB;
        private static final Method RGBA;

        static {
            Object wrapper = null;
            Constructor<?> options = null;
            Method quality = null;
            Method rgb = null;
            Method rgba = null;
            try {
                Class<?> o = Class.forName("com.luciad.imageio.webp.WebPEncoderOptions");
                Class<?> w = Class.forName("com.luciad.imageio.webp.WebPWrapper");
                options = o.getDeclaredConstructor();
                options.setAccessible(true);
                quality = o.getDeclaredMethod("setCompressionQuality", float.class);
                quality.setAccessible(true);
                rgb = w.getMethod("encodeRGB", o, byte[].class, int.class, int.class, int.class);
                rgba = w.getMethod("encodeRGBA", o, byte[].class, int.class, int.class, int.class);
                wrapper = w.getField("INSTANCE").get(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                wrapper = null;
            }
            WRAPPER = wrapper;
            OPTIONS = options;
            QUALITY = quality;
            RGB = rgb;
            RGBA = rgba;
            AVAILABLE = wrapper != null;
        }

        private Direct() {
        }

        /** Packed (A)RGB ints, row by row with {@code stride}, as RGB or RGBA bytes into libwebp. */
        static byte[] encode(int[] argb, int offset, int stride, int width, int height, boolean alpha, int quality)
                throws IOException {
            int channels = alpha ? 4 : 3;
            byte[] bytes = new byte[Math.multiplyExact(width * channels, height)];
            int o = 0;
            for (int y = 0; y < height; y++) {
                int i = offset + y * stride;
                if (alpha) {
                    for (int x = 0; x < width; x++, o += 4) {
                        int p = argb[i + x];
                        bytes[o] = (byte) (p >> 16);
                        bytes[o + 1] = (byte) (p >> 8);
                        bytes[o + 2] = (byte) p;
                        bytes[o + 3] = (byte) (p >>> 24);
                    }
                } else {
                    for (int x = 0; x < width; x++, o += 3) {
                        int p = argb[i + x];
                        bytes[o] = (byte) (p >> 16);
                        bytes[o + 1] = (byte) (p >> 8);
                        bytes[o + 2] = (byte) p;
                    }
                }
            }
            return encode(bytes, width, height, alpha, quality);
        }

        /** Interleaved RGB (or RGBA) bytes, {@code width * 3} (or 4) a row, into libwebp. */
        static byte[] encode(byte[] bytes, int width, int height, boolean alpha, int quality) throws IOException {
            int channels = alpha ? 4 : 3;
            try {
                Object options = OPTIONS.newInstance();
                QUALITY.invoke(options, (float) quality);
                return (byte[]) (alpha ? RGBA : RGB).invoke(WRAPPER, options, bytes, width, height, width * channels);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException("libwebp failed: " + cause, cause);
            } catch (ReflectiveOperationException e) {
                throw new IOException("webp-imageio's encoder could not be called: " + e, e);
            }
        }
    }
}
