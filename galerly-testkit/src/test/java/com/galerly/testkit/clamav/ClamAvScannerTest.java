/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.clamav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.scan.ClamAvScanner;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scan.ScanVerdict;
import com.galerly.testkit.ContentScannerContract;
import com.galerly.testkit.image.JpegMarkers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ClamAvScanner} against a real clamd (Debian clamav-daemon) with a test signature database: the
 * {@link ContentScannerContract}, then what is particular to clamd (both transports, INSTREAM chunks, its own
 * StreamMaxLength, timeouts).
 */
class ClamAvScannerTest extends ContentScannerContract {
    @RegisterExtension
    static final ClamdExtension CLAMD = new ClamdExtension();

    private static ScanVerdict scan(ClamAvScanner scanner, byte[] bytes) {
        return scanner.scan("sample", bytes.length, new ByteArrayInputStream(bytes));
    }

    private static ClamAvScanner tcp() {
        return ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).build();
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ContentScanner scanner() {
        return tcp();
    }

    @Override
    protected ContentScanner capped(long maxBytes) {
        return ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).maxBytes(maxBytes).build();
    }

    @Override
    protected ContentScanner unavailable() {
        return ClamAvScanner.builder().tcp("127.0.0.1", closedPort()).build();
    }

    @Override
    protected List<Infected> infected() {
        byte[] marked = JpegMarkers.insert(cleanPhoto(), JpegMarkers.comment(ClamdExtension.MARKER));
        return List.of(new Infected("eicar.com", eicar(), ClamdExtension.SIGNATURE + ".UNOFFICIAL"),
                new Infected("marked.jpg", marked, ClamdExtension.MARKER_SIGNATURE + ".UNOFFICIAL"),
                new Infected("large.bin", ClamdExtension.largeSample(), ClamdExtension.LARGE_SIGNATURE + ".UNOFFICIAL"));
    }

    @Test
    void eicarIsInfectedOverTcpAndUnixSocket() {
        ScanVerdict overTcp = scan(tcp(), ClamdExtension.eicar());
        assertFalse(overTcp.clean());
        assertEquals(ClamdExtension.SIGNATURE + ".UNOFFICIAL", overTcp.signature());
        assertEquals("clamav", overTcp.scanner());

        ScanVerdict overSocket = scan(ClamAvScanner.builder().unixSocket(CLAMD.socket()).build(), ClamdExtension.eicar());
        assertEquals(overTcp, overSocket);
    }

    @Test
    void contentAcrossManySmallChunksIsReassembled() {
        ClamAvScanner smallChunks = ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).chunkSize(1024).build();
        ScanVerdict verdict = scan(smallChunks, ClamdExtension.largeSample());   // 98 chunks
        assertEquals(ClamdExtension.LARGE_SIGNATURE + ".UNOFFICIAL", verdict.signature());
        byte[] almost = ClamdExtension.largeSample();
        almost[almost.length - 1] ^= 1;
        assertTrue(scan(smallChunks, almost).clean());
    }

    @Test
    void contentOverTheCapIsRefusedNeverPassed() {
        ClamAvScanner capped = ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).maxBytes(60).build();
        GalerlyException e = assertThrows(GalerlyException.class, () -> scan(capped, ClamdExtension.eicar()));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("68 bytes"), e.getMessage());

        // the daemon's own StreamMaxLength: never "clean"
        ClamAvScanner uncapped = ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).maxBytes(1L << 30).build();
        byte[] big = new byte[(int) ClamdExtension.STREAM_MAX_BYTES + 300_000];
        GalerlyException daemon = assertThrows(GalerlyException.class, () -> scan(uncapped, big));
        assertTrue(daemon.code() == ErrorCode.LIMIT_EXCEEDED || daemon.code() == ErrorCode.SCANNER_UNAVAILABLE,
                daemon.toString());
    }

    @Test
    void aDaemonThatIsDownIsARetryableErrorNotClean() throws Exception {
        ClamAvScanner down = ClamAvScanner.builder().tcp("127.0.0.1", closedPort()).build();
        GalerlyException e = assertThrows(GalerlyException.class, () -> scan(down, ClamdExtension.eicar()));
        assertEquals(ErrorCode.SCANNER_UNAVAILABLE, e.code());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("clamd"), e.getMessage());
    }

    @Test
    void aDaemonThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    Thread.sleep(5_000);
                } catch (Exception ignored) {
                    // the scanner hung up
                }
            });
            accept.setDaemon(true);
            accept.start();
            ClamAvScanner slow = ClamAvScanner.builder().tcp("127.0.0.1", silent.getLocalPort())
                    .timeout(Duration.ofSeconds(1)).build();
            GalerlyException e = assertThrows(GalerlyException.class, () -> scan(slow, ClamdExtension.eicar()));
            assertEquals(ErrorCode.SCANNER_UNAVAILABLE, e.code());
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }
}
