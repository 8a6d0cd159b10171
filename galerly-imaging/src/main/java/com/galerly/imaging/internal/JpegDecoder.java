/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.LimitExceededException;
import com.galerly.core.image.ImageInfo;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.internal.jpeg.JpegPlanarDecoder;
import com.galerly.imaging.internal.jpeg.JpegUnsupportedException;
import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.PlanarImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The built-in JPEG decoder. The file is read into memory once; the header (size, orientation, ICC, EXIF) and
 * {@link #open decode} come from the ImageIO path (TwelveMonkeys), while the engine asks for planes
 * ({@link PlanarReading}) whenever the file is a sequential or progressive grey or YCbCr JPEG, which Galerly's own
 * decoder reads several times faster and at 1/2, 1/4 or 1/8 scale. Whatever the planar decoder does not handle
 * (CMYK, arithmetic, 12-bit...) goes through ImageIO as before. The scan limits apply to both paths.
 */
final class JpegDecoder implements ImageDecoder {
    /** Most scans a JPEG may have (libjpeg-turbo's tools offer such a cap; encoders write 10 to 20). */
    static final int MAX_SCANS = 100;
    /** Most scans x megapixels (a 200 MP photo of 12 scans; about 12 s of ImageIO's progressive decoding). */
    static final int MAX_SCAN_MEGAPIXELS = 2500;
    private final ImageDecoder imageIo;

    JpegDecoder(ImageDecoder imageIo) {
        this.imageIo = imageIo;
    }

    @Override
    public String name() {
        return imageIo.name();
    }

    /**
     * Always available: the planar decoder is plain Java, and the JDK's own ImageIO JPEG reader backs the rest, so
     * asking ImageIO (whose registry costs 40 ms to set up at a cold start) would only ever say yes.
     */
    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public java.util.Set<String> fileExtensions() {
        return imageIo.fileExtensions();
    }

    @Override
    public Sniff sniff(byte[] head) {
        return imageIo.sniff(head);
    }

    @Override
    public Reading open(ImageInput input) throws IOException {
        byte[] bytes;
        try (InputStream in = input.openStream()) {
            bytes = in.readAllBytes();
        }
        Reading delegate = imageIo.open(new InMemory(input, bytes));
        return new JpegReading(bytes, delegate);
    }

    @Override
    public String toString() {
        return "JpegDecoder[planar, else " + imageIo + "]";
    }

    private static final class JpegReading implements Reading, PlanarReading {
        private final byte[] bytes;
        private final Reading delegate;
        private JpegPlanarDecoder.Header header;
        private JpegUnsupportedException unsupported;

        JpegReading(byte[] bytes, Reading delegate) {
            this.bytes = bytes;
            this.delegate = delegate;
        }

        @Override
        public ImageInfo info() throws IOException {
            return delegate.info();
        }

        @Override
        public DecodedImage decode(int subsampling) throws IOException {
            checkScans(info());
            return delegate.decode(subsampling);
        }

        /**
         * Refuses a progressive JPEG with absurdly many scans before ImageIO spends time on each of them (about
         * 5 ms per scan and megapixel, uninterruptible inside libjpeg): more than {@link #MAX_SCANS} scans, or
         * more than {@link #MAX_SCAN_MEGAPIXELS} scans x megapixels. Encoders write 10 to 20.
         */
        private void checkScans(ImageInfo info) {
            int scans = JpegPlanarDecoder.scans(bytes, MAX_SCANS);
            double megapixels = (double) info.width() * info.height() / 1e6;
            if (scans > MAX_SCANS || scans * megapixels > MAX_SCAN_MEGAPIXELS) {
                throw new LimitExceededException(info.width() + "x" + info.height() + " JPEG with "
                        + (scans > MAX_SCANS ? "more than " + MAX_SCANS : String.valueOf(scans))
                        + " scans: over the limit of " + MAX_SCANS + " scans and " + MAX_SCAN_MEGAPIXELS
                        + " scans x megapixels");
            }
        }

        @Override
        public boolean planarSupported() {
            try {
                return parsed() != null;
            } catch (IOException e) {
                return false;                // let the ImageIO path report the damage in its words
            }
        }

        private JpegPlanarDecoder.Header parsed() throws IOException {
            if (header == null && unsupported == null) {
                try {
                    header = JpegPlanarDecoder.header(bytes);
                } catch (JpegUnsupportedException e) {
                    unsupported = e;
                }
            }
            return header;
        }

        @Override
        public byte[] icc() throws IOException {
            info();
            return delegate instanceof ImageIoDecoder.IioReading io ? io.icc() : null;
        }

        @Override
        public long planarBytes(int scale) {
            return header.planeBytes(scale);
        }

        @Override
        public PlanarImage planar(int scale, java.util.concurrent.Executor executor)
                throws IOException, JpegUnsupportedException {
            JpegPlanarDecoder.Header h = parsed();
            if (h == null) {
                throw unsupported;
            }
            if (!h.progressive()) {
                return JpegPlanarDecoder.decode(bytes, h, scale, executor);
            }
            checkScans(info());
            try {
                return JpegPlanarDecoder.decode(bytes, h, scale, executor);
            } catch (IOException e) {
                // libjpeg reads on past some damage with a warning that is not damage to the engine (an
                // inconsistent progression, say): ImageIO has the last word on a progressive file, as before
                throw new JpegUnsupportedException("a progressive JPEG Galerly's decoder stopped on (" + e.getMessage()
                        + "), left to ImageIO");
            }
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    /** The input's bytes, already read. */
    private static final class InMemory implements ImageInput {
        private final ImageInput input;
        private final byte[] bytes;

        InMemory(ImageInput input, byte[] bytes) {
            this.input = input;
            this.bytes = bytes;
        }

        @Override
        public String name() {
            return input.name();
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public byte[] head() {
            return input.head();
        }

        @Override
        public InputStream openStream() {
            return Deadline.checking(new ByteArrayInputStream(bytes));
        }

        @Override
        public Optional<Path> path() {
            return input.path();
        }

        @Override
        public long maxPixels() {
            return input.maxPixels();
        }
    }
}
