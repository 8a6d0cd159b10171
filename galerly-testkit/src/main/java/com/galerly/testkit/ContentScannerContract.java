/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scan.ScanVerdict;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ContentScanner} must show: clean content is clean and says which scanner said so,
 * each known-bad sample is flagged with its signature, the content is read to its end, content over the size cap
 * is refused with {@code LIMIT_EXCEEDED} (also when the declared length understates it), a scanner that cannot give
 * a verdict throws a retryable {@code SCANNER_UNAVAILABLE} and never answers "clean", and concurrent scans each get
 * their own verdict. ({@link ContentScanner#none()} scans nothing by design and is not held to this.)
 *
 * <pre>{@code
 * class ClamAvScannerTest extends ContentScannerContract {
 *     @RegisterExtension static final ClamdExtension CLAMD = new ClamdExtension();
 *     protected ContentScanner scanner() { return ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).build(); }
 *     protected ContentScanner capped(long maxBytes) { return ...maxBytes(maxBytes).build(); }
 *     protected ContentScanner unavailable() { return ClamAvScanner.builder().tcp("127.0.0.1", closedPort).build(); }
 *     protected List<Infected> infected() { return List.of(new Infected(eicar(), "Galerly-Test-EICAR.UNOFFICIAL")); }
 * }
 * }</pre>
 */
public abstract class ContentScannerContract {
    /**
     * A sample the scanner must flag, and the signature it reports for it.
     *
     * @param what      a description for messages
     * @param content   the bytes
     * @param signature the signature the verdict names
     */
    public record Infected(String what, byte[] content, String signature) {
    }

    /** A working scanner (a fresh one or the same one each time). */
    protected abstract ContentScanner scanner();

    /** A working scanner that refuses content over {@code maxBytes}. */
    protected abstract ContentScanner capped(long maxBytes);

    /** A scanner that cannot give a verdict (its daemon down or unreachable). */
    protected abstract ContentScanner unavailable();

    /** Samples the scanner must flag; include the EICAR file ({@link #eicar()}) and, where it can, a real photo. */
    protected abstract List<Infected> infected();

    /** The 68-byte EICAR anti-virus test file (harmless; every scanner detects it). */
    public static byte[] eicar() {
        String s = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS" + "-TEST-FILE!$H+H*";
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A clean photo: a 320x240 JPEG. */
    protected static byte[] cleanPhoto() {
        return ImageFiles.jpeg(SyntheticImages.photo(320, 240, 7), 85);
    }

    private static ScanVerdict scan(ContentScanner scanner, String name, byte[] bytes) {
        return scanner.scan(name, bytes.length, new ByteArrayInputStream(bytes));
    }

    @Test
    void cleanContentIsCleanAndNamesTheScanner() {
        ContentScanner scanner = scanner();
        assertFalse(scanner.name().isBlank(), "a name for records");
        for (byte[] clean : List.of(cleanPhoto(), new byte[0], "just text".getBytes(StandardCharsets.US_ASCII))) {
            ScanVerdict verdict = scan(scanner, "incoming/g/p.jpg", clean);
            assertTrue(verdict.clean(), clean.length + " clean bytes: " + verdict);
            assertNull(verdict.signature());
            assertEquals(scanner.name(), verdict.scanner());
        }
    }

    @Test
    void eachInfectedSampleIsFlaggedWithItsSignature() {
        List<Infected> samples = infected();
        assertTrue(samples.stream().anyMatch(i -> java.util.Arrays.equals(i.content(), eicar())),
                "the samples include the EICAR test file");
        ContentScanner scanner = scanner();
        for (Infected i : samples) {
            ScanVerdict verdict = scan(scanner, "incoming/g/" + i.what(), i.content());
            assertFalse(verdict.clean(), i.what() + " is flagged");
            assertEquals(i.signature(), verdict.signature(), i.what());
            assertEquals(scanner.name(), verdict.scanner());
        }
    }

    @Test
    void theContentIsReadToItsEnd() {
        byte[] photo = cleanPhoto();
        Counting in = new Counting(photo);
        assertTrue(scanner().scan("incoming/g/p.jpg", photo.length, in).clean());
        assertEquals(photo.length, in.read, "every byte was read (a scanner that stops early has not scanned it)");
    }

    @Test
    void contentOverTheCapIsRefusedNeverPassed() {
        ContentScanner capped = capped(60);
        for (byte[] over : List.of(eicar(), new byte[100])) {
            GalerlyException e = assertThrows(GalerlyException.class, () -> scan(capped, "big", over));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertFalse(e.retryable());
        }
        assertTrue(scan(capped, "small", new byte[50]).clean(), "under the cap is scanned");
    }

    @Test
    void aLengthThatUnderstatesTheContentIsNoWayAroundTheCap() {
        ContentScanner capped = capped(60);
        byte[] content = new byte[200];
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> capped.scan("lying", 10, new ByteArrayInputStream(content)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    }

    @Test
    void aScannerThatCannotScanIsRetryableNeverClean() {
        GalerlyException e = assertThrows(GalerlyException.class, () -> scan(unavailable(), "p.jpg", eicar()));
        assertEquals(ErrorCode.SCANNER_UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.retryable());
        GalerlyException clean = assertThrows(GalerlyException.class,
                () -> scan(unavailable(), "p.jpg", cleanPhoto()));
        assertEquals(ErrorCode.SCANNER_UNAVAILABLE, clean.code(), "clean content gets no verdict either");
    }

    @Test
    void concurrentScansEachGetTheirOwnVerdict() throws Exception {
        ContentScanner scanner = scanner();
        byte[] photo = cleanPhoto();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean bad = i % 3 == 0;
                byte[] content = bad ? eicar() : photo;
                futures.add(pool.submit(() -> scan(scanner, "p.jpg", content).clean() != bad));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertTrue(futures.get(i).get(60, TimeUnit.SECONDS), "scan " + i + " got the verdict of its content");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class Counting extends FilterInputStream {
        long read;

        Counting(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
