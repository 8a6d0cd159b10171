/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scan;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.internal.scan.Clamd;
import com.galerly.core.spi.Checks;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@link ContentScanner} that streams content to a ClamAV daemon ({@code clamd}) with its {@code INSTREAM}
 * command, over TCP or a Unix socket. One connection per scan; thread-safe.
 *
 * <ul>
 *   <li>Content is sent in chunks of {@code chunkSize} bytes; content over {@code maxBytes} is refused with
 *       {@code LIMIT_EXCEEDED} before anything is sent (set it to clamd's {@code StreamMaxLength}, 25 MiB by
 *       default, or raise both).</li>
 *   <li>clamd down, a connection or answer slower than the timeouts, or an {@code ERROR} answer is
 *       {@code SCANNER_UNAVAILABLE}, retryable: the upload stays in quarantine, never "clean".</li>
 * </ul>
 *
 * <pre>{@code
 * ContentScanner scanner = ClamAvScanner.builder()
 *     .unixSocket(Path.of("/run/clamav/clamd.ctl"))     // or .tcp("127.0.0.1", 3310)
 *     .maxBytes(100L * 1024 * 1024)                     // clamd.conf: StreamMaxLength 100M
 *     .timeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class ClamAvScanner implements ContentScanner {
    /** clamd's default StreamMaxLength: 25 MiB. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

    private final SocketAddress address;
    private final int chunkSize;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration timeout;

    private ClamAvScanner(Builder b) {
        this.address = b.address;
        this.chunkSize = b.chunkSize;
        this.maxBytes = b.maxBytes;
        this.connectTimeout = b.connectTimeout;
        this.timeout = b.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ScanVerdict scan(String name, long length, InputStream content) {
        Checks.notNull(content, "content");
        if (length > maxBytes) {
            throw new GalerlyException(ErrorCode.LIMIT_EXCEEDED, name + " has " + length
                    + " bytes, over the scanner's limit of " + maxBytes + " bytes: it cannot be scanned");
        }
        String reply = Clamd.instream(address, content, chunkSize, maxBytes, connectTimeout, timeout, name);
        // "stream: OK", "stream: <signature> FOUND", "<message> ERROR"
        String answer = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        if (answer.equals("OK")) {
            return ScanVerdict.clean(name());
        }
        if (answer.endsWith(" FOUND")) {
            return ScanVerdict.infected(answer.substring(0, answer.length() - " FOUND".length()).trim(), name());
        }
        if (reply.contains("size limit exceeded")) {
            throw new GalerlyException(ErrorCode.LIMIT_EXCEEDED, "clamd at " + address + " refused " + name
                    + " as over its StreamMaxLength (" + reply + "); raise it and maxBytes together");
        }
        throw new GalerlyException(ErrorCode.SCANNER_UNAVAILABLE, "clamd at " + address + " gave no verdict for "
                + name + ": " + reply);
    }

    @Override
    public String name() {
        return "clamav";
    }

    @Override
    public String toString() {
        return "ClamAvScanner[" + address + ", chunk=" + chunkSize + ", maxBytes=" + maxBytes + ", timeout=" + timeout
                + "]";
    }

    /** Builds a {@link ClamAvScanner}; an address ({@link #tcp} or {@link #unixSocket}) is required. */
    public static final class Builder {
        private SocketAddress address;
        private int chunkSize = 64 * 1024;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** clamd's TCP socket ({@code TCPSocket} / {@code TCPAddr} in clamd.conf). */
        public Builder tcp(String host, int port) {
            Checks.notBlank(host, "host");
            Checks.inRange(port, 1, 65535, "port");
            this.address = InetSocketAddress.createUnresolved(host, port);
            return this;
        }

        /** clamd's Unix socket ({@code LocalSocket} in clamd.conf). */
        public Builder unixSocket(Path socket) {
            this.address = UnixDomainSocketAddress.of(Checks.notNull(socket, "socket"));
            return this;
        }

        /** Bytes per INSTREAM chunk: 1 KiB to 8 MiB, default 64 KiB. */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = Checks.inRange(chunkSize, 1024, 8 * 1024 * 1024, "chunkSize");
            return this;
        }

        /** The largest content scanned (clamd's StreamMaxLength); larger content is refused, never passed. */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = Checks.positive(maxBytes, "maxBytes");
            return this;
        }

        /** How long connecting may take: 100 ms to 1 minute, default 5 seconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Checks.within(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(1),
                    "connectTimeout");
            return this;
        }

        /** How long a whole scan may take, sending and answering: 1 second to 15 minutes, default 60 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.within(timeout, Duration.ofSeconds(1), Duration.ofMinutes(15), "timeout");
            return this;
        }

        public ClamAvScanner build() {
            if (address == null) {
                throw new IllegalStateException("an address is required: tcp(host, port) or unixSocket(path)");
            }
            return new ClamAvScanner(this);
        }
    }
}
