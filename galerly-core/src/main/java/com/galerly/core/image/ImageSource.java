/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of an image come from, with a name for error messages. A source built from a path, bytes or
 * an {@link Opener} can be opened more than once; one built from a single stream cannot.
 *
 * <pre>{@code
 * ImageSource.of(Path.of("IMG_0001.HEIC"));
 * ImageSource.of("upload.jpg", bytes);
 * ImageSource.of(key, head.size(), () -> blobs.get(key).stream());  // opened per read
 * }</pre>
 */
public final class ImageSource {
    /** Opens a fresh stream on the bytes each time it is called. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final long size;
    private final Opener opener;
    private final boolean reopenable;
    private final Path path;

    private ImageSource(String name, long size, Opener opener, boolean reopenable, Path path) {
        this.name = Checks.notBlank(name, "name");
        this.size = size;
        this.opener = Checks.notNull(opener, "opener");
        this.reopenable = reopenable;
        this.path = path;
    }

    /** A file; its size is read from the file system. */
    public static ImageSource of(Path path) {
        Checks.notNull(path, "path");
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = -1;    // reported when opened, with the error that explains it
        }
        return new ImageSource(path.toString(), size, () -> Files.newInputStream(path), true, path);
    }

    /** Bytes in memory (not copied: do not change them while the source is in use). */
    public static ImageSource of(String name, byte[] bytes) {
        Checks.notNull(bytes, "bytes");
        return new ImageSource(name, bytes.length, () -> new ByteArrayInputStream(bytes), true, null);
    }

    /** Bytes opened on demand, possibly more than once; {@code size} is -1 when unknown. */
    public static ImageSource of(String name, long size, Opener opener) {
        return new ImageSource(name, size, opener, true, null);
    }

    /** A single stream: it is read once, and closed by the processor. */
    public static ImageSource ofStream(String name, long size, InputStream stream) {
        Checks.notNull(stream, "stream");
        boolean[] opened = {false};
        return new ImageSource(name, size, () -> {
            synchronized (opened) {
                if (opened[0]) {
                    throw new IOException("the stream of " + name + " was already read");
                }
                opened[0] = true;
            }
            return stream;
        }, false, null);
    }

    /** A name for messages: the file path or storage key. */
    public String name() {
        return name;
    }

    /** The size in bytes, or -1 when unknown. */
    public long size() {
        return size;
    }

    /** Whether {@link #open()} may be called more than once. */
    public boolean reopenable() {
        return reopenable;
    }

    /** The file behind this source, if it is one (decoders may then read it at random). */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    /** Opens the bytes; the caller closes the stream. */
    public InputStream open() throws IOException {
        return opener.open();
    }

    @Override
    public String toString() {
        return "ImageSource[" + name + (size >= 0 ? ", " + size + " bytes" : "") + "]";
    }
}
