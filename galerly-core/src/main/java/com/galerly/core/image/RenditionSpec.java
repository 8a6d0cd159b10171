/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.KeyLayout;
import com.galerly.core.spi.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One rendition of a photo: a name, a box, how to fit the box, and the output format and quality.
 *
 * <pre>{@code
 * RenditionSpec large = RenditionSpec.builder()
 *     .name("large").box(4000, 4000).fit(Fit.INSIDE).format(ImageFormat.JPEG).quality(85)
 *     .build();
 * ResizePlan plan = large.plan(Size.of(6000, 4000));   // crop 6000x4000 -> output 4000x2667
 * }</pre>
 *
 * <p>Geometry, never upscaling: INSIDE uses {@code scale = min(1, boxW/w, boxH/h)} and
 * {@code out = max(1, round(dim * scale))} (rounded exactly, half up); COVER scales by
 * {@code max(boxW/w, boxH/h)} and crops the overflow centred, and when the source is smaller than the box
 * it keeps the box's aspect ratio at the largest size the source allows (a 1:1 box gives a square of side
 * {@code min(box, w, h)}) without scaling.
 */
public final class RenditionSpec {
    /** Largest box side accepted. */
    public static final int MAX_SIDE = 32_768;
    /**
     * The formats a browser displays, the only ones a rendition may ask for (unmodifiable). Which of them a
     * processor writes depends on its encoders: galerly-imaging's own write JPEG and WebP, a plugin adds others; a
     * profile naming a format no encoder writes is refused when the processor is built (CONFIGURATION, naming the
     * encoders tried).
     */
    public static final Set<ImageFormat> WEB_FORMATS = Collections.unmodifiableSet(EnumSet.of(ImageFormat.JPEG,
            ImageFormat.WEBP, ImageFormat.PNG, ImageFormat.AVIF));

    private final String name;
    private final int width;
    private final int height;
    private final Fit fit;
    private final ImageFormat format;
    private final int quality;

    private RenditionSpec(Builder b) {
        this.name = b.name;
        this.width = b.width;
        this.height = b.height;
        this.fit = b.fit;
        this.format = b.format;
        this.quality = b.quality;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RenditionSpec of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        return new Builder().name(name).box(width, height).fit(fit).format(format).quality(quality);
    }

    public String name() {
        return name;
    }

    /** Box width. */
    public int width() {
        return width;
    }

    /** Box height. */
    public int height() {
        return height;
    }

    public Fit fit() {
        return fit;
    }

    public ImageFormat format() {
        return format;
    }

    /** Encoder quality 1..100. */
    public int quality() {
        return quality;
    }

    /** What this rendition takes from an oriented source of that size, and its output size. */
    public ResizePlan plan(Size source) {
        return fit == Fit.INSIDE ? inside(source) : cover(source);
    }

    private ResizePlan inside(Size source) {
        long w = source.width();
        long h = source.height();
        Size out;
        if (width >= w && height >= h) {
            out = source;
        } else if (width * h <= height * w) {          // width binds: scale = width / w
            out = new Size(width, atLeastOne(roundDiv(h * width, w)));
        } else {                                        // height binds: scale = height / h
            out = new Size(atLeastOne(roundDiv(w * height, h)), height);
        }
        return new ResizePlan(source, new Region(0, 0, source.width(), source.height()), out);
    }

    private ResizePlan cover(Size source) {
        long w = source.width();
        long h = source.height();
        int cropW;
        int cropH;
        Size out;
        if (width <= w && height <= h) {
            out = new Size(width, height);
            if (width * h >= height * w) {               // width binds: use the full width
                cropW = source.width();
                cropH = clamp(roundDiv(height * w, width), source.height());
            } else {
                cropH = source.height();
                cropW = clamp(roundDiv(width * h, height), source.width());
            }
        } else {
            // The source is smaller than the box on some side: keep the box's aspect ratio at the largest
            // size that fits in the source, and crop it without scaling.
            if (w * height <= h * width) {
                out = new Size(source.width(), clamp(roundDiv(height * w, width), source.height()));
            } else {
                out = new Size(clamp(roundDiv(width * h, height), source.width()), source.height());
            }
            cropW = out.width();
            cropH = out.height();
        }
        Region crop = new Region((source.width() - cropW) / 2, (source.height() - cropH) / 2, cropW, cropH);
        return new ResizePlan(source, crop, out);
    }

    private static long roundDiv(long numerator, long denominator) {
        return (2 * numerator + denominator) / (2 * denominator);
    }

    private static int atLeastOne(long value) {
        return (int) Math.max(1, value);
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(1, Math.min(max, value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenditionSpec s && name.equals(s.name) && width == s.width && height == s.height
                && fit == s.fit && format == s.format && quality == s.quality;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, width, height, fit, format, quality);
    }

    @Override
    public String toString() {
        return name + " " + width + "x" + height + " " + fit + " " + format.id() + " q" + quality;
    }

    /** Builds a {@link RenditionSpec}; each setting is checked as it is set. Defaults: INSIDE, JPEG, quality 85. */
    public static final class Builder {
        private String name;
        private int width;
        private int height;
        private Fit fit = Fit.INSIDE;
        private ImageFormat format = ImageFormat.JPEG;
        private int quality = 85;

        private Builder() {
        }

        /** The name used in keys and manifests: 1..32 of a-z 0-9 -. */
        public Builder name(String name) {
            if (!KeyLayout.isValidRenditionName(name)) {
                throw new IllegalArgumentException(
                        "name must be 1..32 characters of a-z 0-9 -, starting with a letter or digit, was "
                                + Checks.quote(name));
            }
            this.name = name;
            return this;
        }

        /** The box, each side 1..32768. */
        public Builder box(int width, int height) {
            this.width = Checks.inRange(width, 1, MAX_SIDE, "box width");
            this.height = Checks.inRange(height, 1, MAX_SIDE, "box height");
            return this;
        }

        public Builder fit(Fit fit) {
            this.fit = Checks.notNull(fit, "fit");
            return this;
        }

        /** One of {@link #WEB_FORMATS}; the processor must have an encoder for it. */
        public Builder format(ImageFormat format) {
            Checks.notNull(format, "format");
            if (!WEB_FORMATS.contains(format)) {
                throw new IllegalArgumentException("format must be one of " + WEB_FORMATS + ", was " + format);
            }
            this.format = format;
            return this;
        }

        /** Encoder quality 1..100. */
        public Builder quality(int quality) {
            this.quality = Checks.inRange(quality, 1, 100, "quality");
            return this;
        }

        public RenditionSpec build() {
            if (name == null) {
                throw new IllegalStateException("name is required");
            }
            if (width == 0) {
                throw new IllegalStateException("box is required for rendition " + name);
            }
            return new RenditionSpec(this);
        }
    }
}
