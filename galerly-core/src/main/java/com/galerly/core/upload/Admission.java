/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.ErrorCode;
import com.galerly.core.PhotoKey;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.scan.ScanVerdict;
import com.galerly.core.spi.Checks;
import com.galerly.core.storage.BlobMetadata;
import java.util.List;

/** What {@link Quarantine#admit} decided about an upload. */
public sealed interface Admission {
    /**
     * The upload passed and was promoted: {@code original} is the promoted object; the incoming one is deleted.
     *
     * @param original the promoted original (a HEAD of it)
     * @param format   the sniffed format
     * @param sha256   lower-case hex SHA-256 of the uploaded bytes
     * @param verdict  the scanner's verdict (clean)
     * @param scrubbed what the metadata scrubber removed
     */
    record Promoted(BlobMetadata original, ImageFormat format, String sha256, ScanVerdict verdict,
                    List<String> scrubbed) implements Admission {
        public Promoted {
            Checks.notNull(original, "original");
            Checks.notNull(format, "format");
            Checks.notBlank(sha256, "sha256");
            scrubbed = List.copyOf(scrubbed);
        }
    }

    /**
     * The upload was refused and deleted.
     *
     * @param code    the stable reason
     * @param message what was wrong, for the record and the user
     */
    record Refused(ErrorCode code, String message) implements Admission {
        public Refused {
            Checks.notNull(code, "code");
            Checks.notBlank(message, "message");
        }
    }

    /**
     * The upload has the same bytes as {@code existing} and the policy is {@link DuplicatePolicy#LINK}: it was
     * deleted and resolves to that photo.
     *
     * @param existing the photo holding the bytes
     * @param sha256   their digest
     */
    record Linked(PhotoKey existing, String sha256) implements Admission {
        public Linked {
            Checks.notNull(existing, "existing");
        }
    }
}
