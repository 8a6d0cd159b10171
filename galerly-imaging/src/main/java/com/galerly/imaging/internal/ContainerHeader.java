/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.spi.JpegSegments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStream;

/**
 * What Galerly reads itself from a file's container before handing it to the codec: the stored size and
 * colour model where the container states them, the embedded ICC profile, and EXIF (orientation, camera
 * fields). Readers of ImageIO do not expose these uniformly, and this never touches pixel data.
 *
 * @param width       stored width, or 0 when the container does not say (the codec's header is used)
 * @param height      stored height, or 0
 * @param colorModel  RGB, GRAY, CMYK, YCCK, PALETTE, or null when the codec's type decides
 * @param bits        bits per sample, or 0 when unknown
 * @param alpha       whether the container declares transparency
 * @param icc         the embedded ICC profile, or null
 * @param exif        EXIF tags (orientation 1 when none)
 * @param variant     the coding variant when it is one decoders commonly lack ({@code "12-bit JPEG (extended
 *                    sequential, SOF1)"}, {@code "BMP with CMYK compression (11)"}), named in the refusal; or null
 * @param variantRead whether the installed decoders may still read that variant (a JVM whose libjpeg decodes
 *                    arithmetic coding); when false the variant is refused before decoding
 */
record ContainerHeader(int width, int height, String colorModel, int bits, boolean alpha, byte[] icc, Exif.Tags exif,
                       String variant, boolean variantRead) {
    ContainerHeader(int width, int height, String colorModel, int bits, boolean alpha, byte[] icc, Exif.Tags exif) {
        this(width, height, colorModel, bits, alpha, icc, exif, null, false);
    }

    private static final int MAX_ICC = 4 * 1024 * 1024;
    private static final int MAX_CHUNKS = 4096;

    static ContainerHeader read(ImageFormat format, ImageInputStream in, long length) throws IOException {
        in.setByteOrder(ByteOrder.BIG_ENDIAN);
        in.seek(0);
        ContainerHeader header;
        try {
            header = switch (format) {
                case JPEG -> jpeg(in, length);
                case PNG -> png(in);
                case WEBP -> webp(in);
                case TIFF -> new ContainerHeader(0, 0, null, 0, false, null, Exif.read(in, 0, length));
                case BMP -> bmp(in);
                default -> new ContainerHeader(0, 0, null, 0, false, null, Exif.Tags.NONE);
            };
        } catch (IndexOutOfBoundsException e) {
            // the JDK's MemoryCacheImageInputStream throws this when a chunk length seeks it far past the end
            // (found by ContainerFuzzTest): a length that points out of the file is a truncated file
            throw new java.io.EOFException(format.id() + " header points past the end of the file");
        }
        in.setByteOrder(ByteOrder.BIG_ENDIAN);
        in.seek(0);
        return header;
    }

    private static ContainerHeader jpeg(ImageInputStream in, long length) throws IOException {
        int width = 0;
        int height = 0;
        int bits = 0;
        int components = 0;
        int sof = -1;
        int adobeTransform = -1;
        Exif.Tags exif = null;
        byte[][] iccChunks = null;
        JpegSegments.Input bytes = offset -> {
            in.seek(offset);
            return in.read();
        };
        JpegSegments segments = JpegSegments.of(bytes, 2, length > 2 ? length : Long.MAX_VALUE);
        for (int n = 0; n < MAX_CHUNKS && segments.next(); n++) {
            int marker = segments.marker();
            if (marker == JpegSegments.SOS || marker == JpegSegments.EOI) {
                break;
            }
            int payload = segments.length();
            if (JpegSegments.parameterless(marker)) {
                continue;
            }
            in.seek(segments.payload());
            if (marker == JpegSegments.APP1 && exif == null && payload > 6) {
                byte[] p = new byte[payload];
                in.readFully(p);
                if (p[0] == 'E' && p[1] == 'x' && p[2] == 'i' && p[3] == 'f' && p[4] == 0) {
                    exif = Exif.read(p, 6, payload - 6);
                }
            } else if (marker == JpegSegments.APP2 && payload > 14) {
                byte[] p = new byte[payload];
                in.readFully(p);
                if (new String(p, 0, 11, java.nio.charset.StandardCharsets.US_ASCII).equals("ICC_PROFILE") && p[11] == 0) {
                    int seq = p[12] & 0xFF;
                    int count = p[13] & 0xFF;
                    if (count > 0 && seq >= 1 && seq <= count) {
                        if (iccChunks == null || iccChunks.length != count) {
                            iccChunks = new byte[count][];
                        }
                        iccChunks[seq - 1] = java.util.Arrays.copyOfRange(p, 14, payload);
                    }
                }
            } else if (marker == JpegSegments.APP14 && payload >= 12) {
                byte[] p = new byte[12];
                in.readFully(p);
                if (p[0] == 'A' && p[1] == 'd' && p[2] == 'o' && p[3] == 'b' && p[4] == 'e') {
                    adobeTransform = p[11] & 0xFF;
                }
            } else if (JpegSegments.frameHeader(marker) && payload >= 6) {
                sof = marker;
                bits = in.readUnsignedByte();
                height = in.readUnsignedShort();
                width = in.readUnsignedShort();
                components = in.readUnsignedByte();
            }
        }
        String colorModel = switch (components) {
            case 1 -> "GRAY";
            case 3 -> "RGB";
            case 4 -> adobeTransform == 2 ? "YCCK" : "CMYK";
            default -> null;
        };
        String variant = jpegVariant(sof, bits);
        // arithmetic coding is read where the JVM's libjpeg has it (a system libjpeg-turbo), never 12-bit samples
        return new ContainerHeader(width, height, colorModel, bits, false, join(iccChunks),
                exif != null ? exif : Exif.Tags.NONE, variant, variant != null && variant.startsWith("arithmetic"));
    }

    /** The JPEG process of a frame header when it is one that is often not decoded, else null. */
    static String jpegVariant(int sof, int bits) {
        String process = switch (sof) {
            case 0xC0 -> "baseline";
            case 0xC1 -> "extended sequential";
            case 0xC2 -> "progressive";
            case 0xC3 -> "lossless";
            default -> null;
        };
        String code = "SOF" + (sof - 0xC0);
        if (sof == 0xC9 || sof == 0xCA || sof == 0xCB) {
            return "arithmetic-coded JPEG (" + (sof == 0xC9 ? "extended sequential" : sof == 0xCA ? "progressive"
                    : "lossless") + ", " + code + ")";
        }
        if (sof >= 0xC5 && sof <= 0xC7 || sof >= 0xCD && sof <= 0xCF) {
            return "hierarchical JPEG (" + (sof >= 0xCD ? "arithmetic-coded, " : "") + code + ")";
        }
        if (process != null && sof != 0xC3 && bits != 8 && bits != 0) {
            return bits + "-bit JPEG (" + process + ", " + code + "): Galerly's JPEG decoder and the JDK's libjpeg "
                    + "that TwelveMonkeys uses both read 8-bit samples only, and no maintained pure-Java decoder of "
                    + "12-bit DCT JPEG is available to add";
        }
        return null;
    }

    private static byte[] join(byte[][] chunks) {
        if (chunks == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c == null) {
                return null;            // a missing chunk: the profile is unusable, treat the image as sRGB
            }
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static ContainerHeader png(ImageInputStream in) throws IOException {
        in.skipBytes(8);
        int width = 0;
        int height = 0;
        int bits = 0;
        int colorType = -1;
        boolean alpha = false;
        byte[] icc = null;
        Exif.Tags exif = Exif.Tags.NONE;
        for (int chunks = 0; chunks < MAX_CHUNKS; chunks++) {
            long len = in.readUnsignedInt();
            int type = in.readInt();
            if (len > Integer.MAX_VALUE) {
                throw new IIOException("PNG chunk length " + len + " is invalid");
            }
            long start = in.getStreamPosition();
            if (type == 0x49444154 || type == 0x49454E44) {          // IDAT, IEND
                break;
            }
            if (type == 0x49484452 && len >= 13) {                   // IHDR
                width = in.readInt();
                height = in.readInt();
                bits = in.readUnsignedByte();
                colorType = in.readUnsignedByte();
                if (width <= 0 || height <= 0) {
                    throw new IIOException("PNG header declares " + width + "x" + height);
                }
            } else if (type == 0x74524E53) {                          // tRNS
                alpha = true;
            } else if (type == 0x69434350 && len < MAX_ICC) {         // iCCP
                byte[] p = new byte[(int) len];
                in.readFully(p);
                int nul = 0;
                while (nul < p.length && p[nul] != 0) {
                    nul++;
                }
                if (nul + 2 < p.length) {
                    icc = inflate(p, nul + 2, p.length - nul - 2);
                }
            } else if (type == 0x65584966 && len < 65_536) {          // eXIf
                byte[] p = new byte[(int) len];
                in.readFully(p);
                exif = Exif.read(p, 0, p.length);
            }
            in.seek(start + len + 4);
        }
        String colorModel = switch (colorType) {
            case 0, 4 -> "GRAY";
            case 3 -> "PALETTE";
            case 2, 6 -> "RGB";
            default -> null;
        };
        return new ContainerHeader(width, height, colorModel, bits, alpha || colorType == 4 || colorType == 6, icc,
                exif);
    }

    /**
     * The BMP header: size (a negative height is a top-down bitmap) and compression. The JDK's reader, which Galerly
     * uses, reads BI_RGB, RLE8, RLE4, BITFIELDS and embedded JPEG or PNG; anything else is named as a variant.
     */
    private static ContainerHeader bmp(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        in.seek(14);
        long dib = in.readUnsignedInt();
        int width;
        int height;
        int bits;
        long compression = 0;
        if (dib == 12) {
            width = in.readUnsignedShort();
            height = in.readUnsignedShort();
            in.skipBytes(2);
            bits = in.readUnsignedShort();
        } else {
            width = in.readInt();
            int h = in.readInt();
            height = h == Integer.MIN_VALUE ? 0 : Math.abs(h);
            in.skipBytes(2);
            bits = in.readUnsignedShort();
            compression = dib >= 20 ? in.readUnsignedInt() : 0;
        }
        if (width <= 0 || height <= 0) {
            throw new IIOException("BMP header declares " + width + "x" + height);
        }
        boolean os2v2 = dib == 16 || dib == 64;
        String variant = null;
        if (os2v2 && compression == 3) {
            variant = "BMP with OS/2 Huffman 1D compression (3)";
        } else if (os2v2 && compression == 4) {
            variant = "BMP with OS/2 RLE24 compression (4)";
        } else if (os2v2) {
            variant = "OS/2 2.x BMP (" + dib + "-byte header)";
        } else if (compression > 5) {
            variant = "BMP with " + switch ((int) Math.min(compression, 99)) {
                case 6 -> "BI_ALPHABITFIELDS";
                case 11 -> "CMYK";
                case 12 -> "CMYK RLE8";
                case 13 -> "CMYK RLE4";
                default -> "unknown";
            } + " compression (" + compression + ")";
        }
        return new ContainerHeader(width, height, null, bits, false, null, Exif.Tags.NONE, variant, false);
    }

    private static byte[] inflate(byte[] data, int offset, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished() && out.size() < MAX_ICC) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return inflater.finished() ? out.toByteArray() : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static ContainerHeader webp(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        in.skipBytes(4);
        long riffSize = in.readUnsignedInt();
        in.skipBytes(4);
        long end = 8 + riffSize;
        int width = 0;
        int height = 0;
        boolean alpha = false;
        boolean extended = false;
        byte[] icc = null;
        Exif.Tags exif = Exif.Tags.NONE;
        for (int chunks = 0; chunks < MAX_CHUNKS; chunks++) {
            long start = in.getStreamPosition();
            if (start + 8 > end) {
                break;
            }
            int fourcc = in.readInt();
            if (in.getStreamPosition() < start + 4) {
                break;
            }
            long size = in.readUnsignedInt();
            long payload = in.getStreamPosition();
            if (size > end - payload) {
                break;
            }
            if (size > 0) {
                // a decoder may turn a cut-off WebP into garbage without a warning: check the data is all there
                in.seek(payload + size - 1);
                if (in.read() < 0) {
                    throw new java.io.EOFException("WebP chunk " + fourccName(fourcc) + " is cut short: " + size
                            + " bytes declared");
                }
                in.seek(payload);
            }
            if (fourcc == tag("VP8X") && size >= 10 && !extended) {
                extended = true;
                alpha = (in.readUnsignedByte() & 0x10) != 0;
                in.skipBytes(3);
                width = u24(in) + 1;                 // the canvas: what an animation is shown on
                height = u24(in) + 1;
            } else if (fourcc == tag("ICCP") && size < MAX_ICC) {
                icc = new byte[(int) size];
                in.readFully(icc);
            } else if (fourcc == tag("EXIF") && size < 1_048_576) {
                byte[] p = new byte[(int) size];
                in.readFully(p);
                int skip = p.length > 6 && p[0] == 'E' && p[1] == 'x' && p[2] == 'i' && p[3] == 'f' ? 6 : 0;
                exif = Exif.read(p, skip, p.length - skip);
            } else if (fourcc == tag("VP8L") && size >= 5) {
                in.skipBytes(1);                     // signature 0x2F
                int bits = in.readInt();
                alpha |= (bits >>> 28 & 1) != 0;
                if (!extended) {
                    width = (bits & 0x3FFF) + 1;
                    height = (bits >>> 14 & 0x3FFF) + 1;
                    break;
                }
            } else if (fourcc == tag("VP8 ") && !extended) {
                if (size >= 10) {
                    in.skipBytes(6);                 // frame tag, start code
                    width = in.readUnsignedShort() & 0x3FFF;
                    height = in.readUnsignedShort() & 0x3FFF;
                }
                break;
            }
            in.seek(payload + size + (size & 1));
        }
        return new ContainerHeader(width, height, "RGB", 8, alpha, icc, exif);
    }

    private static int u24(ImageInputStream in) throws IOException {
        return in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
    }

    private static String fourccName(int fourcc) {
        char[] c = {(char) (fourcc & 0xFF), (char) (fourcc >> 8 & 0xFF), (char) (fourcc >> 16 & 0xFF),
            (char) (fourcc >>> 24)};
        return new String(c).replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static int tag(String s) {
        return s.charAt(0) | s.charAt(1) << 8 | s.charAt(2) << 16 | s.charAt(3) << 24;
    }
}
