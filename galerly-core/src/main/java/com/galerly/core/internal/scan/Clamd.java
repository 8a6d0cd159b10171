/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.scan;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * clamd's INSTREAM exchange: {@code zINSTREAM\0}, then chunks each prefixed by its length (4 bytes, big endian),
 * then a zero length; the answer is one NUL-terminated line. Blocking channels for TCP and Unix sockets alike;
 * a watchdog closes the channel when the connect or the whole exchange overruns its timeout.
 */
public final class Clamd {
    private static final int MAX_REPLY = 4096;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "galerly-clamd-watchdog");
        t.setDaemon(true);
        return t;
    });

    private Clamd() {
    }

    /** Streams {@code content} and returns clamd's answer without the trailing NUL. */
    public static String instream(SocketAddress address, InputStream content, int chunkSize, long maxBytes,
                                  Duration connectTimeout, Duration timeout, String name) {
        AtomicBoolean timedOut = new AtomicBoolean();
        SocketChannel channel = null;
        ScheduledFuture<?> watchdog = null;
        String phase = "connecting to";
        try {
            channel = SocketChannel.open(address instanceof UnixDomainSocketAddress
                    ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
            SocketChannel open = channel;
            watchdog = WATCHDOG.schedule(() -> close(open, timedOut), connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            channel.connect(resolved(address));
            watchdog.cancel(false);
            watchdog = WATCHDOG.schedule(() -> close(open, timedOut), timeout.toMillis(), TimeUnit.MILLISECONDS);
            phase = "streaming to";
            write(channel, ByteBuffer.wrap("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
            byte[] chunk = new byte[chunkSize];
            ByteBuffer length = ByteBuffer.allocate(4);
            long sent = 0;
            int n;
            while ((n = content.readNBytes(chunk, 0, chunk.length)) > 0) {
                sent += n;
                if (sent > maxBytes) {
                    throw new GalerlyException(ErrorCode.LIMIT_EXCEEDED, name + " is longer than the scanner's limit of "
                            + maxBytes + " bytes: it cannot be scanned");
                }
                length.clear();
                length.putInt(n).flip();
                write(channel, length);
                write(channel, ByteBuffer.wrap(chunk, 0, n));
            }
            length.clear();
            length.putInt(0).flip();
            write(channel, length);
            phase = "reading the answer of";
            return readReply(channel);
        } catch (IOException e) {
            String why = timedOut.get() ? "timed out " + phase : "failed " + phase;
            throw new GalerlyException(ErrorCode.SCANNER_UNAVAILABLE, "scanning " + name + " " + why + " clamd at "
                    + address + " (" + e.getMessage() + "); the upload stays in quarantine, retry later", e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static SocketAddress resolved(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
            return new InetSocketAddress(inet.getHostString(), inet.getPort());
        }
        return address;
    }

    private static void write(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static String readReply(SocketChannel channel) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(512);
        while (reply.size() < MAX_REPLY) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b == 0) {
                    return reply.toString(StandardCharsets.US_ASCII).trim();
                }
                reply.write(b);
            }
        }
        if (reply.size() == 0) {
            throw new IOException("clamd closed the connection without an answer");
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }

    private static void close(SocketChannel channel, AtomicBoolean timedOut) {
        timedOut.set(true);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is the point
        }
    }
}
