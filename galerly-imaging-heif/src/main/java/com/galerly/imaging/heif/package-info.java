/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * HEIC, HEIF and AVIF input for galerly-imaging, as an {@link com.galerly.imaging.ImageDecoder} plugin on the
 * system's libheif: {@link com.galerly.imaging.heif.HeifDecoder}.
 */
package com.galerly.imaging.heif;
