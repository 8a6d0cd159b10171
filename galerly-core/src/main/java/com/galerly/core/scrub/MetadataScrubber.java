/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scrub;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.internal.scrub.JpegScrub;
import com.galerly.core.internal.scrub.PngScrub;
import com.galerly.core.internal.scrub.WebpScrub;
import com.galerly.core.spi.Checks;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Removes private metadata from an original <em>without re-encoding it</em>: only metadata containers are
 * dropped or rewritten, the compressed image data is copied byte for byte.
 *
 * <ul>
 *   <li>JPEG: EXIF is reduced to Orientation (plus Artist/Copyright when kept): GPS, maker notes, serial numbers,
 *       the thumbnail go; XMP, IPTC/Photoshop (APP13), comments, APP3..APP12/APP15 and the MPF index go; JFIF,
 *       ICC profile and Adobe (colour transform) stay; anything after EOI (appended files) goes.</li>
 *   <li>PNG: tEXt/zTXt/iTXt go (except Author/Copyright when kept), eXIf is reduced like JPEG's EXIF; anything
 *       after IEND goes.</li>
 *   <li>WebP: XMP goes, EXIF is reduced; the VP8X flags and the RIFF size follow.</li>
 *   <li>Other formats (HEIC/AVIF, TIFF, camera RAW, GIF, BMP) are returned unchanged with
 *       {@link ScrubResult#cleaned()} false: HEIC and RAW originals keep their metadata (renditions never carry
 *       any).</li>
 * </ul>
 *
 * <pre>{@code
 * MetadataScrubber scrubber = MetadataScrubber.builder().keep(KeptTag.COPYRIGHT, KeptTag.ARTIST).build();
 * ScrubResult clean = scrubber.scrub(bytes, ImageFormat.JPEG);
 * }</pre>
 */
public final class MetadataScrubber {
    private static final MetadataScrubber STANDARD = builder().build();

    private final Set<KeptTag> keep;

    private MetadataScrubber(Set<KeptTag> keep) {
        this.keep = Set.copyOf(keep);
    }

    /** Keeps orientation only. */
    public static MetadataScrubber standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What is kept besides orientation. */
    public Set<KeptTag> keep() {
        return keep;
    }

    /**
     * Cleans {@code bytes} of the given (sniffed) format. Malformed containers are cut where they stop making
     * sense; the result is never larger than the input plus a few bytes.
     */
    public ScrubResult scrub(byte[] bytes, ImageFormat format) {
        Checks.notNull(bytes, "bytes");
        Checks.notNull(format, "format");
        return switch (format) {
            case JPEG -> JpegScrub.scrub(bytes, keep);
            case PNG -> PngScrub.scrub(bytes, keep);
            case WEBP -> WebpScrub.scrub(bytes, keep);
            default -> new ScrubResult(bytes, List.of(), false);
        };
    }

    @Override
    public String toString() {
        return "MetadataScrubber[keep orientation" + (keep.isEmpty() ? "" : ", " + keep) + "]";
    }

    /** Builds a {@link MetadataScrubber}. */
    public static final class Builder {
        private final Set<KeptTag> keep = EnumSet.noneOf(KeptTag.class);

        private Builder() {
        }

        /** Also keeps these (orientation is always kept). */
        public Builder keep(KeptTag... tags) {
            for (KeptTag tag : tags) {
                keep.add(Checks.notNull(tag, "tag"));
            }
            return this;
        }

        public MetadataScrubber build() {
            return new MetadataScrubber(keep);
        }
    }
}
