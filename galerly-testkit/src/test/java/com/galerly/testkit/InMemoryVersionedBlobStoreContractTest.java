/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.storage.BlobStore;

/** A versioned in-memory store still passes the plain contract (what any bucket shows). */
class InMemoryVersionedBlobStoreContractTest extends BlobStoreContract {
    private final InMemoryBlobStore store = new InMemoryBlobStore(TestClock.standard(), true);

    @Override
    protected BlobStore store() {
        return store;
    }
}
