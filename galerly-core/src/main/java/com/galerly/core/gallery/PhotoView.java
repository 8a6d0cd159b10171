/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.Photo;
import com.galerly.core.internal.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * A photo as a client sees it: its record and the URLs of its renditions (signed when the gallery is private;
 * empty until the photo is ACTIVE).
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
}
