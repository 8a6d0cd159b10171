/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Contract suites for galerly-imaging's service-provider interfaces: a decoder or encoder plugin's tests extend
 * {@link com.galerly.imaging.testkit.ImageDecoderContract} or {@link com.galerly.imaging.testkit.ImageEncoderContract}
 * (add {@code galerly-imaging-testkit} with test scope). See {@code docs/testing.md}.
 */
package com.galerly.imaging.testkit;
