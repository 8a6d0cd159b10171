/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.spi.Checks;

/**
 * Which page of a gallery to list.
 *
 * @param limit at most this many photos, 1..{@value #MAX_LIMIT}
 * @param token the {@link PhotoPage#nextToken()} of the previous page, or null for the first
 */
public record PageRequest(int limit, String token) {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        Checks.inRange(limit, 1, MAX_LIMIT, "page limit");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    public PageRequest next(String nextToken) {
        return new PageRequest(limit, nextToken);
    }
}
