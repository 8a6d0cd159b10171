/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.io.ByteArrayOutputStream;

/** Inserting whole parts (JPEG segments, PNG chunks) into a file's bytes at one offset. */
final class ByteSplice {
    private ByteSplice() {
    }

    /** {@code file} with {@code parts}, in order, inserted before the byte at {@code at}. */
    static byte[] at(byte[] file, int at, byte[]... parts) {
        if (at < 0 || at > file.length) {
            throw new IllegalArgumentException("offset " + at + " is outside the file's " + file.length + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        out.write(file, 0, at);
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.write(file, at, file.length - at);
        return out.toByteArray();
    }
}
