/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

/**
 * A place in the file that the container says holds an embedded JPEG (a preview, a thumbnail, or a lossless raw
 * stream that only looks like one until its frame header is read).
 *
 * @param offset absolute byte offset
 * @param length declared length in bytes
 * @param origin where the pointer was found, for messages ({@code "IFD0 strip"}, {@code "CR3 PRVW"})
 */
record Candidate(long offset, long length, String origin) {
}
