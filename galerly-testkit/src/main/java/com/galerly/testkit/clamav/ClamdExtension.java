/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.clamav;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real ClamAV daemon ({@code clamd}, Debian package {@code clamav-daemon}) as a child process on a free
 * loopback port and a Unix socket, with a one-line signature database that detects the EICAR test file (the
 * official databases are not needed). Starts in about 3 seconds.
 *
 * <p>When {@code clamd} is not installed the tests are skipped with the reason printed (install
 * {@code clamav-daemon}); every other failure to start fails them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ClamdExtension CLAMD = new ClamdExtension();
 *
 * ContentScanner scanner = ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).build();
 * scanner.scan("eicar", ClamdExtension.eicar().length, new ByteArrayInputStream(ClamdExtension.eicar()));
 * }</pre>
 */
public final class ClamdExtension implements BeforeAllCallback, AfterAllCallback {
    /** The name the test database gives the EICAR test file; clamd reports it with {@code .UNOFFICIAL}. */
    public static final String SIGNATURE = "Galerly-Test-EICAR";
    /**
     * Text the test database detects anywhere in any file (an {@code .ndb} body signature, reported as
     * {@link #MARKER_SIGNATURE}): put it in a real image (a JPEG comment) to have an "infected" photo.
     */
    public static final String MARKER = "GALERLY-TEST-MALWARE-MARKER";
    /** The name the test database gives {@link #MARKER}. */
    public static final String MARKER_SIGNATURE = "Galerly-Test-Marker";
    /** The name the test database gives {@link #largeSample()}. */
    public static final String LARGE_SIGNATURE = "Galerly-Test-Large";
    /** clamd's StreamMaxLength in this configuration. */
    public static final long STREAM_MAX_BYTES = 2L * 1024 * 1024;

    private static final List<String> CANDIDATES = List.of("/usr/sbin/clamd", "/usr/bin/clamd",
            "/usr/local/sbin/clamd");
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private Process process;
    private Path dir;
    private int port;
    private int depth;

    /** The 68-byte EICAR anti-virus test file (harmless; every scanner detects it). */
    public static byte[] eicar() {
        return com.galerly.testkit.ContentScannerContract.eicar();
    }

    /**
     * A 100,000-byte sample the test database also detects (as {@link #LARGE_SIGNATURE}), to test content that
     * crosses many INSTREAM chunks.
     */
    public static byte[] largeSample() {
        byte[] b = new byte[100_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    /** The TCP port clamd listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The Unix socket clamd listens on. */
    public Path socket() {
        return dir.resolve("clamd.sock");
    }

    /** Stops clamd (to test a scanner facing a daemon that is down); it is not restarted. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (depth++ > 0) {
            return;
        }
        Path clamd = CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (clamd == null) {
            String reason = "clamd is not installed (Debian: apt-get install clamav-daemon); ClamAV tests skipped";
            System.out.println("SKIPPED: " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        dir = Files.createTempDirectory("galerly-clamd");
        Files.writeString(dir.resolve("test.hdb"), md5(eicar()) + ":" + eicar().length + ":" + SIGNATURE + "\n"
                + md5(largeSample()) + ":" + largeSample().length + ":" + LARGE_SIGNATURE + "\n");
        Files.writeString(dir.resolve("test.ndb"), MARKER_SIGNATURE + ":0:*:"
                + HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(dir.resolve("clamd.conf"), String.join("\n",
                "Foreground yes",
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "LocalSocket " + socket(),
                "DatabaseDirectory " + dir,
                "TemporaryDirectory " + dir,
                "StreamMaxLength " + STREAM_MAX_BYTES / 1024 + "K",
                "SelfCheck 0",
                ""));
        process = new ProcessBuilder(clamd.toString(), "-c", dir.resolve("clamd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.log").toFile()).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!ping()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                String log = Files.readString(dir.resolve("clamd.log"));
                boolean exited = !process.isAlive();
                stop();
                throw new IllegalStateException("clamd " + (exited ? "exited at start" : "did not answer PING in "
                        + START_TIMEOUT_MILLIS / 1000 + " s") + "; its log:\n" + log);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (--depth > 0) {
            return;
        }
        stop();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(4);
            return new String(reply, StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
