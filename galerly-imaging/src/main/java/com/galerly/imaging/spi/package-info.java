/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Helpers for plugin authors: the pieces an imaging plugin (a decoder in its own module, such as
 * {@code galerly-imaging-heif} or {@code galerly-imaging-raw}) shares with {@code galerly-imaging} itself, so that
 * both compute the same thing the same way: the 3x3 matrix arithmetic of colour conversion
 * ({@link com.galerly.imaging.spi.ColourMatrix}) and the reading of numbers and tags out of container bytes
 * ({@link com.galerly.imaging.spi.ByteFields}). Application code does not need this package.
 *
 * <p>Plugins never use {@code com.galerly.imaging.internal}; what they share with the engine lives here, public and
 * documented, and changes only with a note in the CHANGELOG. The JPEG marker walker every module shares is
 * {@link com.galerly.core.spi.JpegSegments}.
 */
package com.galerly.imaging.spi;
