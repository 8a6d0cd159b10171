/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Passes every call through; tests override one method to inject a race. */
class DelegatingBlobStore implements BlobStore {
    private final BlobStore delegate;

    DelegatingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<BlobMetadata> head(String key) {
        return delegate.head(key);
    }

    @Override
    public BlobContent get(String key) {
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        return delegate.getRange(key, offset, length);
    }

    @Override
    public BlobMetadata put(String key, byte[] bytes, PutOptions options) {
        return delegate.put(key, bytes, options);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        delegate.deleteAll(keys);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }
}
