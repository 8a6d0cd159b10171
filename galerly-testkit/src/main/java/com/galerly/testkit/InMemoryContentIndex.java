/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.PhotoKey;
import com.galerly.core.upload.ContentIndex;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ContentIndex} in a concurrent map: the same conditional semantics as the DynamoDB one (a put that
 * finds a holder returns it, a replace that finds another holder changes nothing).
 *
 * <pre>{@code
 * InMemoryContentIndex index = new InMemoryContentIndex();
 * PhotoKey holder = index.putIfAbsent(sha256, photo);
 * }</pre>
 */
public final class InMemoryContentIndex implements ContentIndex {
    private final Map<String, PhotoKey> holders = new ConcurrentHashMap<>();

    @Override
    public PhotoKey putIfAbsent(String sha256, PhotoKey photo) {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(photo, "photo");
        PhotoKey existing = holders.putIfAbsent(key(sha256, photo), photo);
        return existing != null ? existing : photo;
    }

    @Override
    public PhotoKey replace(String sha256, PhotoKey expected, PhotoKey photo) {
        String key = key(sha256, photo);
        holders.replace(key, expected, photo);
        return holders.getOrDefault(key, photo);
    }

    @Override
    public void remove(String sha256, PhotoKey photo) {
        holders.remove(key(sha256, photo), photo);
    }

    /** How many digests are recorded. */
    public int size() {
        return holders.size();
    }

    private static String key(String sha256, PhotoKey photo) {
        return photo.gallery().value() + "\n" + sha256;
    }
}
