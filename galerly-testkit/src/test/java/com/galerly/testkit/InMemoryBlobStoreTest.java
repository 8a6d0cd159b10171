/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import org.junit.jupiter.api.Test;

class InMemoryBlobStoreTest extends BlobStoreContract {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore store = new InMemoryBlobStore(clock);

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void injectedFaultsFailBeforeAnyChangeAndThenStop() {
        store.faults().failNext("put", 2, Fault.TRANSIENT);
        for (int i = 0; i < 2; i++) {
            GalerlyException e = assertThrows(GalerlyException.class,
                    () -> store.put(key("f"), new byte[] {1}, PutOptions.of("text/plain")));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertTrue(e.retryable());
        }
        assertTrue(store.head(key("f")).isEmpty(), "a failed put leaves nothing behind");
        store.put(key("f"), new byte[] {1}, PutOptions.of("text/plain"));
        assertEquals(2, store.faults().injected());
    }

    @Test
    void aVersionedStoreGivesEveryWriteANewVersion() {
        InMemoryBlobStore versioned = new InMemoryBlobStore(clock, true);
        String first = versioned.put("k", new byte[] {1}, PutOptions.of("text/plain")).versionId();
        String second = versioned.put("k", new byte[] {1}, PutOptions.of("text/plain")).versionId();
        assertNotEquals(first, second);
    }
}
