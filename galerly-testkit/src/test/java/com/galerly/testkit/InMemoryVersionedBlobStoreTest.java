/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import org.junit.jupiter.api.Test;

/** The versioned in-memory store passes the versioned contract, the one Adobe S3Mock passes in galerly-aws. */
class InMemoryVersionedBlobStoreTest extends VersionedBlobStoreContract {
    private final InMemoryBlobStore store = new InMemoryBlobStore(TestClock.standard(), true);

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void eraseIsOneCallAndAllVersionsSeesWhatIsLeft() {
        store.put(key("a"), new byte[] {1}, PutOptions.of("text/plain"));
        store.put(key("a"), new byte[] {2}, PutOptions.of("text/plain"));
        assertEquals(2, store.allVersions().size());
        store.erase(key(""));
        assertEquals(1, store.faults().calls("erase"));
        assertEquals(0, store.allVersions().size());
    }
}
