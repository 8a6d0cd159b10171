/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The SPI for module authors: helpers an adapter of a Galerly port (a
 * {@link com.galerly.core.photo.PhotoRepository}, a {@link com.galerly.core.storage.BlobStore}, an imaging plugin)
 * shares with Galerly's own modules, so it validates settings with the same messages
 * ({@link com.galerly.core.spi.Checks}), pages with the same tamper-proof tokens
 * ({@link com.galerly.core.spi.PageTokens}) and writes records with the same read-decide-write loop
 * ({@link com.galerly.core.spi.ConditionalWrites}), and walks JPEG marker segments with the same parser
 * ({@link com.galerly.core.spi.JpegSegments}). Application code does not need this package.
 *
 * <p>Galerly's modules never use one another's {@code internal} packages; what they share lives here, public and
 * documented, and changes only with a note in the CHANGELOG.
 */
package com.galerly.core.spi;
