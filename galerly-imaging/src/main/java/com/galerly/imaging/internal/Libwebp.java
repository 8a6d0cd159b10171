/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPReadParam;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * libwebp, the reference WebP decoder, as webp-imageio bundles it (natives for Linux, macOS and Windows on x86-64
 * and ARM; libwebp 1.6.0 in webp-imageio 0.11.0). Its reader is created directly rather than through the ImageIO
 * registry, and fed the file from memory: libwebp decodes a whole file at once. Whether the native library loads
 * here is checked once, by decoding a 1x1 image.
 */
final class Libwebp {
    /** A 1x1 lossless WebP (38 bytes). */
    private static final byte[] PROBE = HexFormat.of().parseHex(
            "524946461e000000574542505650384c110000002f000000100750942257ab808188e87f0000");
    private static volatile Optional<String> availability;

    private Libwebp() {
    }

    /** Why libwebp cannot decode here (its native library did not load), or empty. */
    static Optional<String> unavailableReason() {
        Optional<String> known = availability;
        if (known == null) {
            synchronized (Libwebp.class) {
                known = availability;
                if (known == null) {
                    known = probe();
                    availability = known;
                }
            }
        }
        return known;
    }

    private static Optional<String> probe() {
        try {
            BufferedImage one = decode(PROBE, 0, 0);
            return one.getWidth() == 1 && one.getHeight() == 1 ? Optional.empty()
                    : Optional.of("libwebp decoded its 1x1 probe as " + one.getWidth() + "x" + one.getHeight());
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.of("libwebp (webp-imageio) could not be loaded here: " + e);
        }
    }

    /**
     * Decodes a complete WebP file (a still image: libwebp refuses animations, whose frames are handed over one by
     * one as stand-alone files) into non-premultiplied ARGB ints, RGB when it has no alpha.
     *
     * @param width  the width to scale to with libwebp's own (area-averaging) rescaler, or 0 for the stored size
     * @param height the height to scale to, or 0
     */
    static BufferedImage decode(byte[] webp, int width, int height) throws IOException {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        try {
            reader.setInput(new InMemory(webp), true, true);
            WebPReadParam param = new WebPReadParam();
            if (width > 0 && height > 0) {
                param.setUseScaling(true);
                param.setScaledWidth(width);
                param.setScaledHeight(height);
            }
            return reader.read(0, param);
        } catch (IIOException e) {
            throw e;
        } catch (IOException e) {
            String status = String.valueOf(e.getMessage());
            if (status.contains("NOT_ENOUGH_DATA")) {
                EOFException eof = new EOFException("libwebp: the image data ends early (NOT_ENOUGH_DATA)");
                eof.initCause(e);
                throw eof;
            }
            throw new IIOException("libwebp: " + status, e);
        } finally {
            reader.dispose();
        }
    }

    /** The file as an ImageInputStream of known length (webp-imageio then copies it once, without a buffer chain). */
    private static final class InMemory extends ImageInputStreamImpl {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            bitOffset = 0;
            return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            bitOffset = 0;
            if (streamPos >= bytes.length) {
                return len == 0 ? 0 : -1;
            }
            int n = (int) Math.min(len, bytes.length - streamPos);
            System.arraycopy(bytes, (int) streamPos, b, off, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }
}
