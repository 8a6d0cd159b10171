/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of libheif's C API (heif.h, 1.9 and later) Galerly calls, bound with JNA. Every function that can fail
 * returns a {@link HeifError} by value; pointers are opaque ({@code heif_context*}, {@code heif_image_handle*},
 * {@code heif_image*}) and released by the matching free/release call.
 */
public interface LibHeif extends Library {
    int COLORSPACE_RGB = 1;
    int CHROMA_INTERLEAVED_RGB = 10;
    int CHROMA_INTERLEAVED_RGBA = 11;
    int CHROMA_INTERLEAVED_RRGGBB_BE = 12;
    int CHROMA_INTERLEAVED_RRGGBBAA_BE = 13;
    int CHROMA_INTERLEAVED_RRGGBB_LE = 14;
    int CHROMA_INTERLEAVED_RRGGBBAA_LE = 15;
    int CHANNEL_INTERLEAVED = 10;
    int COMPRESSION_HEVC = 1;
    int COMPRESSION_AV1 = 4;
    int PROFILE_NCLX = 0x6E636C78;
    int PROFILE_RICC = 0x72494343;
    int PROFILE_PROF = 0x70726F66;

    /** {@code struct heif_error}: code 0 is success; the message is static, never freed. */
    @Structure.FieldOrder({"code", "subcode", "message"})
    class HeifError extends Structure implements Structure.ByValue {
        public int code;
        public int subcode;
        public String message;
    }

    /** {@code struct heif_color_profile_nclx} (version 1 fields). */
    @Structure.FieldOrder({"version", "colorPrimaries", "transferCharacteristics", "matrixCoefficients",
        "fullRangeFlag", "redX", "redY", "greenX", "greenY", "blueX", "blueY", "whiteX", "whiteY"})
    class Nclx extends Structure {
        public byte version;
        public int colorPrimaries;
        public int transferCharacteristics;
        public int matrixCoefficients;
        public byte fullRangeFlag;
        public float redX;
        public float redY;
        public float greenX;
        public float greenY;
        public float blueX;
        public float blueY;
        public float whiteX;
        public float whiteY;

        public Nclx(Pointer p) {
            super(p);
            read();
        }

        public Nclx() {
        }
    }

    String heif_get_version();

    int heif_get_version_number();

    HeifError heif_init(Pointer params);

    int heif_have_decoder_for_format(int format);

    Pointer heif_context_alloc();

    void heif_context_free(Pointer context);

    /** Limits width x height to {@code maximumWidth} squared (libheif 1.4 and later). */
    void heif_context_set_maximum_image_size_limit(Pointer context, int maximumWidth);

    HeifError heif_context_read_from_file(Pointer context, String filename, Pointer options);

    HeifError heif_context_read_from_memory_without_copy(Pointer context, Pointer memory, long size, Pointer options);

    HeifError heif_context_get_primary_image_handle(Pointer context, PointerByReference handle);

    void heif_image_handle_release(Pointer handle);

    int heif_image_handle_get_width(Pointer handle);

    int heif_image_handle_get_height(Pointer handle);

    int heif_image_handle_has_alpha_channel(Pointer handle);

    int heif_image_handle_get_luma_bits_per_pixel(Pointer handle);

    int heif_image_handle_get_color_profile_type(Pointer handle);

    long heif_image_handle_get_raw_color_profile_size(Pointer handle);

    HeifError heif_image_handle_get_raw_color_profile(Pointer handle, Pointer out);

    HeifError heif_image_handle_get_nclx_color_profile(Pointer handle, PointerByReference out);

    void heif_nclx_color_profile_free(Pointer nclx);

    int heif_image_handle_get_number_of_metadata_blocks(Pointer handle, String type);

    int heif_image_handle_get_list_of_metadata_block_IDs(Pointer handle, String type, int[] ids, int count);

    long heif_image_handle_get_metadata_size(Pointer handle, int id);

    HeifError heif_image_handle_get_metadata(Pointer handle, int id, Pointer out);

    HeifError heif_decode_image(Pointer handle, PointerByReference image, int colorspace, int chroma, Pointer options);

    Pointer heif_image_get_plane_readonly(Pointer image, int channel, IntByReference stride);

    int heif_image_get_width(Pointer image, int channel);

    int heif_image_get_height(Pointer image, int channel);

    int heif_image_is_premultiplied_alpha(Pointer image);

    void heif_image_release(Pointer image);
}
