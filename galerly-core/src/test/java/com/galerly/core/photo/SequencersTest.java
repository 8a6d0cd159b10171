/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SequencersTest {
    @Test
    void comparesAfterRightPaddingWithZeros() {
        assertTrue(Sequencers.compare("0055AED6DCD90281E5", "0055AED6DCD90281E6") < 0);
        assertEquals(0, Sequencers.compare("0055AED6DCD90281E6", "0055AED6DCD90281E600"));
        assertTrue(Sequencers.compare("0055AED6DCD90281E6", "0055AED6DCD90281E601") < 0);
        assertTrue(Sequencers.compare("0055AED6DCD90281E7", "0055AED6DCD90281E6FF") > 0);
        assertEquals(0, Sequencers.compare("00ab", "00AB"));
        assertTrue(Sequencers.compare(null, "00") < 0);
        assertEquals(0, Sequencers.compare(null, null));
    }

    @Property(tries = 500)
    void isAConsistentOrder(@ForAll @StringLength(max = 24) @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'F') String a,
                            @ForAll @StringLength(max = 24) @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'F') String b) {
        assertEquals(Integer.signum(Sequencers.compare(a, b)), -Integer.signum(Sequencers.compare(b, a)));
        assertEquals(0, Sequencers.compare(a, a + "000"));
        String pa = pad(a, 30);
        String pb = pad(b, 30);
        assertEquals(Integer.signum(pa.compareTo(pb)), Integer.signum(Sequencers.compare(a, b)));
    }

    private static String pad(String s, int length) {
        return s + "0".repeat(length - s.length());
    }
}
