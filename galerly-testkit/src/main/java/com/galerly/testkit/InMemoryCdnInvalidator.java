/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.CdnInvalidator;
import com.galerly.core.delivery.Invalidation;
import com.galerly.core.delivery.InvalidationBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CdnInvalidator} that remembers what it was asked, as CloudFront would: one invalidation per batch, the
 * same one again for a rerun with the same caller reference and paths, {@code CONFLICT} for the same reference with
 * other paths. Ids are {@code I1}, {@code I2}, ... in order of creation. Passes {@link CdnInvalidatorContract}.
 *
 * <pre>{@code
 * InMemoryCdnInvalidator cdn = new InMemoryCdnInvalidator();
 * cdn.invalidate("erase-g-p", List.of("/renditions/g/p_*"));
 * cdn.covers("/renditions/g/p_thumbnail.jpg");     // true
 * cdn.faults().failNext("invalidate", 1, Fault.THROTTLED);
 * }</pre>
 */
public final class InMemoryCdnInvalidator implements CdnInvalidator {
    private final Map<String, Invalidation> byReference = new LinkedHashMap<>();
    private final Faults faults = new Faults();

    /** Fault injection; the operation is {@code invalidate}, checked once per batch (one request each). */
    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized List<Invalidation> invalidate(String callerReference, Collection<String> paths) {
        List<Invalidation> out = new ArrayList<>();
        for (InvalidationBatch batch : InvalidationBatch.split(callerReference, paths)) {
            faults.check("invalidate");
            Invalidation existing = byReference.get(batch.callerReference());
            if (existing != null && !existing.paths().equals(batch.paths())) {
                throw GalerlyException.conflict("caller reference " + batch.callerReference()
                        + " was used for other paths (InvalidationBatchAlreadyExists)");
            }
            if (existing == null) {
                existing = new Invalidation("I" + (byReference.size() + 1), batch.callerReference(), batch.paths(),
                        "Completed");
                byReference.put(batch.callerReference(), existing);
            }
            out.add(existing);
        }
        return out;
    }

    /** Every invalidation created, in order. */
    public synchronized List<Invalidation> invalidations() {
        return List.copyOf(byReference.values());
    }

    /** Whether an invalidation covers {@code path}: names it, or ends in {@code *} after a prefix of it. */
    public synchronized boolean covers(String path) {
        return byReference.values().stream().flatMap(i -> i.paths().stream())
                .anyMatch(p -> p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : p.equals(path));
    }

    @Override
    public String toString() {
        return "InMemoryCdnInvalidator[" + byReference.size() + " invalidations]";
    }
}
