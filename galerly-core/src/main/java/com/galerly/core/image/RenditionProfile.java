/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The ladder of renditions made from every original, processed from one decode.
 *
 * <pre>{@code
 * RenditionProfile standard = RenditionProfile.standard();   // thumbnail, small, medium, large; JPEG q85
 * RenditionProfile webp = standard.withFormat(ImageFormat.WEBP).withQuality(80);
 * RenditionProfile custom = RenditionProfile.builder().name("tiny")
 *     .add(s -> s.name("thumb").box(200, 200).fit(Fit.COVER))
 *     .build();
 * }</pre>
 */
public final class RenditionProfile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final RenditionProfile STANDARD = builder().name("standard")
            .add(s -> s.name("thumbnail").box(400, 400).fit(Fit.COVER))
            .add(s -> s.name("small").box(800, 600).fit(Fit.INSIDE))
            .add(s -> s.name("medium").box(2000, 2000).fit(Fit.INSIDE))
            .add(s -> s.name("large").box(4000, 4000).fit(Fit.INSIDE))
            .build();

    private final String name;
    private final List<RenditionSpec> specs;

    private RenditionProfile(String name, List<RenditionSpec> specs) {
        this.name = name;
        this.specs = List.copyOf(specs);
    }

    /** thumbnail 400x400 COVER, small 800x600 INSIDE, medium 2000x2000 INSIDE, large 4000x4000 INSIDE; JPEG q85. */
    public static RenditionProfile standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** The specs in order. */
    public List<RenditionSpec> specs() {
        return specs;
    }

    public Optional<RenditionSpec> spec(String specName) {
        return specs.stream().filter(s -> s.name().equals(specName)).findFirst();
    }

    /** The same ladder with every rendition in {@code format}. */
    public RenditionProfile withFormat(ImageFormat format) {
        return map(s -> s.format(format));
    }

    /** The same ladder with every rendition at {@code quality}. */
    public RenditionProfile withQuality(int quality) {
        return map(s -> s.quality(quality));
    }

    private RenditionProfile map(Consumer<RenditionSpec.Builder> change) {
        List<RenditionSpec> changed = new ArrayList<>(specs.size());
        for (RenditionSpec spec : specs) {
            RenditionSpec.Builder b = spec.toBuilder();
            change.accept(b);
            changed.add(b.build());
        }
        return new RenditionProfile(name, changed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenditionProfile p && name.equals(p.name) && specs.equals(p.specs);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + specs.hashCode();
    }

    @Override
    public String toString() {
        return "RenditionProfile[" + name + ": " + specs + "]";
    }

    /** Builds a {@link RenditionProfile}: a name and at least one spec, names unique. */
    public static final class Builder {
        private String name = "custom";
        private final List<RenditionSpec> specs = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        public Builder name(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("profile name must be 1..64 of A-Z a-z 0-9 . _ -, was "
                        + Checks.quote(name));
            }
            this.name = name;
            return this;
        }

        public Builder add(RenditionSpec spec) {
            Checks.notNull(spec, "spec");
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("duplicate rendition name " + spec.name());
            }
            specs.add(spec);
            return this;
        }

        public Builder add(Consumer<RenditionSpec.Builder> spec) {
            return add(RenditionSpec.of(spec));
        }

        public RenditionProfile build() {
            if (specs.isEmpty()) {
                throw new IllegalStateException("profile " + name + " needs at least one rendition");
            }
            return new RenditionProfile(name, specs);
        }
    }
}
