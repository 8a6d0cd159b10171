/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.spi.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A photo as a user sees it: what it is (id, status, file name, type, size, dimensions, placeholder, why it failed)
 * and the URLs of its renditions (signed when the gallery is private; empty until the photo is ACTIVE), without the
 * worker's bookkeeping ({@link Photo}'s version, lease, event sequencer, ETag, digest, expiry). {@link #sources()}
 * and {@link #srcset(String)} give each rendition's URL with its width, height and format, what a
 * {@code <picture>}/{@code srcset} needs.
 *
 * <p>A class with accessors, not a record, so that a field added to the view breaks no caller.
 *
 * <pre>{@code
 * for (PhotoView photo : gallery.list(caller, galleryId, PageRequest.first(50)).photos()) {
 *     html.img(photo.id().value(), photo.srcset("image/webp"), photo.width(), photo.height(), photo.placeholder().orElse(null));
 * }
 * }</pre>
 */
public final class PhotoView {
    private final Photo photo;
    private final Map<String, String> urls;

    /**
     * The view of {@code photo} with the URLs of its renditions (rendition name -> URL, in profile order); made by
     * {@link GalleryService}, and by tests and fakes that stand in for it.
     */
    public PhotoView(Photo photo, Map<String, String> urls) {
        this.photo = Checks.notNull(photo, "photo");
        this.urls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Checks.notNull(urls, "urls")));
    }

    /** The photo's gallery and id. */
    public PhotoKey key() {
        return photo.key();
    }

    public GalleryId gallery() {
        return photo.gallery();
    }

    public PhotoId id() {
        return photo.id();
    }

    /** Where the photo is in its life: PENDING until uploaded and confirmed, ACTIVE once its renditions exist. */
    public PhotoStatus status() {
        return photo.status();
    }

    /** Who uploaded it (an application's user id), if recorded. */
    public Optional<String> owner() {
        return Optional.ofNullable(photo.owner());
    }

    /** The uploader's file name, sanitised, if given. */
    public Optional<String> fileName() {
        return Optional.ofNullable(photo.fileName());
    }

    /** The original's content type, once known. */
    public Optional<String> contentType() {
        return Optional.ofNullable(photo.contentType());
    }

    /** The original's size in bytes, 0 while unknown. */
    public long size() {
        return photo.size();
    }

    /** Oriented pixel width of the original, 0 while unknown. */
    public int width() {
        return photo.width();
    }

    /** Oriented pixel height of the original, 0 while unknown. */
    public int height() {
        return photo.height();
    }

    /** When the upload was requested or first seen. */
    public Instant uploadedAt() {
        return photo.uploadedAt();
    }

    /** When it last turned ACTIVE or FAILED, if it did. */
    public Optional<Instant> processedAt() {
        return Optional.ofNullable(photo.processedAt());
    }

    /** A BlurHash to show while the image loads, if computed. */
    public Optional<String> placeholder() {
        return Optional.ofNullable(photo.placeholder());
    }

    /** Why it FAILED or was REJECTED, if it did. */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(photo.errorCode());
    }

    /** A human-readable reason for FAILED or REJECTED, if it did. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(photo.errorMessage());
    }

    /** Rendition name -> URL, in profile order; empty until the photo is ACTIVE. */
    public Map<String, String> urls() {
        return urls;
    }

    public Optional<String> url(String rendition) {
        return Optional.ofNullable(urls.get(rendition));
    }

    /**
     * Every rendition that has a URL, with its size and format, in profile order: what a front end needs to
     * write {@code <picture>}/{@code srcset} itself. Empty until the photo is ACTIVE.
     */
    public List<RenditionSource> sources() {
        List<RenditionSource> sources = new ArrayList<>();
        for (Rendition r : photo.renditions().values()) {
            String url = urls.get(r.name());
            if (url != null) {
                sources.add(new RenditionSource(r.name(), r.width(), r.height(), r.contentType(), url));
            }
        }
        return List.copyOf(sources);
    }

    /**
     * A {@code srcset} value of the renditions of one content type that keep the photo's aspect ratio (so a
     * centre-cropped square thumbnail is left out of a landscape photo's set), smallest first, one per width; empty
     * if none.
     */
    public String srcset(String contentType) {
        Checks.notBlank(contentType, "contentType");
        // one candidate per width: a small original makes medium and large the same size (never upscaled)
        Map<Integer, RenditionSource> byWidth = new TreeMap<>();
        sources().stream().filter(s -> s.contentType().equals(contentType)).filter(this::keepsAspect)
                .forEach(s -> byWidth.putIfAbsent(s.width(), s));
        return byWidth.values().stream().map(RenditionSource::srcsetCandidate).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhotoView other && photo.equals(other.photo) && urls.equals(other.urls);
    }

    @Override
    public int hashCode() {
        return 31 * photo.hashCode() + urls.hashCode();
    }

    @Override
    public String toString() {
        return "PhotoView[" + key() + ", " + status() + ", " + width() + "x" + height() + ", urls=" + urls.keySet() + "]";
    }

    private boolean keepsAspect(RenditionSource s) {
        if (photo.width() <= 0 || photo.height() <= 0) {
            return true;
        }
        double photoAspect = (double) photo.width() / photo.height();
        double aspect = (double) s.width() / s.height();
        // INSIDE rounds each side to a whole pixel: allow that rounding, not a different shape
        return Math.abs(aspect - photoAspect) <= photoAspect * (1.0 / Math.min(s.width(), s.height()) + 0.01);
    }
}
