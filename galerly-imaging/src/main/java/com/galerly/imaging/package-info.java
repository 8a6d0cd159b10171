/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Galerly's {@link com.galerly.core.image.ImageProcessor}: sniff, guard, decode once, orient, colour-manage,
 * resize (Lanczos-3 on premultiplied alpha), encode and strip metadata. Codecs are a service-provider interface
 * ({@link com.galerly.imaging.ImageDecoder}, {@link com.galerly.imaging.ImageEncoder}) so HEIF, RAW or AVIF
 * plugins drop in as jars; {@link com.galerly.imaging.GalerlyImaging} builds a processor explicitly.
 */
package com.galerly.imaging;
