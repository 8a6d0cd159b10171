/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Camera RAW input for galerly-imaging, as an {@link com.galerly.imaging.ImageDecoder} plugin:
 * {@link com.galerly.imaging.raw.RawDecoder} renders CR2, CR3, NEF, ARW, DNG, ORF, PEF, RW2 and RAF files from their
 * largest embedded JPEG preview.
 */
package com.galerly.imaging.raw;
