/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.heif.internal.HeifLibrary;
import com.galerly.imaging.heif.internal.HeifReading;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * HEIC, HEIF and AVIF input for galerly-imaging through the system's libheif (1.9 or later, bound with JNA): the
 * primary image, with its {@code irot}/{@code imir} transforms applied by libheif and the EXIF orientation used only
 * when there are none (so a rotation is never applied twice), alpha, 10- and 12-bit images reduced to 8 bits, and the
 * colour profile converted to sRGB (an ICC profile by the engine, an nclx box by this plugin). The size is read from
 * the header first, so the processor's pixel limit applies before libheif allocates anything.
 *
 * <p>Found through {@code META-INF/services}. When libheif is missing the decoder stays installed but reports
 * itself unavailable, and HEIC input fails with {@code UNSUPPORTED_FORMAT} naming what to install. The library is
 * the system's {@code libheif}, or the one named by the {@code galerly.libheif} system property or the
 * {@code GALERLY_LIBHEIF} environment variable (a name or a path, e.g. {@code /opt/lib/libheif.so.1} from a Lambda
 * layer).
 *
 * <pre>{@code
 * HeifDecoder heif = new HeifDecoder();
 * heif.unavailableReason().ifPresent(System.err::println);    // "libheif is not installed (...). Install ..."
 * ImageProcessor processor = GalerlyImaging.builder()
 *     .decoder(HeifDecoder.withLibrary("/opt/lib/libheif.so.1"))   // or rely on discovery of new HeifDecoder()
 *     .build();
 * ProcessedImage out = processor.process(ImageSource.of(Path.of("IMG_0001.HEIC")), RenditionProfile.standard());
 * }</pre>
 */
public final class HeifDecoder implements ImageDecoder {
    private final String libraryName;
    private volatile HeifLibrary library;

    /** A decoder on the system's libheif (or the one {@code galerly.libheif} names), bound on first use. */
    public HeifDecoder() {
        this(HeifLibrary.systemName());
    }

    private HeifDecoder(String libraryName) {
        this.libraryName = libraryName;
    }

    /** A decoder on the libheif found under {@code nameOrPath}: {@code "heif"}, or a path to the shared library. */
    public static HeifDecoder withLibrary(String nameOrPath) {
        Objects.requireNonNull(nameOrPath, "nameOrPath must not be null");
        if (nameOrPath.isBlank()) {
            throw new IllegalArgumentException("nameOrPath must not be blank, was '" + nameOrPath + "'");
        }
        return new HeifDecoder(nameOrPath);
    }

    /**
     * libheif, bound (through JNA) the first time a HEIF or AVIF file is sniffed or opened, so that a process which
     * never reads one never loads JNA or the native library.
     */
    private HeifLibrary library() {
        HeifLibrary bound = library;
        if (bound == null) {
            bound = HeifLibrary.load(libraryName);           // memoised per name
            library = bound;
        }
        return bound;
    }

    /** The libheif version in use ({@code "1.15.1"}), or empty when libheif is unavailable. */
    public Optional<String> libraryVersion() {
        return library().available() ? Optional.ofNullable(library().version()) : Optional.empty();
    }

    /** Whether AVIF can be read too (libheif built with an AV1 decoder). */
    public boolean readsAvif() {
        return library().readsAvif();
    }

    @Override
    public String name() {
        return "heif";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(library().reason());
    }

    /** HEIC/HEIF and AVIF files, picked from directories even where libheif is missing (they are then refused). */
    @Override
    public java.util.Set<String> fileExtensions() {
        return java.util.Set.of("heic", "heif", "hif", "avif");
    }

    @Override
    public Sniff sniff(byte[] head) {
        ImageFormat format = format(head);
        if (format == null) {
            return Sniff.decline("not HEIF or AVIF");
        }
        if (format == ImageFormat.AVIF && !library().readsAvif()) {
            return Sniff.decline("libheif " + library().version() + " has no AV1 decoder for AVIF");
        }
        return Sniff.accept(format);
    }

    /** HEIF or AVIF by the {@code ftyp} brands, as {@link ImageFormat#sniff} reads them; null otherwise. */
    private static ImageFormat format(byte[] head) {
        return ImageFormat.sniff(head, head.length).filter(f -> f == ImageFormat.HEIF || f == ImageFormat.AVIF)
                .orElse(null);
    }

    @Override
    public Reading open(ImageInput input) throws IOException {
        HeifLibrary lib = library();
        if (!lib.available()) {
            throw new IllegalStateException("heif decoder opened although unavailable: " + lib.reason());
        }
        ImageFormat format = format(input.head());
        return HeifReading.open(lib, input, format != null ? format : ImageFormat.HEIF);
    }

    @Override
    public String toString() {
        return "HeifDecoder[" + (library().available() ? "libheif " + library().version() : library().reason()) + "]";
    }
}
