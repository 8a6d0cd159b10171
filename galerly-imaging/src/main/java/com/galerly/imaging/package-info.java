/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The ImageProcessor implementation: sniff, guard, decode, orient, colour-manage, resize, encode and strip (arrives with the imaging issue).
 */
package com.galerly.imaging;
