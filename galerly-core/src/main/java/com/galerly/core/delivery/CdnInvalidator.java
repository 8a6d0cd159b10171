/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

import java.util.Collection;
import java.util.List;

/**
 * Asks the CDN to drop cached copies of paths: CloudFront's {@code CreateInvalidation} in production
 * ({@code galerly-aws}'s {@code CloudFrontInvalidator}), an in-memory fake in tests ({@code galerly-testkit}).
 * Both pass {@code CdnInvalidatorContract}.
 *
 * <p>Paths are the path part of delivery URLs, percent-encoded as in the URL, each starting with {@code /}; a
 * {@code *} may end a path to cover everything under it ({@code /renditions/g/01jd..._*} for one photo,
 * {@code /renditions/g/*} for a gallery). The paths are split into batches CloudFront accepts
 * ({@link InvalidationBatch#split}); each batch is one request.
 *
 * <p>Idempotent per caller reference: a rerun with the same reference and paths (after a crash, say) returns the
 * invalidations the first run created, and creates none. The same reference with other paths is a
 * {@code CONFLICT}.
 *
 * <pre>{@code
 * List<Invalidation> done = invalidator.invalidate("erase-g-01jd6v2k8m3q9x7c5t4r2n0bza",
 *         List.of("/renditions/g/01jd6v2k8m3q9x7c5t4r2n0bza_*"));
 * done.get(0).id();    // I2J0I21PCUYOIK
 * }</pre>
 *
 * <p>Failures are {@link com.galerly.core.GalerlyException}s: {@code INVALID_ARGUMENT} for a malformed path
 * (before any request), {@code THROTTLED} (retryable) when too many invalidations are in progress,
 * {@code CONFLICT} for a reused reference, {@code IO_ERROR} (retryable) for service failures.
 */
public interface CdnInvalidator {
    /**
     * Invalidates {@code paths} (duplicates sent once), returning one {@link Invalidation} per batch; nothing and
     * no request for no paths.
     *
     * @param callerReference what makes a rerun idempotent: the same for the same logical operation (an erasure of
     *                        one photo, say), different for each new one; 1..100 characters of
     *                        {@code [A-Za-z0-9._:-]}
     */
    List<Invalidation> invalidate(String callerReference, Collection<String> paths);
}
