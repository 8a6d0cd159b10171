/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.CdnInvalidator;
import com.galerly.core.delivery.Invalidation;
import com.galerly.core.delivery.InvalidationBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CdnInvalidator} must show: batches within CloudFront's limits, idempotent reruns per
 * caller reference (a crash half-way and a rerun create nothing twice), malformed paths refused before any request.
 * Extend it in your implementation's test; {@link #requests()} counts the requests the CDN (or its stand-in) saw.
 *
 * <pre>{@code
 * class InMemoryCdnInvalidatorTest extends CdnInvalidatorContract {
 *     private final InMemoryCdnInvalidator cdn = new InMemoryCdnInvalidator();
 *     @Override protected CdnInvalidator invalidator() { return cdn; }
 *     @Override protected int requests() { return cdn.faults().calls("invalidate"); }
 * }
 * }</pre>
 */
public abstract class CdnInvalidatorContract {
    private String reference;

    /** The invalidator under test. */
    protected abstract CdnInvalidator invalidator();

    /** How many invalidation requests reached the CDN (or its stand-in) so far. */
    protected abstract int requests();

    @BeforeEach
    void freshReference() {
        reference = "contract-" + UUID.randomUUID();
    }

    @Test
    void onePhotoIsOneInvalidationOfItsPaths() {
        List<Invalidation> done = invalidator().invalidate(reference,
                List.of("/renditions/g/p_*", "/originals/g/p.jpg", "/renditions/g/p_*"));
        assertEquals(1, done.size());
        Invalidation only = done.get(0);
        assertFalse(only.id().isBlank());
        assertEquals(reference, only.callerReference());
        assertEquals(List.of("/originals/g/p.jpg", "/renditions/g/p_*"), only.paths(), "sorted, duplicates sent once");
    }

    @Test
    void noPathsIsNoRequest() {
        int before = requests();
        assertEquals(List.of(), invalidator().invalidate(reference, List.of()));
        assertEquals(before, requests());
    }

    @Test
    void aRerunWithTheSameReferenceReturnsTheSameInvalidations() {
        List<String> paths = wildcards(17);
        List<Invalidation> first = invalidator().invalidate(reference, paths);
        List<Invalidation> again = invalidator().invalidate(reference, paths);
        assertEquals(ids(first), ids(again));
        assertEquals(2, new HashSet<>(ids(first)).size());
    }

    @Test
    void manyPathsAreSplitWithinCloudFrontsLimits() {
        List<String> paths = new ArrayList<>(wildcards(InvalidationBatch.MAX_WILDCARD_PATHS + 1));
        for (int i = 0; i < InvalidationBatch.MAX_PATHS; i++) {
            paths.add("/renditions/g/" + String.format("%05d", i) + "_thumbnail.jpg");
        }
        int before = requests();
        List<Invalidation> done = invalidator().invalidate(reference, paths);
        assertEquals(done.size(), requests() - before, "one request per batch");
        Set<String> covered = new HashSet<>();
        for (Invalidation i : done) {
            assertTrue(i.paths().size() <= InvalidationBatch.MAX_PATHS, i.paths().size() + " paths");
            assertTrue(i.paths().stream().filter(p -> p.endsWith("*")).count() <= InvalidationBatch.MAX_WILDCARD_PATHS);
            covered.addAll(i.paths());
        }
        assertEquals(new HashSet<>(paths), covered);
        assertEquals(2, done.size());
        assertEquals(done.size(), new HashSet<>(done.stream().map(Invalidation::callerReference).toList()).size(),
                "each batch has its own caller reference");
    }

    @Test
    void theSameReferenceForOtherPathsIsAConflict() {
        invalidator().invalidate(reference, List.of("/a.jpg"));
        GalerlyException e = assertThrows(GalerlyException.class, () -> invalidator().invalidate(reference, List.of("/b.jpg")));
        assertEquals(ErrorCode.CONFLICT, e.code());
    }

    @Test
    void malformedPathsAndReferencesAreRefusedBeforeAnyRequest() {
        int before = requests();
        for (String bad : List.of("no-slash.jpg", "/a*b", "/with space.jpg", "/q?x=1", "")) {
            GalerlyException e = assertThrows(GalerlyException.class,
                    () -> invalidator().invalidate(reference, List.of("/fine.jpg", bad)), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), bad);
        }
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class,
                () -> invalidator().invalidate("has space", List.of("/a.jpg"))).code());
        assertEquals(before, requests());
    }

    private static List<String> wildcards(int n) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paths.add("/renditions/g" + i + "/*");
        }
        return paths;
    }

    private static List<String> ids(List<Invalidation> invalidations) {
        return invalidations.stream().map(Invalidation::id).toList();
    }
}
