/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.CorruptImageException;
import com.galerly.core.UnsupportedFormatException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.internal.jpeg.JpegUnsupportedException;
import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.YCbCr;
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
import java.util.Set;
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
 * A built-in decoder for one format, backed by the ImageIO reader installed for it (TwelveMonkeys for JPEG and
 * TIFF, and for WebP where libwebp cannot load; the JDK for PNG, GIF and BMP). Galerly reads the container itself
 * for size, orientation and ICC ({@link ContainerHeader}), and turns the reader's warnings about missing data into
 * {@code CORRUPT_IMAGE}, because ImageIO readers otherwise return a half-grey image for a truncated file.
 */
final class ImageIoDecoder implements ImageDecoder {
    /** Warnings that mean pixels are missing or wrong (libjpeg and TwelveMonkeys wording). */
    private static final Pattern DAMAGE = Pattern.compile(
            "(?i).*(premature end|truncat|missing eoi|corrupt jpeg data: (?!\\d+ extraneous)|bad huffman|"
                    + "unexpected end|not enough|insufficient|incomplete).*");

    /** TwelveMonkeys' words for a valid TIFF it has no codec for (a compression, a photometric interpretation). */
    private static final Pattern UNSUPPORTED_TIFF = Pattern.compile("(?is).*(unsupported|not supported).*");

    /**
     * ImageIO, set up on first use: its registry scans every plugin on the classpath and starts AWT's application
     * context (40 ms of a cold start), which a JPEG taking the planar path never needs.
     */
    private static final class Registry {
        static {
            ImageIO.setUseCache(false);
        }

        private Registry() {
        }

        static Iterator<ImageReader> readers(String formatName) {
            return ImageIO.getImageReadersByFormatName(formatName);
        }
    }

    private final String name;
    private final ImageFormat format;
    private final Predicate<byte[]> signature;
    private final String readerPrefix;
    private final boolean readerAppliesIcc;
    private final Set<String> extensions;

    private ImageIoDecoder(String name, ImageFormat format, Predicate<byte[]> signature, String readerPrefix,
                           boolean readerAppliesIcc, Set<String> extensions) {
        this.extensions = extensions;
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
                new JpegDecoder(new ImageIoDecoder("jpeg", ImageFormat.JPEG, Signatures::jpeg, "com.twelvemonkeys.", true,
                        Set.of("jpg", "jpeg", "jpe", "jfif", "jif"))),
                new ImageIoDecoder("png", ImageFormat.PNG, Signatures::png, "com.sun.", false, Set.of("png")),
                new WebpDecoder(twelveMonkeysWebp()),
                new ImageIoDecoder("gif", ImageFormat.GIF, Signatures::gif, "com.sun.", false, Set.of("gif")),
                new ImageIoDecoder("tiff", ImageFormat.TIFF, Signatures::tiff, "com.twelvemonkeys.", true,
                        Set.of("tif", "tiff")),
                new ImageIoDecoder("bmp", ImageFormat.BMP, Signatures::bmp, "com.sun.", false, Set.of("bmp", "dib")));
    }

    /** TwelveMonkeys' pure-Java WebP reader: the fallback where libwebp cannot load. */
    static ImageDecoder twelveMonkeysWebp() {
        return new ImageIoDecoder("webp", ImageFormat.WEBP, Signatures::webp, "com.twelvemonkeys.", true,
                Set.of("webp"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> fileExtensions() {
        return extensions;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Registry.readers(name).hasNext() ? Optional.empty()
                : Optional.of("no ImageIO reader for " + name + " on the classpath");
    }

    @Override
    public Sniff sniff(byte[] head) {
        return signature.test(head) ? Sniff.accept(format) : Sniff.decline("not " + format.name());
    }

    @Override
    public Reading open(ImageInput input) throws IOException {
        InputStream stream = input.openStream();
        ImageInputStream iis = new MemoryCacheImageInputStream(stream);
        return new IioReading(input, iis);
    }

    private ImageReader reader() throws IOException {
        Iterator<ImageReader> readers = Registry.readers(name);
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
                fallback = r;            // never webp-imageio here: this path is the pure-Java fallback for it
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

    /**
     * A reading by the ImageIO reader; for an opaque 8-bit RGB or grey PNG also a {@link PlanarReading}: the reader's
     * raster is turned into YCbCr 4:2:0 planes (averaged down to 1/{@code scale} as it goes), so the PNG takes the
     * planar resampler and encoder of a JPEG, which do a third of the ARGB path's work per pixel.
     */
    final class IioReading implements Reading, PlanarReading {
        private final ImageInput input;
        private final ImageInputStream iis;
        /** Made on first use ({@link #reader()}): a JPEG decoded by the planar decoder never needs one. */
        private ImageReader reader;
        private ContainerHeader header;
        private GifScreen screen;
        private ImageInfo info;
        /** A full decode made for {@link #planar} whose raster had another layout: {@link #decode} returns it. */
        private DecodedImage decodedForPlanes;

        IioReading(ImageInput input, ImageInputStream iis) {
            this.input = input;
            this.iis = iis;
        }

        private ImageReader reader() throws IOException {
            if (reader == null) {
                reader = ImageIoDecoder.this.reader();
                reader.setInput(iis, false, true);
            }
            return reader;
        }

        /** The embedded ICC profile's bytes (after {@link #info()}), or null. */
        @Override
        public byte[] icc() {
            return header == null ? null : header.icc();
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
            if (format == ImageFormat.GIF) {
                screen = GifScreen.read(iis);            // the logical screen is the image, and what the limit sees
            }
            int width = screen != null && screen.width() > 0 ? screen.width()
                    : header.width() > 0 ? header.width() : reader().getWidth(0);
            int height = screen != null && screen.height() > 0 ? screen.height()
                    : header.height() > 0 ? header.height() : reader().getHeight(0);
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
            alpha |= screen != null && !screen.frameCoversScreen();
            byte[] icc = header.icc();
            info = new ImageInfo(format, width, height, header.exif().orientation(),
                    colorModel != null ? colorModel : "RGB", bits > 0 ? bits : 8, alpha,
                    icc != null ? IccProfiles.description(icc) : null, header.exif().values());
            return info;
        }

        private ImageTypeSpecifier rawType() {
            try {
                ImageTypeSpecifier raw = reader().getRawImageType(0);
                if (raw == null) {
                    Iterator<ImageTypeSpecifier> types = reader().getImageTypes(0);
                    raw = types.hasNext() ? types.next() : null;
                }
                return raw;
            } catch (IOException | RuntimeException e) {
                return null;     // the type only refines the description; decoding reports real damage
            }
        }

        @Override
        public boolean planarSupported() {
            try {
                ImageInfo i = info();
                return format == ImageFormat.PNG && i.bitsPerSample() == 8 && !i.hasAlpha()
                        && ("RGB".equals(i.colorModel()) || "GRAY".equals(i.colorModel()));
            } catch (IOException | RuntimeException e) {
                return false;                  // decode() reports the damage in its words
            }
        }

        @Override
        public boolean planesOptional() {
            return true;
        }

        /** The reader's raster (held until the planes are made) and the planes. */
        @Override
        public long planarBytes(int scale) {
            long w = info.width();
            long h = info.height();
            boolean grey = "GRAY".equals(info.colorModel());
            long lw = (w + scale - 1) / scale;
            long lh = (h + scale - 1) / scale;
            return w * h * (grey ? 1 : 3) + lw * lh + (grey ? 0 : 2 * ((lw + 1) / 2) * ((lh + 1) / 2));
        }

        @Override
        public PlanarImage planar(int scale, java.util.concurrent.Executor executor)
                throws IOException, JpegUnsupportedException {
            DecodedImage decoded = decode(1);
            BufferedImage image = decoded.pixels();
            ColorModel cm = image.getColorModel();
            java.awt.image.Raster raster = image.getRaster();
            boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
            if (cm instanceof java.awt.image.ComponentColorModel && !cm.hasAlpha() && raster.getParent() == null
                    && (grey || cm.getColorSpace().isCS_sRGB())
                    && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte db && db.getNumBanks() == 1
                    && raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                    && sm.getNumBands() == (grey ? 1 : 3)) {
                return YCbCr.planes(db.getData(), db.getOffset(), sm.getPixelStride(), sm.getScanlineStride(),
                        sm.getBandOffsets(), image.getWidth(), image.getHeight(), scale);
            }
            decodedForPlanes = decoded;
            throw new JpegUnsupportedException("a " + format.id() + " raster of another layout: " + image);
        }

        @Override
        public DecodedImage decode(int subsampling) throws IOException {
            if (decodedForPlanes != null) {
                DecodedImage full = decodedForPlanes;     // already decoded in full for planar(): not twice
                decodedForPlanes = null;
                return full;
            }
            ImageInfo header = info();
            ImageReader reader = reader();
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
            ContainerHeader container = this.header;
            if (container.variant() != null && !container.variantRead()) {
                throw new UnsupportedFormatException(input.name() + " is a " + container.variant()
                        + ", a variant Galerly does not decode");
            }
            reader.addIIOReadProgressListener(new AbortPastDeadline(Deadline.current()));
            BufferedImage pixels;
            try {
                pixels = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                if (container.variant() != null) {
                    throw new UnsupportedFormatException(input.name() + " is a " + container.variant()
                            + ", which this JVM's decoder does not read (" + e.getMessage() + ")", e);
                }
                if (format == ImageFormat.TIFF && e.getMessage() != null && UNSUPPORTED_TIFF.matcher(e.getMessage())
                        .matches()) {
                    throw new UnsupportedFormatException(input.name() + " is a TIFF variant TwelveMonkeys does not "
                            + "read: " + e.getMessage(), e);
                }
                throw e;
            }
            Deadline.check("decoding");
            if (!damage.isEmpty()) {
                throw new CorruptImageException(input.name() + " is a damaged " + format.id() + " image: "
                        + damage.get(0).toLowerCase(Locale.ROOT));
            }
            if (format == ImageFormat.GIF) {
                requireGifTrailer();
                pixels = onScreen(pixels, subsampling);
            }
            return new DecodedImage(pixels, new Size(header.width(), header.height()), unappliedProfile(pixels));
        }

        /**
         * The first frame composited on the logical screen (transparent around it, as browsers show it), at the
         * subsampling it was decoded with.
         */
        private BufferedImage onScreen(BufferedImage frame, int subsampling) {
            if (screen == null || screen.frameCoversScreen()) {
                return frame;
            }
            int s = Math.max(1, subsampling);
            BufferedImage canvas = new BufferedImage((screen.width() + s - 1) / s, (screen.height() + s - 1) / s,
                    BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = canvas.createGraphics();
            try {
                g.setComposite(java.awt.AlphaComposite.Src);
                g.drawImage(frame, screen.frameX() / s, screen.frameY() / s, null);
            } finally {
                g.dispose();
            }
            return canvas;
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
            return readerAppliesIcc ? null : IccProfiles.unapplied(header.icc(), pixels);
        }

        @Override
        public void close() throws IOException {
            try {
                if (reader != null) {
                    reader.dispose();
                }
            } finally {
                iis.close();
            }
        }
    }
}
