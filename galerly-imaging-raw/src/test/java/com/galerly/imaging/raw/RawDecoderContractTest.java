/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.Size;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.raw.RawFixtures.Container;
import com.galerly.imaging.testkit.ImageDecoderContract;
import org.junit.jupiter.api.Nested;

/**
 * {@link RawDecoder} passes galerly-imaging-testkit's {@link ImageDecoderContract} for every container it reads, on
 * the fixtures of {@link RawFixtures} (each with a JPEG preview of the quadrants, stored upright).
 */
class RawDecoderContractTest {
    private static final RawDecoder DECODER = new RawDecoder();

    abstract static class Raw extends ImageDecoderContract {
        private final Container container;

        Raw(Container container) {
            this.container = container;
        }

        @Override
        protected ImageDecoder decoder() {
            return DECODER;
        }

        @Override
        protected ImageFormat format() {
            return ImageFormat.RAW;
        }

        @Override
        protected byte[] sample() {
            return RawFixtures.of(container, 1).bytes();
        }

        @Override
        protected Size sampleSize() {
            return new Size(RawFixtures.W, RawFixtures.H);
        }

        @Override
        protected int tolerance() {
            return 24;
        }
    }

    @Nested
    class Cr2 extends Raw {
        Cr2() {
            super(Container.CR2);
        }
    }

    @Nested
    class Cr3 extends Raw {
        Cr3() {
            super(Container.CR3);
        }
    }

    @Nested
    class Nef extends Raw {
        Nef() {
            super(Container.NEF);
        }
    }

    @Nested
    class Arw extends Raw {
        Arw() {
            super(Container.ARW);
        }
    }

    @Nested
    class Dng extends Raw {
        Dng() {
            super(Container.DNG);
        }
    }

    @Nested
    class Orf extends Raw {
        Orf() {
            super(Container.ORF);
        }
    }

    @Nested
    class Pef extends Raw {
        Pef() {
            super(Container.PEF);
        }
    }

    @Nested
    class Rw2 extends Raw {
        Rw2() {
            super(Container.RW2);
        }
    }

    @Nested
    class Raf extends Raw {
        Raf() {
            super(Container.RAF);
        }
    }
}
