/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Galerly's core: the photo model ({@link com.galerly.core.Photo}, {@link com.galerly.core.PhotoId},
 * {@link com.galerly.core.KeyLayout}), errors with stable codes, and the ports every capability plugs into
 * (in the sub-packages {@code image}, {@code storage}, {@code photo}, {@code upload}, {@code delivery},
 * {@code metrics}, {@code trace}) with the {@link com.galerly.core.pipeline.RenditionPipeline} that composes them.
 * Depends on the JDK only.
 */
package com.galerly.core;
