/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import com.sun.jna.Native;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads libheif once per library name and says why it cannot be used when it cannot: not installed, too old, or
 * without an HEVC decoder. The message says what to install, and how to ship it in a Lambda layer.
 *
 * @param lib     the bound library, or null when unavailable
 * @param version libheif's version string, or null
 * @param reason  why it is unavailable, or null
 */
public record HeifLibrary(LibHeif lib, String version, String reason) {
    /** The system property naming the library to load (a name like {@code heif} or a path to {@code libheif.so.1}). */
    public static final String PROPERTY = "galerly.libheif";
    /** The environment variable read when the property is not set. */
    public static final String ENVIRONMENT = "GALERLY_LIBHEIF";
    private static final int MIN_VERSION = 0x01090000;
    private static final Map<String, HeifLibrary> LOADED = new ConcurrentHashMap<>();

    public boolean available() {
        return lib != null;
    }

    /** The library named by {@value #PROPERTY}, {@value #ENVIRONMENT}, or the system's {@code libheif}. */
    public static HeifLibrary system() {
        return load(systemName());
    }

    /** The library name {@link #system()} loads: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code heif}. */
    public static String systemName() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(ENVIRONMENT);
        }
        return name == null || name.isBlank() ? "heif" : name.trim();
    }

    public static HeifLibrary load(String name) {
        return LOADED.computeIfAbsent(name, HeifLibrary::bind);
    }

    private static HeifLibrary bind(String name) {
        LibHeif lib;
        try {
            lib = Native.load(name, LibHeif.class);
        } catch (LinkageError | RuntimeException e) {
            return new HeifLibrary(null, null, "libheif is not installed (" + name + ": " + firstLine(e) + "). "
                    + INSTALL);
        }
        try {
            int v = lib.heif_get_version_number();
            String version = lib.heif_get_version();
            if (Integer.compareUnsigned(v, MIN_VERSION) < 0) {
                return new HeifLibrary(null, version, "libheif " + version + " is too old; Galerly needs 1.9 or later. "
                        + INSTALL);
            }
            if (Integer.compareUnsigned(v, 0x010D0000) >= 0) {
                lib.heif_init(null);                 // 1.13+: loads decoder plugins; reference-counted, never undone
            }
            if (lib.heif_have_decoder_for_format(LibHeif.COMPRESSION_HEVC) == 0) {
                return new HeifLibrary(null, version, "libheif " + version + " has no HEVC decoder: install its libde265 "
                        + "plugin (Debian/Ubuntu: libheif-plugin-libde265 with libheif 1.16 and later)");
            }
            return new HeifLibrary(lib, version, null);
        } catch (LinkageError | RuntimeException e) {
            return new HeifLibrary(null, null, "the library loaded as " + name + " is not a usable libheif ("
                    + firstLine(e) + "). " + INSTALL);
        }
    }

    /** Whether this libheif decodes AV1 (AVIF). */
    public boolean readsAvif() {
        return lib != null && lib.heif_have_decoder_for_format(LibHeif.COMPRESSION_AV1) != 0;
    }

    private static final String INSTALL = "Install libheif 1.9 or later: Debian/Ubuntu apt-get install libheif1, "
            + "Fedora/RHEL dnf install libheif, macOS brew install libheif. For AWS Lambda, ship libheif.so.1 and the "
            + "libraries it links (list them with ldd; libde265 decodes HEVC) in a layer's lib/ directory, built on the "
            + "function's runtime OS, or use a container image with libheif installed; " + ENVIRONMENT
            + "=/opt/lib/libheif.so.1 (or -D" + PROPERTY + "=...) names the file explicitly";

    /** The first line of a linker message, and the next one when the first only introduces it. */
    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String[] lines = m.split("\\R");
        String first = lines[0].strip();
        return first.endsWith(":") && lines.length > 1 ? first + " " + lines[1].strip() : first;
    }
}
