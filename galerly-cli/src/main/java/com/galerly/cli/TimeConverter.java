/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a TIME argument as CLI.md defines it: epoch seconds, or ISO-8601 (a date, meaning 00:00 UTC, or a
 * date-time with a zone or offset).
 */
final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return parse(value);
    }

    static Instant parse(String value) {
        String v = value.strip();
        if (v.matches("-?\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notAnOffset) {
                return ZonedDateTime.parse(v).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a time: use epoch seconds or ISO-8601 like 2026-03-01 or 2026-03-01T10:00:00Z");
        }
    }
}
