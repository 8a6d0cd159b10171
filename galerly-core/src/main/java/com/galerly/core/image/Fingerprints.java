/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short, stable fingerprints of what produces renditions, so that a rendition's key (and so its URL) changes exactly
 * when its bytes may change, and a record can say which profile rendered it.
 *
 * <ul>
 *   <li>{@link #profile}: the profile's specs (every setting that changes output) and the engine's output version;
 *       stored on the record as {@code Photo.profileFingerprint}, compared by backfills and reconciliation.</li>
 *   <li>{@link #rendition}: one spec, the engine's output version and the original's identity (ETag, and version
 *       id on a versioned bucket); part of the rendition's key, so a replaced original or a changed spec gives a new
 *       URL, and an unchanged photo keeps an identical one across listings, re-signing and backfills.</li>
 * </ul>
 * Both are the first 12 hex digits (48 bits) of a SHA-256 over a canonical text; the profile's name is not part of
 * it (renaming a profile changes no pixel).
 *
 * <pre>{@code
 * String profileFp = Fingerprints.profile(RenditionProfile.standard(), "galerly-imaging/1");   // e.g. 3f9a0c51d2e7
 * String keyFp = Fingerprints.rendition(spec, head.eTag(), head.versionId(), "galerly-imaging/1");
 * }</pre>
 */
public final class Fingerprints {
    /** Length of every fingerprint, in hex digits. */
    public static final int LENGTH = 12;

    private Fingerprints() {
    }

    /** The fingerprint of a profile rendered by an engine whose output version is {@code engineVersion}. */
    public static String profile(RenditionProfile profile, String engineVersion) {
        Checks.notNull(profile, "profile");
        StringBuilder text = new StringBuilder("profile\n").append(Checks.notBlank(engineVersion, "engineVersion"));
        for (RenditionSpec spec : profile.specs()) {
            text.append('\n').append(canonical(spec));
        }
        return hash(text.toString());
    }

    /**
     * The fingerprint of one rendition: {@code spec} rendered by {@code engineVersion} from the original whose ETag
     * (and version id, or null) are given.
     */
    public static String rendition(RenditionSpec spec, String originalETag, String originalVersionId, String engineVersion) {
        Checks.notNull(spec, "spec");
        return hash("rendition\n" + Checks.notBlank(originalETag, "originalETag") + "\n"
                + (originalVersionId == null ? "" : originalVersionId) + "\n"
                + Checks.notBlank(engineVersion, "engineVersion") + "\n" + canonical(spec));
    }

    /** Every setting of a spec that changes its output, in a fixed order. */
    static String canonical(RenditionSpec spec) {
        return spec.name() + ";" + spec.width() + "x" + spec.height() + ";" + spec.fit().name() + ";"
                + spec.format().name() + ";q" + spec.quality();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
