/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import com.galerly.core.CorruptImageException;
import com.galerly.core.LimitExceededException;
import com.galerly.core.UnsupportedFormatException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ExifTags;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One HEIF/AVIF image read through libheif: the primary image's size after its transforms, its depth, alpha, colour
 * profile and EXIF from the header; then the pixels, decoded by libheif with its {@code irot}/{@code imir}/{@code clap}
 * transforms applied, to 8-bit RGB(A), converted to sRGB when an nclx box names other primaries or an HDR transfer
 * (an ICC profile is handed to the engine, which converts it like any other).
 */
public final class HeifReading implements ImageDecoder.Reading {
    private static final int MAX_PROFILE = 4 * 1024 * 1024;
    private static final int MAX_EXIF = 1024 * 1024;

    private final LibHeif lib;
    private final String version;
    private final ImageInput input;
    private final ImageFormat format;
    private Pointer context;
    private Pointer handle;
    private Memory memory;
    private boolean transformed;
    private ImageInfo info;
    private ICC_Profile profile;
    private NclxColour nclx;

    private HeifReading(HeifLibrary library, ImageInput input, ImageFormat format) {
        this.lib = library.lib();
        this.version = library.version();
        this.input = input;
        this.format = format;
    }

    /** Parses the container (not the pixels) of {@code input}; the caller closes the reading. */
    public static HeifReading open(HeifLibrary library, ImageInput input, ImageFormat format) throws IOException {
        HeifReading reading = new HeifReading(library, input, format);
        try {
            reading.read();
            return reading;
        } catch (IOException | RuntimeException | Error e) {
            reading.close();
            throw e;
        }
    }

    private void read() throws IOException {
        context = lib.heif_context_alloc();
        if (context == null) {
            throw new IOException("libheif could not allocate a context");
        }
        limit(lib, context, input.maxPixels());
        if (input.path().isPresent()) {
            Path path = input.path().get();
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                HeifBoxes.Reader file = (at, n) -> {
                    ByteBuffer b = ByteBuffer.allocate((int) Math.max(0, Math.min(n, channel.size() - at)));
                    while (b.hasRemaining() && channel.read(b, at + b.position()) > 0) {
                        // positional reads until full or at the end
                    }
                    return java.util.Arrays.copyOf(b.array(), b.position());
                };
                requireCodedSize(file);
                check(lib.heif_context_read_from_file(context, path.toString(), null), "reading");
                transformed = HeifBoxes.primaryIsTransformed(file);
            }
        } else {
            memory = load(input);
            HeifBoxes.Reader file = (at, n) ->
                    at >= memory.size() ? new byte[0] : memory.getByteArray(at, (int) Math.min(n, memory.size() - at));
            requireCodedSize(file);
            check(lib.heif_context_read_from_memory_without_copy(context, memory, memory.size(), null), "reading");
            transformed = HeifBoxes.primaryIsTransformed(file);
        }
        PointerByReference primary = new PointerByReference();
        check(lib.heif_context_get_primary_image_handle(context, primary), "finding the primary image of");
        handle = primary.getValue();
    }

    /** Refuses, before libheif parses or decodes anything, a bitstream that codes more than the container declares. */
    private void requireCodedSize(HeifBoxes.Reader file) throws IOException {
        String mismatch = HeifBoxes.codedSizeMismatch(file);
        if (mismatch != null) {
            throw new CorruptImageException(input.name() + " is a malformed " + format.id() + " image: " + mismatch);
        }
    }

    /**
     * libheif's own limit on the image size (width x height, checked on the container): a backstop at four times the
     * engine's {@code maxPixels}, so the engine's own check, with its clearer message, refuses first (and
     * {@code inspect} still reads an oversized header); skipped when the installed libheif lacks the call.
     */
    private static void limit(LibHeif lib, Pointer context, long maxPixels) {
        if (maxPixels <= 0 || maxPixels == Long.MAX_VALUE) {
            return;
        }
        int side = (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(Math.sqrt(4.0 * maxPixels)));
        try {
            lib.heif_context_set_maximum_image_size_limit(context, side);
        } catch (UnsatisfiedLinkError e) {
            // libheif before 1.4: only the Java checks apply
        }
    }

    /** The whole input in native memory (the engine's byte limit applies while it is read). */
    private static Memory load(ImageInput input) throws IOException {
        try (InputStream in = input.openStream()) {
            long length = input.length();
            byte[] chunk = new byte[64 * 1024];
            if (length > 0 && length <= Integer.MAX_VALUE) {
                Memory m = new Memory(length);
                long at = 0;
                int n;
                while (at < length && (n = in.read(chunk, 0, (int) Math.min(chunk.length, length - at))) > 0) {
                    m.write(at, chunk, 0, n);
                    at += n;
                }
                if (at < length) {
                    throw new java.io.EOFException(input.name() + " ended after " + at + " of " + length + " bytes");
                }
                return m;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            if (all.size() == 0) {
                throw new java.io.EOFException(input.name() + " is empty");
            }
            byte[] bytes = all.toByteArray();
            Memory m = new Memory(bytes.length);
            m.write(0, bytes, 0, bytes.length);
            return m;
        }
    }

    @Override
    public ImageInfo info() throws IOException {
        if (info != null) {
            return info;
        }
        int width = lib.heif_image_handle_get_width(handle);
        int height = lib.heif_image_handle_get_height(handle);
        if (width <= 0 || height <= 0) {
            throw new CorruptImageException(input.name() + " is a malformed " + format.id() + " image: its primary "
                    + "image is " + width + "x" + height);
        }
        boolean alpha = lib.heif_image_handle_has_alpha_channel(handle) != 0;
        int bits = lib.heif_image_handle_get_luma_bits_per_pixel(handle);
        String description = colourProfile();
        ExifTags exif = exif();
        int orientation = transformed ? 1 : exif.orientation();     // irot/imir are applied by libheif: not twice
        info = new ImageInfo(format, width, height, orientation, "RGB", bits > 0 ? bits : 8, alpha, description,
                exif.values());
        return info;
    }

    private String colourProfile() {
        int type = lib.heif_image_handle_get_color_profile_type(handle);
        if (type == LibHeif.PROFILE_PROF || type == LibHeif.PROFILE_RICC) {
            long size = lib.heif_image_handle_get_raw_color_profile_size(handle);
            if (size < 132 || size > MAX_PROFILE) {
                return null;
            }
            try (Memory m = new Memory(size)) {
                if (lib.heif_image_handle_get_raw_color_profile(handle, m).code != 0) {
                    return null;
                }
                byte[] icc = m.getByteArray(0, (int) size);
                String description = GalerlyImaging.iccProfileDescription(icc);
                if (!description.toLowerCase(Locale.ROOT).startsWith("srgb")) {
                    try {
                        profile = ICC_Profile.getInstance(icc);
                    } catch (IllegalArgumentException e) {
                        profile = null;             // a broken profile: render as sRGB rather than fail the photo
                    }
                }
                return description;
            }
        }
        PointerByReference out = new PointerByReference();
        if (lib.heif_image_handle_get_nclx_color_profile(handle, out).code != 0 || out.getValue() == null) {
            return null;
        }
        try {
            LibHeif.Nclx n = new LibHeif.Nclx(out.getValue());
            nclx = NclxColour.of(n.colorPrimaries, n.transferCharacteristics);
            return NclxColour.describe(n.colorPrimaries, n.transferCharacteristics);
        } finally {
            lib.heif_nclx_color_profile_free(out.getValue());
        }
    }

    /** The first EXIF block: 4 bytes giving the offset of the TIFF header, then the TIFF structure. */
    private ExifTags exif() {
        int count = lib.heif_image_handle_get_number_of_metadata_blocks(handle, "Exif");
        if (count <= 0) {
            return ExifTags.NONE;
        }
        int[] ids = new int[1];
        if (lib.heif_image_handle_get_list_of_metadata_block_IDs(handle, "Exif", ids, 1) < 1) {
            return ExifTags.NONE;
        }
        long size = lib.heif_image_handle_get_metadata_size(handle, ids[0]);
        if (size < 12 || size > MAX_EXIF) {
            return ExifTags.NONE;
        }
        try (Memory m = new Memory(size)) {
            if (lib.heif_image_handle_get_metadata(handle, ids[0], m).code != 0) {
                return ExifTags.NONE;
            }
            byte[] block = m.getByteArray(0, (int) size);
            long skip = 4 + ((block[0] & 0xFFL) << 24 | (block[1] & 0xFF) << 16 | (block[2] & 0xFF) << 8 | block[3] & 0xFF);
            if (skip >= block.length) {
                return ExifTags.NONE;
            }
            return ExifTags.read(block, (int) skip, block.length - (int) skip);
        }
    }

    @Override
    public DecodedImage decode(int subsampling) throws IOException {
        ImageInfo header = info();
        boolean alpha = header.hasAlpha();
        boolean deep = nclx != null && header.bitsPerSample() > 8;
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        int chroma = deep
                ? alpha ? little ? LibHeif.CHROMA_INTERLEAVED_RRGGBBAA_LE : LibHeif.CHROMA_INTERLEAVED_RRGGBBAA_BE
                        : little ? LibHeif.CHROMA_INTERLEAVED_RRGGBB_LE : LibHeif.CHROMA_INTERLEAVED_RRGGBB_BE
                : alpha ? LibHeif.CHROMA_INTERLEAVED_RGBA : LibHeif.CHROMA_INTERLEAVED_RGB;
        PointerByReference out = new PointerByReference();
        check(lib.heif_decode_image(handle, out, LibHeif.COLORSPACE_RGB, chroma, null), "decoding");
        Pointer image = out.getValue();
        try {
            return pixels(image, header, alpha, deep);
        } finally {
            lib.heif_image_release(image);
        }
    }

    private DecodedImage pixels(Pointer image, ImageInfo header, boolean alpha, boolean deep) throws IOException {
        IntByReference stride = new IntByReference();
        Pointer plane = lib.heif_image_get_plane_readonly(image, LibHeif.CHANNEL_INTERLEAVED, stride);
        int w = lib.heif_image_get_width(image, LibHeif.CHANNEL_INTERLEAVED);
        int h = lib.heif_image_get_height(image, LibHeif.CHANNEL_INTERLEAVED);
        int channels = alpha ? 4 : 3;
        int bytesPerSample = deep ? 2 : 1;
        if (plane == null || w != header.width() || h != header.height()
                || stride.getValue() < w * channels * bytesPerSample) {
            throw new CorruptImageException(input.name() + " is a malformed " + format.id() + " image: libheif decoded "
                    + w + "x" + h + " where the header says " + header.width() + "x" + header.height());
        }
        boolean premultiplied = alpha && lib.heif_image_is_premultiplied_alpha(image) != 0;
        int row = w * channels;
        byte[] data = new byte[Math.multiplyExact(row, h)];
        if (deep) {
            short[] samples = new short[row];
            int[] values = new int[row];
            int max = (1 << header.bitsPerSample()) - 1;
            for (int y = 0; y < h; y++) {
                plane.read((long) y * stride.getValue(), samples, 0, row);
                for (int i = 0; i < row; i++) {
                    values[i] = Math.min(samples[i] & 0xFFFF, max);
                }
                nclx.convert(values, w, channels, max, data, y * row);
            }
        } else {
            for (int y = 0; y < h; y++) {
                plane.read((long) y * stride.getValue(), data, y * row, row);
            }
            if (nclx != null) {
                int[] values = new int[row];
                for (int y = 0; y < h; y++) {
                    for (int i = 0; i < row; i++) {
                        values[i] = data[y * row + i] & 0xFF;
                    }
                    nclx.convert(values, w, channels, 255, data, y * row);
                }
            }
        }
        int[] bands = alpha ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2};
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length), w, h, row,
                channels, bands, null);
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha,
                premultiplied, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new DecodedImage(new BufferedImage(cm, raster, premultiplied, null), new Size(w, h), profile);
    }

    private void check(LibHeif.HeifError error, String what) {
        if (error.code == 0) {
            return;
        }
        String message = input.name() + ": libheif " + version + " failed " + what + " it: " + error.message;
        switch (error.code) {
            case 3, 4 -> throw new UnsupportedFormatException(input.name() + " uses a " + format.id()
                    + " feature libheif " + version + " does not read: " + error.message);
            case 6 -> throw new LimitExceededException(message + " (libheif's memory or security limit)");
            default -> throw new CorruptImageException(input.name() + " is a malformed " + format.id()
                    + " image: libheif: " + error.message);
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.heif_image_handle_release(handle);
            handle = null;
        }
        if (context != null) {
            lib.heif_context_free(context);
            context = null;
        }
        if (memory != null) {
            memory.close();
            memory = null;
        }
    }
}
