/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.spi.Checks;
import com.galerly.core.storage.BlobStore;
import java.time.Clock;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP when the bucket and the record store answer: a HEAD of a key that need not exist, and a read of a record
 * that need not exist. A failure reports the component and its error code (never a message that could carry a
 * credential).
 */
public class GalerlyHealthIndicator extends AbstractHealthIndicator {
    static final String PROBE_KEY = ".galerly-health";

    private final BlobStore blobs;
    private final PhotoRepository photos;
    private final PhotoKey probe;

    public GalerlyHealthIndicator(BlobStore blobs, PhotoRepository photos, Clock clock) {
        super("Galerly health check failed");
        this.blobs = Checks.notNull(blobs, "blobs");
        this.photos = Checks.notNull(photos, "photos");
        this.probe = new PhotoKey(GalleryId.of("galerly-health"), PhotoId.generator(clock).next());
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean up = check(health, "bucket", () -> blobs.head(PROBE_KEY));
        up &= check(health, "records", () -> photos.get(probe));
        if (up) {
            health.up();
        } else {
            health.down();
        }
    }

    private static boolean check(Health.Builder health, String component, Runnable probe) {
        try {
            probe.run();
            health.withDetail(component, "reachable");
            return true;
        } catch (GalerlyException e) {
            health.withDetail(component, "unreachable: " + e.code());
            return false;
        } catch (RuntimeException e) {
            health.withDetail(component, "unreachable: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
