/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.property.Cases;
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

    private record Pair(String a, String b) {
    }

    @Test
    void isAConsistentOrder() {
        Cases.check(500, g -> new Pair(g.string("0123456789ABCDEF", 0, 24), g.string("0123456789ABCDEF", 0, 24)),
                pair -> {
                    String a = pair.a();
                    String b = pair.b();
                    assertEquals(Integer.signum(Sequencers.compare(a, b)), -Integer.signum(Sequencers.compare(b, a)));
                    assertEquals(0, Sequencers.compare(a, a + "000"));
                    assertEquals(Integer.signum(pad(a, 30).compareTo(pad(b, 30))),
                            Integer.signum(Sequencers.compare(a, b)));
                });
    }

    private static String pad(String s, int length) {
        return s + "0".repeat(length - s.length());
    }
}
