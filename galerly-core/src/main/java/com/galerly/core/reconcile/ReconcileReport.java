/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.reconcile;

import com.galerly.core.spi.Checks;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconciliation saw, found and (with repair) fixed.
 *
 * @param galleries  galleries compared
 * @param objects    objects read from the inventory or listing
 * @param records    records read
 * @param findings   what is wrong, each confirmed against the live store and records (a stale inventory row
 *                   that is already fixed is not reported)
 * @param repaired   the findings repaired (empty unless repairing)
 * @param unrepaired the findings a repair left, with why in their detail (empty unless repairing)
 */
public record ReconcileReport(int galleries, long objects, long records, List<Finding> findings,
                              List<Finding> repaired, List<Finding> unrepaired) {
    public ReconcileReport {
        findings = List.copyOf(Checks.notNull(findings, "findings"));
        repaired = List.copyOf(Checks.notNull(repaired, "repaired"));
        unrepaired = List.copyOf(Checks.notNull(unrepaired, "unrepaired"));
    }

    /** How many findings of each kind (every kind present, zero included). */
    public Map<FindingKind, Integer> counts() {
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind, 0);
        }
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }

    /** Whether nothing was found wrong. */
    public boolean clean() {
        return findings.isEmpty();
    }
}
