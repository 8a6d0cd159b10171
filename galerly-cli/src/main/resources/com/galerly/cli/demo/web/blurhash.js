// Copyright 2026 The Galerly Authors. SPDX-License-Identifier: Apache-2.0
// BlurHash decoder (the algorithm published at https://blurha.sh): a hash string -> RGBA pixels.
"use strict";
const BlurHash = (() => {
  const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
  const decode83 = (text) => {
    let value = 0;
    for (const c of text) {
      const digit = DIGITS.indexOf(c);
      if (digit < 0) throw new Error("not a BlurHash character: " + c);
      value = value * 83 + digit;
    }
    return value;
  };
  const toLinear = (v) => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
  const toSrgb = (v) => {
    const x = Math.max(0, Math.min(1, v));
    return Math.trunc(x <= 0.0031308 ? x * 12.92 * 255 + 0.5 : (1.055 * Math.pow(x, 1 / 2.4) - 0.055) * 255 + 0.5);
  };
  const signPow = (v, e) => Math.sign(v) * Math.pow(Math.abs(v), e);

  /** Decodes `hash` into width*height RGBA bytes; `punch` > 1 strengthens the contrast. */
  function decode(hash, width, height, punch = 1) {
    if (!hash || hash.length < 6) throw new Error("BlurHash too short");
    const size = decode83(hash[0]);
    const nx = (size % 9) + 1, ny = Math.floor(size / 9) + 1;
    if (hash.length !== 4 + 2 * nx * ny) throw new Error("BlurHash length does not match its size flag");
    const maximum = (decode83(hash[1]) + 1) / 166;
    const colors = [];
    const dc = decode83(hash.substring(2, 6));
    colors.push([toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]);
    for (let i = 1; i < nx * ny; i++) {
      const v = decode83(hash.substring(4 + i * 2, 6 + i * 2));
      colors.push([Math.floor(v / 361), Math.floor(v / 19) % 19, v % 19]
        .map((q) => signPow((q - 9) / 9, 2) * maximum * punch));
    }
    const pixels = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0, g = 0, b = 0;
        for (let j = 0; j < ny; j++) {
          const cy = Math.cos((Math.PI * y * j) / height);
          for (let i = 0; i < nx; i++) {
            const basis = Math.cos((Math.PI * x * i) / width) * cy;
            const c = colors[i + j * nx];
            r += c[0] * basis; g += c[1] * basis; b += c[2] * basis;
          }
        }
        const p = 4 * (x + y * width);
        pixels[p] = toSrgb(r); pixels[p + 1] = toSrgb(g); pixels[p + 2] = toSrgb(b); pixels[p + 3] = 255;
      }
    }
    return pixels;
  }

  /** Paints `hash` on `canvas` (its own small resolution; CSS scales it up smoothly). */
  function paint(canvas, hash, width = 32, height = 32) {
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    const image = context.createImageData(width, height);
    image.data.set(decode(hash, width, height));
    context.putImageData(image, 0, 0);
  }

  return { decode, paint };
})();
