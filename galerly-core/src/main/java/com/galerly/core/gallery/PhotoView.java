/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.Photo;
import com.galerly.core.Rendition;
import com.galerly.core.spi.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A photo as a client sees it: its record and the URLs of its renditions (signed when the gallery is private;
 * empty until the photo is ACTIVE). {@link #sources()} and {@link #srcset(String)} give each rendition's URL with
 * its width, height and format, what a {@code <picture>}/{@code srcset} needs.
 *
 * @param photo the record
 * @param urls  rendition name -> URL, in profile order
 */
public record PhotoView(Photo photo, Map<String, String> urls) {
    public PhotoView {
        Checks.notNull(photo, "photo");
        urls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Checks.notNull(urls, "urls")));
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
