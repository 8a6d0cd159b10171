/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.spi.Checks;
import java.time.Instant;

/**
 * The right to finish processing a photo, granted by a successful claim. Only the holder of the token may
 * mark the photo ACTIVE or FAILED; once {@code expiresAt} passes, another delivery may take the photo over.
 *
 * @param token     an unguessable value unique to this claim
 * @param expiresAt when the lease may be taken over
 */
public record Lease(String token, Instant expiresAt) {
    public Lease {
        Checks.notBlank(token, "lease token");
        Checks.notNull(expiresAt, "lease expiresAt");
    }

    /** Whether the lease no longer protects its holder at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
