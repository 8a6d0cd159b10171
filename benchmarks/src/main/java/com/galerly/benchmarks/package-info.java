/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks comparing Galerly with the libraries users would pick instead, every implementation in the same
 * run: the rendition ladder, a thumbnail and sharp's 720x588 task against Thumbnailator, imgscalr and Java2D
 * ({@link com.galerly.benchmarks.RenditionLadderBenchmark}, {@link com.galerly.benchmarks.Resize720Benchmark}),
 * the handler path on in-memory fakes, CloudFront signing against the AWS SDK, and the stages of the imaging
 * engine. {@code benchmarks/run.sh} runs them, adds sharp from npm and prints the results table.
 */
package com.galerly.benchmarks;
