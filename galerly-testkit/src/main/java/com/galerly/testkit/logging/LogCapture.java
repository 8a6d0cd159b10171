/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what a logger (and its children) logs, at DEBUG and above, while open: for tests that assert a
 * log line, or that no secret is ever logged. Needs logback as the test's SLF4J binding
 * ({@code ch.qos.logback:logback-classic}, an optional dependency of galerly-testkit).
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("com.galerly")) {
 *     handler.handle(event);
 *     assertTrue(log.text().contains("code IO_ERROR"));
 *     assertFalse(log.text().contains(secretKey));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final boolean previousAdditive;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    private LogCapture(String name) {
        org.slf4j.Logger l = LoggerFactory.getLogger(name);
        if (!(l instanceof Logger)) {
            throw new IllegalStateException("LogCapture needs logback as the SLF4J binding, found " + l.getClass());
        }
        this.logger = (Logger) l;
        this.previous = logger.getLevel();
        this.previousAdditive = logger.isAdditive();
        appender.setContext(logger.getLoggerContext());
        appender.setName("galerly-capture");
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);                  // keep the test's console quiet
    }

    /** Starts capturing {@code loggerName} and the loggers under it, at DEBUG. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Every event captured so far. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** The formatted lines at {@code level}. */
    public List<String> lines(String level) {
        return events.stream().filter(e -> e.getLevel().toString().equals(level)).map(LogCapture::format).toList();
    }

    /** Everything captured as one text: level, logger, message, MDC and the stack traces of causes. */
    public String text() {
        return events.stream().map(LogCapture::format).collect(Collectors.joining("\n"));
    }

    private static String format(ILoggingEvent e) {
        String line = e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()
                + (e.getMDCPropertyMap().isEmpty() ? "" : " " + e.getMDCPropertyMap());
        return e.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previous);
        logger.setAdditive(previousAdditive);
    }
}
