/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.delivery;

import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One request's worth of paths to invalidate, within CloudFront's limits, and the rule that splits any set of
 * paths into such batches. Every {@link CdnInvalidator} splits with {@link #split(String, Collection)}, so a
 * rerun with the same reference and paths gives the same batches, with the same caller references.
 *
 * <pre>{@code
 * List<InvalidationBatch> batches = InvalidationBatch.split("erase-g", paths);
 * batches.get(0).callerReference();   // "erase-g" for one batch; "erase-g.1-of-2", "erase-g.2-of-2" for two
 * }</pre>
 *
 * @param callerReference the batch's own caller reference
 * @param paths           its paths, sorted, without duplicates
 */
public record InvalidationBatch(String callerReference, List<String> paths) {
    /** CloudFront's limit on paths in one invalidation. */
    public static final int MAX_PATHS = 3000;
    /** CloudFront's limit on wildcard paths in one invalidation (and in progress at a time). */
    public static final int MAX_WILDCARD_PATHS = 15;
    /** Longest path accepted (CloudFront's limit on a path). */
    public static final int MAX_PATH_LENGTH = 4000;

    /** What a caller may pass; a batch's own reference adds at most a {@code .i-of-n} suffix, within CloudFront's 128. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern BATCH_REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public InvalidationBatch {
        if (callerReference == null || !BATCH_REFERENCE.matcher(callerReference).matches()) {
            throw new IllegalArgumentException("a batch's caller reference must be 1..128 characters of A-Z a-z 0-9 . _ : -, was "
                    + Checks.quote(callerReference));
        }
        paths = List.copyOf(Checks.notNull(paths, "paths"));
        paths.forEach(InvalidationBatch::path);
        long wildcards = paths.stream().filter(p -> p.endsWith("*")).count();
        if (paths.isEmpty() || paths.size() > MAX_PATHS || wildcards > MAX_WILDCARD_PATHS) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_PATHS + " paths with at most "
                    + MAX_WILDCARD_PATHS + " wildcards, was " + paths.size() + " with " + wildcards);
        }
    }

    /**
     * Splits {@code paths} (validated, duplicates dropped, sorted) into batches of at most {@link #MAX_PATHS}
     * paths and {@link #MAX_WILDCARD_PATHS} wildcards. A single batch keeps {@code callerReference}; with more,
     * each gets {@code callerReference + ".i-of-n"}. No paths, no batches.
     *
     * @throws GalerlyException INVALID_ARGUMENT naming the first malformed path or reference
     */
    public static List<InvalidationBatch> split(String callerReference, Collection<String> paths) {
        reference(callerReference);
        TreeSet<String> unique = new TreeSet<>();
        for (String p : Checks.notNull(paths, "paths")) {
            unique.add(path(p));
        }
        // each batch takes up to 15 wildcards, then fills up with plain paths: as few batches as the limits allow
        List<String> wildcards = unique.stream().filter(p -> p.endsWith("*")).toList();
        List<String> plain = unique.stream().filter(p -> !p.endsWith("*")).toList();
        List<List<String>> groups = new ArrayList<>();
        int w = 0;
        int n = 0;
        while (w < wildcards.size() || n < plain.size()) {
            int takeWildcards = Math.min(MAX_WILDCARD_PATHS, wildcards.size() - w);
            int takePlain = Math.min(MAX_PATHS - takeWildcards, plain.size() - n);
            TreeSet<String> group = new TreeSet<>(wildcards.subList(w, w + takeWildcards));
            group.addAll(plain.subList(n, n + takePlain));
            w += takeWildcards;
            n += takePlain;
            groups.add(new ArrayList<>(group));
        }
        List<InvalidationBatch> batches = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            String reference = groups.size() == 1 ? callerReference : callerReference + "." + (i + 1) + "-of-" + groups.size();
            batches.add(new InvalidationBatch(reference, groups.get(i)));
        }
        return batches;
    }

    /**
     * A path CloudFront accepts: starts with {@code /}, at most {@link #MAX_PATH_LENGTH} characters of printable
     * US-ASCII (other characters percent-encoded, as in the URL), no space, no query string, {@code *} only last.
     */
    public static String path(String path) {
        String problem = path == null ? "null" : path.isEmpty() || path.charAt(0) != '/' ? "must start with '/'"
                : path.length() > MAX_PATH_LENGTH ? "longer than " + MAX_PATH_LENGTH + " characters"
                : path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f) ? "must be printable US-ASCII without spaces (percent-encode the rest)"
                : path.indexOf('?') >= 0 ? "must not carry a query string"
                : path.indexOf('*') >= 0 && path.indexOf('*') != path.length() - 1 ? "'*' may only end a path"
                : null;
        if (problem != null) {
            throw GalerlyException.invalid("invalidation path " + Checks.quote(path) + ": " + problem);
        }
        return path;
    }

    private static String reference(String callerReference) {
        if (callerReference == null || !REFERENCE.matcher(callerReference).matches()) {
            throw GalerlyException.invalid("caller reference must be 1..100 characters of A-Z a-z 0-9 . _ : -, was "
                    + Checks.quote(callerReference));
        }
        return callerReference;
    }
}
