/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One rendition as encoded by an {@link ImageProcessor}, ready to store. Immutable: {@link #bytes()} returns a
 * copy; {@link #openStream()} and {@link #writeTo(OutputStream)} do not copy.
 */
public final class EncodedRendition {
    private final RenditionSpec spec;
    private final Size size;
    private final byte[] bytes;

    /** Takes ownership of {@code bytes}: the caller must not change them afterwards. */
    public EncodedRendition(RenditionSpec spec, Size size, byte[] bytes) {
        this.spec = Checks.notNull(spec, "spec");
        this.size = Checks.notNull(size, "size");
        this.bytes = Checks.notNull(bytes, "bytes");
    }

    public RenditionSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public ImageFormat format() {
        return spec.format();
    }

    public String contentType() {
        return spec.format().contentType();
    }

    public Size size() {
        return size;
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }

    /** Encoded length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** A copy of the encoded bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedRendition r && spec.equals(r.spec) && size.equals(r.size)
                && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedRendition[" + spec.name() + " " + size + " " + spec.format().id() + ", " + bytes.length + " bytes]";
    }
}
