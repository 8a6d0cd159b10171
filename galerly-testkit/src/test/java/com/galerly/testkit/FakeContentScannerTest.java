/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.scan.ContentScanner;
import com.galerly.testkit.image.JpegMarkers;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeContentScannerTest extends ContentScannerContract {
    private static final String MARKER = "GALERLY-TEST-MALWARE-MARKER";

    @Override
    protected ContentScanner scanner() {
        return new FakeContentScanner().detect("Test-Marker", MARKER);
    }

    @Override
    protected ContentScanner capped(long maxBytes) {
        return new FakeContentScanner(maxBytes);
    }

    @Override
    protected ContentScanner unavailable() {
        return new FakeContentScanner().down("clamd restarting");
    }

    @Override
    protected List<Infected> infected() {
        return List.of(new Infected("eicar.com", eicar(), FakeContentScanner.EICAR_SIGNATURE),
                new Infected("marked.jpg", JpegMarkers.insert(cleanPhoto(), JpegMarkers.comment(MARKER)), "Test-Marker"));
    }

    @Test
    void upAgainAfterDownScansAgainAndCountsEveryCall() {
        FakeContentScanner scanner = new FakeContentScanner().down("restart");
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> scanner.scan("p", 1, new ByteArrayInputStream(new byte[1])));
        assertTrue(e.getMessage().contains("restart"), e.getMessage());
        scanner.up();
        assertTrue(scanner.scan("p", 1, new ByteArrayInputStream(new byte[1])).clean());
        assertEquals(2, scanner.scans());
    }

    @Test
    void anEmptyPatternIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FakeContentScanner().detect("x", new byte[0]));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, assertThrows(GalerlyException.class,
                () -> new FakeContentScanner(1).scan("p", 2, new ByteArrayInputStream(new byte[2]))).code());
    }
}
