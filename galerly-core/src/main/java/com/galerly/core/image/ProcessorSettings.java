/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.util.function.Consumer;

/**
 * Limits and options every {@link ImageProcessor} honours.
 *
 * <pre>{@code
 * ProcessorSettings settings = ProcessorSettings.builder()
 *     .maxMegapixels(100)               // refuse larger headers before decoding
 *     .maxBytes(200L * 1024 * 1024)     // and larger files
 *     .jpegBackground(0xFFFFFF)         // alpha flattened on white for JPEG
 *     .build();
 * ImageProcessor processor = ImageProcessors.load(settings);
 * }</pre>
 */
public final class ProcessorSettings {
    /** 200 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;
    /** 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    /** 60 seconds per photo. */
    public static final java.time.Duration DEFAULT_TIME_LIMIT = java.time.Duration.ofSeconds(60);

    private static final ProcessorSettings DEFAULTS = builder().build();

    private final long maxPixels;
    private final long maxBytes;
    private final int jpegBackground;
    private final boolean keepCopyright;
    private final boolean progressiveJpeg;
    private final int threads;
    private final java.time.Duration timeLimit;

    private ProcessorSettings(Builder b) {
        this.maxPixels = b.maxPixels;
        this.maxBytes = b.maxBytes;
        this.jpegBackground = b.jpegBackground;
        this.keepCopyright = b.keepCopyright;
        this.progressiveJpeg = b.progressiveJpeg;
        this.threads = b.threads;
        this.timeLimit = b.timeLimit;
    }

    public static ProcessorSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ProcessorSettings of(Consumer<Builder> settings) {
        Builder b = builder();
        settings.accept(b);
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder().maxPixels(maxPixels).maxBytes(maxBytes).jpegBackground(jpegBackground)
                .keepCopyright(keepCopyright).progressiveJpeg(progressiveJpeg).threads(threads).timeLimit(timeLimit);
    }

    /** Largest width x height accepted, checked from the header before decoding. */
    public long maxPixels() {
        return maxPixels;
    }

    /** Largest input accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** RGB (0xRRGGBB) that transparent pixels are flattened onto for formats without alpha. */
    public int jpegBackground() {
        return jpegBackground;
    }

    /** Whether renditions keep copyright and artist (all other metadata is always stripped). */
    public boolean keepCopyright() {
        return keepCopyright;
    }

    public boolean progressiveJpeg() {
        return progressiveJpeg;
    }

    /** Threads one call may use for a single photo (resize strips, parallel encodes). */
    public int threads() {
        return threads;
    }

    /**
     * The longest one photo may take: decoders, resamplers and encoders check it between rows, scans and
     * renditions, and a photo past it fails {@code LIMIT_EXCEEDED}. A caller with a tighter deadline (a Lambda
     * invocation's remaining time) passes it to {@link ImageProcessor#process(ImageSource, RenditionProfile,
     * java.time.Instant)}; the earlier of the two applies.
     */
    public java.time.Duration timeLimit() {
        return timeLimit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessorSettings s && maxPixels == s.maxPixels && maxBytes == s.maxBytes
                && jpegBackground == s.jpegBackground && keepCopyright == s.keepCopyright
                && progressiveJpeg == s.progressiveJpeg && threads == s.threads
                && timeLimit.equals(s.timeLimit);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxPixels, maxBytes, jpegBackground, keepCopyright, progressiveJpeg, threads, timeLimit);
    }

    @Override
    public String toString() {
        return "ProcessorSettings[maxPixels=" + maxPixels + ", maxBytes=" + maxBytes + ", jpegBackground="
                + String.format("#%06x", jpegBackground) + ", keepCopyright=" + keepCopyright
                + ", progressiveJpeg=" + progressiveJpeg + ", threads=" + threads + ", timeLimit=" + timeLimit + "]";
    }

    /** Builds {@link ProcessorSettings}; each setting is checked as it is set. */
    public static final class Builder {
        private long maxPixels = DEFAULT_MAX_PIXELS;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private int jpegBackground = 0xFFFFFF;
        private boolean keepCopyright;
        private boolean progressiveJpeg;
        private int threads = 1;
        private java.time.Duration timeLimit = DEFAULT_TIME_LIMIT;

        private Builder() {
        }

        public Builder maxPixels(long maxPixels) {
            this.maxPixels = Checks.positive(maxPixels, "maxPixels");
            return this;
        }

        /** {@link #maxPixels(long)} in millions; fractions allowed. */
        public Builder maxMegapixels(double megapixels) {
            if (!(megapixels > 0) || megapixels > 1_000_000) {
                throw new IllegalArgumentException("maxMegapixels must be > 0 and <= 1000000, was " + megapixels);
            }
            this.maxPixels = Math.max(1, (long) (megapixels * 1_000_000d));
            return this;
        }

        public Builder maxBytes(long maxBytes) {
            this.maxBytes = Checks.positive(maxBytes, "maxBytes");
            return this;
        }

        public Builder jpegBackground(int rgb) {
            this.jpegBackground = Checks.inRange(rgb, 0, 0xFFFFFF, "jpegBackground");
            return this;
        }

        public Builder keepCopyright(boolean keepCopyright) {
            this.keepCopyright = keepCopyright;
            return this;
        }

        public Builder progressiveJpeg(boolean progressiveJpeg) {
            this.progressiveJpeg = progressiveJpeg;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = Checks.inRange(threads, 1, 256, "threads");
            return this;
        }

        /** Longest one photo may take, 10 milliseconds..1 hour; default {@link #DEFAULT_TIME_LIMIT}. */
        public Builder timeLimit(java.time.Duration timeLimit) {
            this.timeLimit = Checks.within(timeLimit, java.time.Duration.ofMillis(10), java.time.Duration.ofHours(1),
                    "timeLimit");
            return this;
        }

        public ProcessorSettings build() {
            return new ProcessorSettings(this);
        }
    }
}
