/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.storage;

import com.galerly.core.spi.Checks;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object being read: its metadata and a stream over its bytes. Close it to release the connection.
 *
 * <pre>{@code
 * try (BlobContent content = blobs.get(key)) {
 *     content.stream().transferTo(out);
 * }
 * }</pre>
 */
public final class BlobContent implements AutoCloseable {
    private final BlobMetadata metadata;
    private final InputStream stream;

    public BlobContent(BlobMetadata metadata, InputStream stream) {
        this.metadata = Checks.notNull(metadata, "metadata");
        this.stream = Checks.notNull(stream, "stream");
    }

    public BlobMetadata metadata() {
        return metadata;
    }

    /** The bytes; read once. */
    public InputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
