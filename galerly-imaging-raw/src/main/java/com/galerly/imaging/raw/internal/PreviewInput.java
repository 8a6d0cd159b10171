/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** The embedded JPEG preview of a RAW as an input of its own, for the JPEG decoder. */
final class PreviewInput implements ImageInput {
    private final ByteSource source;
    private final JpegProbe.Preview preview;
    private final String name;
    private final byte[] head;

    PreviewInput(ByteSource source, JpegProbe.Preview preview) throws IOException {
        this.source = source;
        this.preview = preview;
        this.name = source.name() + " (embedded JPEG preview)";
        Candidate c = preview.candidate();
        this.head = source.bytes(c.offset(), (int) Math.min(ImageDecoder.SNIFF_LENGTH, c.length()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long length() {
        return preview.candidate().length();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    @Override
    public InputStream openStream() throws IOException {
        return source.range(preview.candidate().offset(), preview.candidate().length());
    }

    @Override
    public Optional<Path> path() {
        return Optional.empty();
    }
}
