/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

import com.galerly.core.spi.Checks;
import java.util.List;

/**
 * One invalidation the CDN accepted.
 *
 * @param id              the CDN's id of it (CloudFront's {@code Id})
 * @param callerReference the caller reference of its batch
 * @param paths           the paths it covers, in the order sent
 * @param status          the CDN's status when it answered ({@code InProgress}, {@code Completed})
 */
public record Invalidation(String id, String callerReference, List<String> paths, String status) {
    public Invalidation {
        Checks.notBlank(id, "id");
        Checks.notBlank(callerReference, "callerReference");
        paths = List.copyOf(Checks.notNull(paths, "paths"));
        Checks.notBlank(status, "status");
    }
}
