/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.Photo;
import com.galerly.core.spi.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One page of a gallery, oldest upload first.
 *
 * @param photos    the photos of this page
 * @param nextToken an opaque token for the next page, bound to this gallery, or null on the last page
 */
public record PhotoPage(List<Photo> photos, String nextToken) {
    public PhotoPage {
        photos = List.copyOf(Checks.notNull(photos, "photos"));
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
