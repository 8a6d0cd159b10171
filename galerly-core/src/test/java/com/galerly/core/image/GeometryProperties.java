/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.property.Cases;
import com.galerly.core.property.Cases.Generator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The rendition geometry of DESIGN.md, for every source size and box. */
class GeometryProperties {

    /** A source up to 60,000 pixels a side and a box up to 8,000. */
    private record SourceAndBox(int w, int h, int bw, int bh) {
        static SourceAndBox draw(Generator g) {
            return new SourceAndBox(g.ints(1, 60_000), g.ints(1, 60_000), g.ints(1, 8_000), g.ints(1, 8_000));
        }
    }

    private static RenditionSpec spec(int bw, int bh, Fit fit) {
        return RenditionSpec.builder().name("r").box(bw, bh).fit(fit).build();
    }

    /**
     * DESIGN.md's INSIDE rule, {@code max(1, round(dim * min(1, bw/w, bh/h)))}, computed in exact decimal
     * arithmetic: the scale is kept as the fraction num/den so that halfway cases round exactly.
     */
    private static int insideDimension(int dim, int w, int h, int bw, int bh) {
        long num = 1;
        long den = 1;
        if ((long) bw * den < num * (long) w) {          // bw/w < current scale
            num = bw;
            den = w;
        }
        if ((long) bh * den < num * (long) h) {          // bh/h < current scale
            num = bh;
            den = h;
        }
        BigDecimal exact = BigDecimal.valueOf(dim).multiply(BigDecimal.valueOf(num))
                .divide(BigDecimal.valueOf(den), 30, RoundingMode.HALF_EVEN);
        return Math.max(1, exact.setScale(0, RoundingMode.HALF_UP).intValueExact());
    }

    @Test
    void insideFollowsTheFormulaAndNeverUpscales() {
        Cases.check(3000, SourceAndBox::draw, GeometryProperties::insideFollowsTheFormula);
    }

    private static void insideFollowsTheFormula(SourceAndBox c) {
        int w = c.w();
        int h = c.h();
        int bw = c.bw();
        int bh = c.bh();
        ResizePlan plan = spec(bw, bh, Fit.INSIDE).plan(Size.of(w, h));
        assertEquals(new Region(0, 0, w, h), plan.crop());
        assertEquals(Size.of(insideDimension(w, w, h, bw, bh), insideDimension(h, w, h, bw, bh)), plan.output());
        assertTrue(plan.output().width() <= Math.min(w, bw) || plan.output().width() == 1, plan::toString);
        assertTrue(plan.output().height() <= Math.min(h, bh) || plan.output().height() == 1, plan::toString);
        assertTrue(plan.output().width() == Math.min(w, bw) || plan.output().height() == Math.min(h, bh)
                || plan.output().width() == 1 || plan.output().height() == 1, "one side fills its limit: " + plan);
    }

    @Test
    void coverFillsTheBoxWithACentredCropAndNeverUpscales() {
        Cases.check(3000, SourceAndBox::draw, GeometryProperties::coverFillsTheBox);
    }

    private static void coverFillsTheBox(SourceAndBox c) {
        int w = c.w();
        int h = c.h();
        int bw = c.bw();
        int bh = c.bh();
        Size source = Size.of(w, h);
        ResizePlan plan = spec(bw, bh, Fit.COVER).plan(source);
        Region crop = plan.crop();
        Size out = plan.output();
        assertTrue(crop.within(source), plan::toString);
        assertTrue(out.width() <= bw && out.height() <= bh, plan::toString);
        assertTrue(out.width() <= crop.width() && out.height() <= crop.height(), "never upscales: " + plan);
        int left = crop.x();
        int right = w - crop.x() - crop.width();
        int top = crop.y();
        int bottom = h - crop.y() - crop.height();
        assertTrue(right - left == 0 || right - left == 1, "centred horizontally: " + plan);
        assertTrue(bottom - top == 0 || bottom - top == 1, "centred vertically: " + plan);
        if (w >= bw && h >= bh) {
            assertEquals(Size.of(bw, bh), out, "a source at least as big as the box fills it");
            assertTrue(crop.width() == w || crop.height() == h, "the crop keeps a full side: " + plan);
        } else {
            assertEquals(crop.size(), out, "a source smaller than the box is cropped, not scaled: " + plan);
        }
        // the crop has the output's aspect ratio, to within the rounding of one pixel on the shorter side
        double cropAspect = (double) crop.width() / crop.height();
        double outAspect = (double) out.width() / out.height();
        double tolerance = cropAspect * (1.0 / Math.min(crop.width(), crop.height())
                + 1.0 / Math.min(out.width(), out.height())) * 1.01;
        assertTrue(Math.abs(cropAspect - outAspect) <= tolerance + 1e-9, plan::toString);
    }

    @Test
    void aSquareCoverWithoutUpscalingIsASquareOfTheSmallestSide() {
        Cases.check(1000, g -> Size.of(g.ints(1, 20_000), g.ints(1, 20_000)), source -> {
            int side = Math.min(400, Math.min(source.width(), source.height()));
            assertEquals(Size.of(side, side), spec(400, 400, Fit.COVER).plan(source).output());
        });
    }

    @Test
    void theStandardLadderOfA24MegapixelPhoto() {
        RenditionProfile standard = RenditionProfile.standard();
        Size source = Size.of(6000, 4000);
        assertEquals(Size.of(400, 400), standard.spec("thumbnail").orElseThrow().plan(source).output());
        assertEquals(new Region(1000, 0, 4000, 4000), standard.spec("thumbnail").orElseThrow().plan(source).crop());
        assertEquals(Size.of(800, 533), standard.spec("small").orElseThrow().plan(source).output());
        assertEquals(Size.of(2000, 1333), standard.spec("medium").orElseThrow().plan(source).output());
        assertEquals(Size.of(4000, 2667), standard.spec("large").orElseThrow().plan(source).output());
    }

    @Test
    void smallAndExtremeSources() {
        RenditionProfile standard = RenditionProfile.standard();
        assertEquals(Size.of(300, 300), standard.spec("thumbnail").orElseThrow().plan(Size.of(300, 1000)).output());
        assertEquals(Size.of(1, 600), standard.spec("small").orElseThrow().plan(Size.of(1, 10_000)).output());
        assertEquals(Size.of(800, 1), standard.spec("small").orElseThrow().plan(Size.of(100_000, 3)).output());
        assertEquals(Size.of(640, 480), standard.spec("large").orElseThrow().plan(Size.of(640, 480)).output());
        assertTrue(standard.spec("large").orElseThrow().plan(Size.of(640, 480)).identity());
        assertEquals(Size.of(1, 1), standard.spec("thumbnail").orElseThrow().plan(Size.of(1, 1)).output());
    }

    @Test
    void aNonSquareCoverBoxOnASmallSourceKeepsTheBoxAspect() {
        ResizePlan plan = spec(800, 600, Fit.COVER).plan(Size.of(700, 2000));
        assertEquals(Size.of(700, 525), plan.output());
        assertEquals(new Region(0, 737, 700, 525), plan.crop());
    }
}
