/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.CorruptImageException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.internal.planar.Deadline;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A built-in decoder for one format, backed by the ImageIO reader installed for it (TwelveMonkeys for JPEG,
 * TIFF and WebP; the JDK for PNG, GIF and BMP). Galerly reads the container itself for size, orientation
 * and ICC ({@link ContainerHeader}), and turns the reader's warnings about missing data into
 * {@code CORRUPT_IMAGE}, because ImageIO readers otherwise return a half-grey image for a truncated file.
 */
final class ImageIoDecoder implements ImageDecoder {
    /** Warnings that mean pixels are missing or wrong (libjpeg and TwelveMonkeys wording). */
    private static final Pattern DAMAGE = Pattern.compile(
            "(?i).*(premature end|truncat|missing eoi|corrupt jpeg data: (?!\\d+ extraneous)|bad huffman|"
                    + "unexpected end|not enough|insufficient|incomplete).*");

    static {
        ImageIO.setUseCache(false);
    }

    private final String name;
    private final ImageFormat format;
    private final Predicate<byte[]> signature;
    private final String readerPrefix;
    private final boolean readerAppliesIcc;

    private ImageIoDecoder(String name, ImageFormat format, Predicate<byte[]> signature, String readerPrefix,
                           boolean readerAppliesIcc) {
        this.name = name;
        this.format = format;
        this.signature = signature;
        this.readerPrefix = readerPrefix;
        this.readerAppliesIcc = readerAppliesIcc;
    }

    /** The built-in decoders, in the order they are asked. */
    static List<ImageDecoder> builtIns() {
        return List.of(
                // TwelveMonkeys converts an embedded profile to sRGB itself (or returns an ICC colour space); the
                // JDK's PNG reader leaves it to Galerly
                new JpegDecoder(new ImageIoDecoder("jpeg", ImageFormat.JPEG, Signatures::jpeg, "com.twelvemonkeys.", true)),
                new ImageIoDecoder("png", ImageFormat.PNG, Signatures::png, "com.sun.", false),
                new ImageIoDecoder("webp", ImageFormat.WEBP, Signatures::webp, "com.twelvemonkeys.", true),
                new ImageIoDecoder("gif", ImageFormat.GIF, Signatures::gif, "com.sun.", false),
                new ImageIoDecoder("tiff", ImageFormat.TIFF, Signatures::tiff, "com.twelvemonkeys.", true),
                new ImageIoDecoder("bmp", ImageFormat.BMP, Signatures::bmp, "com.sun.", false));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> unavailableReason() {
        return ImageIO.getImageReadersByFormatName(name).hasNext() ? Optional.empty()
                : Optional.of("no ImageIO reader for " + name + " on the classpath");
    }

    @Override
    public Sniff sniff(byte[] head) {
        return signature.test(head) ? Sniff.accept(format) : Sniff.decline("not " + format.name());
    }

    @Override
    public Reading open(ImageInput input) throws IOException {
        ImageReader reader = reader();
        InputStream stream = input.openStream();
        ImageInputStream iis = new MemoryCacheImageInputStream(stream);
        return new IioReading(input, reader, iis);
    }

    private ImageReader reader() throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (r.getClass().getName().startsWith(readerPrefix)) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return r;
            }
            if (fallback == null && !r.getClass().getName().startsWith("com.luciad.")) {
                fallback = r;            // never the native WebP reader: untrusted bytes stay in Java code
            } else {
                r.dispose();
            }
        }
        if (fallback == null) {
            throw new IIOException("no ImageIO reader for " + name);
        }
        return fallback;
    }

    @Override
    public String toString() {
        return "ImageIoDecoder[" + name + "]";
    }

    /** Aborts a read once the photo's deadline has passed (readers poll it between rows); the caller then fails. */
    private static final class AbortPastDeadline implements IIOReadProgressListener {
        private final Deadline deadline;

        AbortPastDeadline(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (deadline != null && deadline.passed()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }

    private final class IioReading implements Reading {
        private final ImageInput input;
        private final ImageReader reader;
        private final ImageInputStream iis;
        private ContainerHeader header;
        private ImageInfo info;

        IioReading(ImageInput input, ImageReader reader, ImageInputStream iis) {
            this.input = input;
            this.reader = reader;
            this.iis = iis;
        }

        @Override
        public ImageInfo info() throws IOException {
            if (info != null) {
                return info;
            }
            if (format == ImageFormat.TIFF) {
                TiffStructure.requireBounded(input.name(), iis, input.length());
            }
            header = ContainerHeader.read(format, iis, input.length());
            reader.setInput(iis, false, true);
            int width = header.width() > 0 ? header.width() : reader.getWidth(0);
            int height = header.height() > 0 ? header.height() : reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new IIOException(format + " header declares " + width + "x" + height);
            }
            String colorModel = header.colorModel();
            int bits = header.bits();
            boolean alpha = header.alpha();
            if (colorModel == null || bits == 0 || format == ImageFormat.GIF || format == ImageFormat.BMP
                    || format == ImageFormat.TIFF) {
                ImageTypeSpecifier raw = rawType();
                if (raw != null) {
                    ColorModel cm = raw.getColorModel();
                    if (colorModel == null) {
                        colorModel = cm instanceof IndexColorModel ? "PALETTE"
                                : switch (cm.getColorSpace().getType()) {
                                    case ColorSpace.TYPE_GRAY -> "GRAY";
                                    case ColorSpace.TYPE_CMYK -> "CMYK";
                                    default -> "RGB";
                                };
                    }
                    if (bits == 0) {
                        bits = cm instanceof IndexColorModel ? 8 : raw.getSampleModel().getSampleSize(0);
                    }
                    alpha |= cm.hasAlpha();
                }
            }
            byte[] icc = header.icc();
            info = new ImageInfo(format, width, height, header.exif().orientation(),
                    colorModel != null ? colorModel : "RGB", bits > 0 ? bits : 8, alpha,
                    icc != null ? IccProfiles.description(icc) : null, header.exif().values());
            return info;
        }

        private ImageTypeSpecifier rawType() {
            try {
                ImageTypeSpecifier raw = reader.getRawImageType(0);
                if (raw == null) {
                    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                    raw = types.hasNext() ? types.next() : null;
                }
                return raw;
            } catch (IOException | RuntimeException e) {
                return null;     // the type only refines the description; decoding reports real damage
            }
        }

        @Override
        public DecodedImage decode(int subsampling) throws IOException {
            ImageInfo header = info();
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            List<String> damage = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (warning != null && DAMAGE.matcher(warning).matches()) {
                    damage.add(warning);
                }
            });
            reader.addIIOReadProgressListener(new AbortPastDeadline(Deadline.current()));
            BufferedImage pixels = reader.read(0, param);
            Deadline.check("decoding");
            if (!damage.isEmpty()) {
                throw new CorruptImageException(input.name() + " is a damaged " + format.id() + " image: "
                        + damage.get(0).toLowerCase(Locale.ROOT));
            }
            if (format == ImageFormat.GIF) {
                requireGifTrailer();
            }
            return new DecodedImage(pixels, new Size(header.width(), header.height()), unappliedProfile(pixels));
        }

        /** The JDK's GIF reader fills a cut-off frame silently; a GIF that ends before its trailer is truncated. */
        private void requireGifTrailer() throws IOException {
            long length = iis.length();
            byte[] rest = new byte[64 * 1024];
            int last = -1;
            while (true) {
                int n = iis.read(rest);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    last = rest[n - 1] & 0xFF;
                }
            }
            if (length < 0 && last < 0) {
                return;
            }
            if (last != -1 && last != 0x3B) {
                throw new CorruptImageException(input.name() + " is a truncated gif image: no trailer after the image");
            }
        }

        /**
         * A profile the decoder left unapplied: the pixels say sRGB but the container carries another profile
         * (the JDK's PNG reader). Readers that apply it report an ICC colour space.
         */
        private ICC_Profile unappliedProfile(BufferedImage pixels) {
            byte[] icc = header.icc();
            if (readerAppliesIcc || icc == null || !pixels.getColorModel().getColorSpace().isCS_sRGB()) {
                return null;
            }
            if (IccProfiles.srgb(IccProfiles.description(icc))) {
                return null;
            }
            try {
                ICC_Profile profile = ICC_Profile.getInstance(icc);
                return profile.getColorSpaceType() == ColorSpace.TYPE_RGB
                        && pixels.getColorModel().getNumColorComponents() == 3 ? profile : null;
            } catch (RuntimeException e) {
                return null;     // a broken profile: render as sRGB rather than fail the photo
            }
        }

        @Override
        public void close() throws IOException {
            try {
                reader.dispose();
            } finally {
                iis.close();
            }
        }
    }
}
