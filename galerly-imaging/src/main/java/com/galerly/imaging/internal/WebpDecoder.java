/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static com.galerly.imaging.spi.ByteFields.ascii;

import com.galerly.core.CorruptImageException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.spi.ByteFields;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The built-in WebP decoder: libwebp, the format's reference decoder ({@link Libwebp}), for every WebP it reads
 * (lossy, lossless, alpha of every compression and filter, the first frame of an animation composited on its
 * canvas); TwelveMonkeys' pure-Java reader only where libwebp's native library cannot load. The header (canvas
 * size, alpha, ICC, EXIF) is read by Galerly ({@link ContainerHeader}) before any native code sees the file, so the
 * pixel limit applies first. libwebp does not apply an embedded ICC profile: the engine converts from it.
 */
final class WebpDecoder implements ImageDecoder {
    private final ImageDecoder fallback;
    private final Supplier<Optional<String>> libwebp;

    WebpDecoder(ImageDecoder fallback) {
        this(fallback, Libwebp::unavailableReason);
    }

    /** With the availability of libwebp given, so a test can take the fallback path. */
    WebpDecoder(ImageDecoder fallback, Supplier<Optional<String>> libwebp) {
        this.fallback = fallback;
        this.libwebp = libwebp;
    }

    @Override
    public String name() {
        return "webp";
    }

    @Override
    public Optional<String> unavailableReason() {
        Optional<String> missing = libwebp.get();
        if (missing.isEmpty()) {
            return missing;
        }
        return fallback.unavailableReason().map(f -> missing.get() + "; " + f);
    }

    @Override
    public java.util.Set<String> fileExtensions() {
        return fallback.fileExtensions();
    }

    @Override
    public Sniff sniff(byte[] head) {
        return Signatures.webp(head) ? Sniff.accept(ImageFormat.WEBP) : Sniff.decline("not WEBP");
    }

    @Override
    public Reading open(ImageInput input) throws IOException {
        if (libwebp.get().isPresent()) {
            return fallback.open(input);
        }
        byte[] bytes;
        try (InputStream in = input.openStream()) {
            bytes = in.readAllBytes();
        }
        return new LibwebpReading(input.name(), bytes);
    }

    /** Which decoder reads WebP here, for messages and the format table of docs/imaging.md. */
    String engine() {
        return libwebp.get().isEmpty() ? "libwebp" : "TwelveMonkeys (libwebp unavailable: " + libwebp.get().get() + ")";
    }

    @Override
    public String toString() {
        return "WebpDecoder[libwebp, else " + fallback + "]";
    }

    private static final class LibwebpReading implements Reading {
        private final String name;
        private final byte[] bytes;
        private ContainerHeader header;
        private ImageInfo info;
        private Frame frame;

        LibwebpReading(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        public ImageInfo info() throws IOException {
            if (info != null) {
                return info;
            }
            try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(
                    new java.io.ByteArrayInputStream(bytes))) {
                header = ContainerHeader.read(ImageFormat.WEBP, in, bytes.length);
            }
            if (header.width() <= 0 || header.height() <= 0) {
                throw new javax.imageio.IIOException("WebP header declares no image (no VP8X, VP8 or VP8L chunk)");
            }
            frame = Frame.first(bytes, header.width(), header.height());
            boolean alpha = header.alpha() || frame != null && !frame.coversCanvas(header.width(), header.height());
            info = new ImageInfo(ImageFormat.WEBP, header.width(), header.height(), header.exif().orientation(),
                    header.colorModel(), header.bits(), alpha,
                    header.icc() != null ? IccProfiles.description(header.icc()) : null, header.exif().values());
            return info;
        }

        @Override
        public DecodedImage decode(int subsampling) throws IOException {
            ImageInfo i = info();
            BufferedImage pixels;
            if (frame == null) {
                int w = subsampling > 1 ? (i.width() + subsampling - 1) / subsampling : 0;
                int h = subsampling > 1 ? (i.height() + subsampling - 1) / subsampling : 0;
                pixels = Libwebp.decode(bytes, w, h);
            } else {
                pixels = frame.render(name, i.width(), i.height());
            }
            if (pixels.getWidth() <= 0 || pixels.getHeight() <= 0) {
                throw new CorruptImageException(name + ": libwebp decoded no pixels");
            }
            return new DecodedImage(pixels, new Size(i.width(), i.height()), IccProfiles.unapplied(header.icc(), pixels));
        }

        @Override
        public void close() {
            // nothing native is held between calls
        }
    }

    /**
     * The first frame of an animated WebP ({@code ANMF}): its place on the canvas and its image chunks
     * ({@code ALPH}, {@code VP8 } or {@code VP8L}), handed to libwebp as a stand-alone file, then placed on a
     * transparent canvas as libwebp's animation decoder and browsers show it (the {@code ANIM} background colour is a
     * hint they ignore).
     */
    private record Frame(int x, int y, int width, int height, byte[] data) {
        /** The first frame, or null when the file is no animation. */
        static Frame first(byte[] b, int canvasWidth, int canvasHeight) throws IOException {
            if (b.length < 30 || !ascii(b, 12, "VP8X") || (b[20] & 0x02) == 0) {
                return null;
            }
            long end = Math.min(b.length, 8 + u32(b, 4));
            for (long at = 12; at + 8 <= end; ) {
                long size = u32(b, (int) at + 4);
                long payload = at + 8;
                if (size > end - payload) {
                    break;
                }
                if (ascii(b, (int) at, "ANMF")) {
                    if (size < 16 + 8) {
                        throw new CorruptImageException("WebP animation frame of " + size + " bytes has no image");
                    }
                    int p = (int) payload;
                    int x = 2 * u24(b, p);
                    int y = 2 * u24(b, p + 3);
                    int w = u24(b, p + 6) + 1;
                    int h = u24(b, p + 9) + 1;
                    if ((long) x + w > canvasWidth || (long) y + h > canvasHeight) {
                        throw new CorruptImageException("WebP animation's first frame (" + w + "x" + h + " at " + x
                                + "," + y + ") lies outside its " + canvasWidth + "x" + canvasHeight + " canvas");
                    }
                    byte[] data = java.util.Arrays.copyOfRange(b, p + 16, (int) (payload + size));
                    return new Frame(x, y, w, h, data);
                }
                at = payload + size + (size & 1);
            }
            throw new CorruptImageException("animated WebP without a frame (no ANMF chunk)");
        }

        boolean coversCanvas(int canvasWidth, int canvasHeight) {
            return x == 0 && y == 0 && width == canvasWidth && height == canvasHeight;
        }

        BufferedImage render(String name, int canvasWidth, int canvasHeight) throws IOException {
            BufferedImage pixels = Libwebp.decode(standalone(), 0, 0);
            if (pixels.getWidth() != width || pixels.getHeight() != height) {
                throw new CorruptImageException(name + ": WebP animation frame declares " + width + "x" + height
                        + " but holds " + pixels.getWidth() + "x" + pixels.getHeight());
            }
            if (coversCanvas(canvasWidth, canvasHeight)) {
                return pixels;
            }
            int[] canvas = new int[canvasWidth * canvasHeight];             // transparent black
            int[] row = new int[width];
            for (int j = 0; j < height; j++) {
                pixels.getRGB(0, j, width, 1, row, 0, width);
                System.arraycopy(row, 0, canvas, (y + j) * canvasWidth + x, width);
            }
            return Pixels.image(canvas, canvasWidth, canvasHeight, true);
        }

        /** RIFF + VP8X (the frame's size; alpha when it has an ALPH chunk) + the frame's image chunks. */
        private byte[] standalone() {
            boolean alph = data.length >= 4 && ascii(data, 0, "ALPH");
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 30);
            out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
            le32(out, 4 + 18 + data.length);
            out.writeBytes("WEBPVP8X".getBytes(StandardCharsets.US_ASCII));
            le32(out, 10);
            out.write(alph ? 0x10 : 0);
            out.write(0);
            out.write(0);
            out.write(0);
            le24(out, width - 1);
            le24(out, height - 1);
            out.writeBytes(data);
            return out.toByteArray();
        }

        private static void le32(ByteArrayOutputStream out, long v) {
            le24(out, (int) v);
            out.write((int) (v >>> 24));
        }

        private static void le24(ByteArrayOutputStream out, int v) {
            out.write(v);
            out.write(v >>> 8);
            out.write(v >>> 16);
        }

        private static int u24(byte[] b, int at) {
            return ByteFields.u24(b, at, ByteOrder.LITTLE_ENDIAN);
        }

        private static long u32(byte[] b, int at) {
            return ByteFields.u32(b, at, ByteOrder.LITTLE_ENDIAN);
        }
    }
}
