/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scan.ScanVerdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ContentScanner} that flags content containing one of its byte patterns, as a signature-based scanner
 * would, without a daemon: the EICAR test file by default ({@value #EICAR_SIGNATURE}), more with {@link #detect}.
 * Like {@code ClamAvScanner} it refuses content over its size cap with {@code LIMIT_EXCEEDED} (counting what it
 * reads, not the declared length) and, while {@link #down down}, answers {@code SCANNER_UNAVAILABLE}, never
 * "clean". Thread-safe. Passes {@link ContentScannerContract}.
 *
 * <pre>{@code
 * FakeContentScanner scanner = new FakeContentScanner().detect("Test-Marker", "MALWARE-MARKER");
 * S3UploadService uploads = S3UploadService.builder()...scanner(scanner).build();
 * scanner.down("clamd restarting");            // uploads stay in quarantine, retryably
 * }</pre>
 */
public final class FakeContentScanner implements ContentScanner {
    /** The signature reported for the EICAR test file. */
    public static final String EICAR_SIGNATURE = "Eicar-Test-Signature";

    private final Map<String, byte[]> patterns = new LinkedHashMap<>();
    private final long maxBytes;
    private final AtomicInteger scans = new AtomicInteger();
    private volatile String down;

    /** A scanner with a 25 MiB cap, as clamd's default StreamMaxLength. */
    public FakeContentScanner() {
        this(25L * 1024 * 1024);
    }

    /** A scanner that refuses content over {@code maxBytes}. */
    public FakeContentScanner(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        patterns.put(EICAR_SIGNATURE, ContentScannerContract.eicar());
    }

    /** Also flags content containing {@code pattern} (US-ASCII), as {@code signature}. */
    public FakeContentScanner detect(String signature, String pattern) {
        return detect(signature, Objects.requireNonNull(pattern, "pattern").getBytes(StandardCharsets.US_ASCII));
    }

    /** Also flags content containing {@code pattern}, as {@code signature}. */
    public synchronized FakeContentScanner detect(String signature, byte[] pattern) {
        Objects.requireNonNull(signature, "signature");
        if (Objects.requireNonNull(pattern, "pattern").length == 0) {
            throw new IllegalArgumentException("an empty pattern would match everything");
        }
        patterns.put(signature, pattern.clone());
        return this;
    }

    /** From now on every scan fails with a retryable {@code SCANNER_UNAVAILABLE} giving {@code reason}. */
    public FakeContentScanner down(String reason) {
        this.down = Objects.requireNonNull(reason, "reason");
        return this;
    }

    /** Scans again after {@link #down}. */
    public FakeContentScanner up() {
        this.down = null;
        return this;
    }

    /** How many scans were asked for (including refused ones). */
    public int scans() {
        return scans.get();
    }

    @Override
    public ScanVerdict scan(String name, long length, InputStream content) {
        Objects.requireNonNull(content, "content");
        scans.incrementAndGet();
        String reason = down;
        if (reason != null) {
            throw new GalerlyException(ErrorCode.SCANNER_UNAVAILABLE, "fake scanner gave no verdict for " + name
                    + ": " + reason);
        }
        if (length > maxBytes) {
            throw tooLong(name, length + " bytes");
        }
        byte[] bytes = readCapped(name, content);
        Map<String, byte[]> now;
        synchronized (this) {
            now = new LinkedHashMap<>(patterns);
        }
        for (Map.Entry<String, byte[]> p : now.entrySet()) {
            if (contains(bytes, p.getValue())) {
                return ScanVerdict.infected(p.getKey(), name());
            }
        }
        return ScanVerdict.clean(name());
    }

    private byte[] readCapped(String name, InputStream content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = content.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLong(name, "more than " + maxBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw new GalerlyException(ErrorCode.IO_ERROR, "could not read " + name + " to scan it: " + e, e);
        }
        return out.toByteArray();
    }

    private GalerlyException tooLong(String name, String size) {
        return new GalerlyException(ErrorCode.LIMIT_EXCEEDED, name + " has " + size + ", over the scanner's limit of "
                + maxBytes + " bytes: it cannot be scanned");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String toString() {
        return "FakeContentScanner[" + patterns.keySet() + ", maxBytes=" + maxBytes + (down != null ? ", down" : "")
                + "]";
    }
}
