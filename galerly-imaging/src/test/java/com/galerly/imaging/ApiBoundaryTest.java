/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The public API of galerly-imaging never exposes its internal package, and the SPI depends on no codec library. */
class ApiBoundaryTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.galerly.imaging");

    @Test
    void publicSignaturesNeverMentionInternalTypes() {
        ArchRuleDefinition.classes().that().resideInAPackage("com.galerly.imaging").and().arePublic()
                .should(new ArchCondition<JavaClass>("not expose com.galerly.imaging.internal in public signatures") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                                continue;
                            }
                            for (JavaClass used : unit.getAllInvolvedRawTypes()) {
                                if (used.getPackageName().startsWith("com.galerly.imaging.internal")) {
                                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes "
                                            + used.getName()));
                                }
                            }
                        }
                    }
                }).check(CLASSES);
    }

    @Test
    void theSpiNeedsNoCodecLibrary() {
        noClasses().that().resideInAPackage("com.galerly.imaging").should().dependOnClassesThat()
                .resideInAnyPackage("com.twelvemonkeys..", "com.luciad..").check(CLASSES);
    }
}
