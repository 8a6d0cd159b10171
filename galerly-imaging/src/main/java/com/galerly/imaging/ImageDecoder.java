/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.ImageInfo;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Service-provider interface for one input format family. The engine shows every installed decoder the first
 * bytes of an input ({@link #sniff}), in priority order, and opens a {@link Reading} with the first that accepts.
 * A plugin jar lists its implementation in {@code META-INF/services/com.galerly.imaging.ImageDecoder}; the
 * built-in decoders (JPEG, PNG, GIF, BMP, TIFF, WebP) come with galerly-imaging.
 *
 * <p>Implementations are thread-safe (one instance serves concurrent calls); a {@link Reading} serves one
 * image on one thread. Throw {@link IOException} (or an unchecked exception) for malformed content: the engine
 * reports it as {@code CORRUPT_IMAGE}; a {@link com.galerly.core.GalerlyException} passes through unchanged.
 *
 * {@snippet :
 * public final class HeifDecoder implements ImageDecoder {
 *     public String name() { return "heif"; }
 *     public Sniff sniff(byte[] head) {
 *         return Boxes.isHeif(head) ? Sniff.accept(ImageFormat.HEIF) : Sniff.decline("not HEIF");
 *     }
 *     public Reading open(ImageInput input) throws IOException { return new HeifReading(input); }
 * }
 * }
 */
public interface ImageDecoder {
    /** How many leading bytes {@link #sniff} is shown (fewer when the input is shorter). */
    int SNIFF_LENGTH = 64;

    /** A short name for messages ({@code "jpeg"}, {@code "heif"}). */
    String name();

    /** Higher is asked first; the built-in decoders have priority 0. */
    default int priority() {
        return 0;
    }

    /** Why this decoder cannot work here (a native library missing...), or empty when it can. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * File extensions (lower case, without the dot) under which files this decoder reads are usually stored. Only
     * used to pick files out of directories ({@code galerly render DIR}); decoding always sniffs the content. Empty
     * by default: a plugin that lists none is still asked for every file given by name.
     */
    default java.util.Set<String> fileExtensions() {
        return java.util.Set.of();
    }

    /** Decides from the first bytes alone; never trusts a file name or content type. */
    Sniff sniff(byte[] head);

    /** Starts reading one accepted input. */
    Reading open(ImageInput input) throws IOException;

    /** One image being read: the header first, then (if the engine accepts its limits) the pixels. */
    interface Reading extends Closeable {
        /** Reads the header only; must not allocate anything proportional to the pixel count. */
        ImageInfo info() throws IOException;

        /**
         * Decodes the pixels, keeping every {@code subsampling}-th pixel in each direction when the codec can
         * do so cheaply (1 = full size). The engine asks for more than 1 only with enough headroom that the
         * nearest-neighbour subsampling of most codecs cannot alias into its output. A decoder may ignore it.
         */
        DecodedImage decode(int subsampling) throws IOException;

        @Override
        void close() throws IOException;
    }
}
