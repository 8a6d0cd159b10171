// Copyright 2026 The Galerly Authors
// SPDX-License-Identifier: Apache-2.0
//
// sharp on the same files and tasks as the JMH suites, for benchmarks/run.sh --sharp.
// usage: node bench.js TASK FILE THREADS SECONDS
//   TASK: ladder | ladder-webp | thumbnail | resize720; THREADS: libvips threads (sharp.concurrency), 1 or more,
//   0 for sharp's default (one per core); with more than one thread the ladder's sizes also run as parallel
//   pipelines (Promise.all). SECONDS 0: one run, no warm-up (a fresh process's first render, for run.sh's cold
//   start, which times the whole process).
// Prints one JSON line: {"task", "file", "threads", "ms" (mean), "cpuMs" (the process's user+system CPU time per
// run: robust to other processes' load, unlike ms), "runs", "bytes", "maxRssMb", "versions"}.
'use strict';
const sharp = require('sharp');

const [task, file, threadsArg, secondsArg] = process.argv.slice(2);
const threads = Number(threadsArg || 1);
const seconds = Number(secondsArg === undefined ? 10 : secondsArg);
if (threads > 0) {
  sharp.concurrency(threads);
}
sharp.cache(false);               // no decoded-image cache between pipelines: every size reads the file

const TASKS = {
  // the standard profile: one pipeline per size, shrink-on-load where the size allows, Lanczos-3
  ladder: [
    { w: 400, h: 400, fit: 'cover', q: 85 },
    { w: 800, h: 600, fit: 'inside', q: 85 },
    { w: 2000, h: 2000, fit: 'inside', q: 85 },
    { w: 4000, h: 4000, fit: 'inside', q: 85 },
  ],
  // the same sizes as WebP at quality 80 (sharp's default effort 4, as Galerly's libwebp settings)
  'ladder-webp': [
    { w: 400, h: 400, fit: 'cover', q: 80, webp: true },
    { w: 800, h: 600, fit: 'inside', q: 80, webp: true },
    { w: 2000, h: 2000, fit: 'inside', q: 80, webp: true },
    { w: 4000, h: 4000, fit: 'inside', q: 80, webp: true },
  ],
  thumbnail: [{ w: 400, h: 400, fit: 'cover', q: 85 }],
  resize720: [{ w: 720, h: 588, fit: 'inside', q: 80 }],
};

function one(spec) {
  const resized = sharp(file)
    .rotate()                     // apply EXIF orientation, as Galerly does (and an ICC profile is converted to sRGB)
    .resize(spec.w, spec.h, { fit: spec.fit, kernel: 'lanczos3', withoutEnlargement: true });
  return (spec.webp ? resized.webp({ quality: spec.q }) : resized.jpeg({ quality: spec.q })).toBuffer();
}

async function run(specs) {
  const outs = threads > 1 ? await Promise.all(specs.map(one)) : [];
  if (threads <= 1) {
    for (const spec of specs) {
      outs.push(await one(spec));
    }
  }
  return outs.reduce((n, b) => n + b.length, 0);
}

(async () => {
  const specs = TASKS[task];
  if (!specs) {
    throw new Error('task must be one of ' + Object.keys(TASKS).join(', ') + ', was ' + task);
  }
  let bytes = 0;
  const cpuMs = (since) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  if (seconds === 0) {
    const once = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    bytes = await run(specs);
    console.log(JSON.stringify({
      task, file, threads, ms: Math.round(Number(process.hrtime.bigint() - once) / 1e5) / 10,
      cpuMs: Math.round(cpuMs(cpu) * 10) / 10, runs: 1, bytes,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      versions: { sharp: sharp.versions.sharp, vips: sharp.versions.vips },
    }));
    return;
  }
  const warmUntil = Date.now() + Math.max(2000, seconds * 300);
  while (Date.now() < warmUntil) {
    bytes = await run(specs);
  }
  let runs = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end || runs < 3) {
    bytes = await run(specs);
    runs++;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(JSON.stringify({
    task, file, threads, ms: Math.round(ms * 10) / 10, cpuMs: Math.round(cpuMs(cpu) / runs * 10) / 10, runs, bytes,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    versions: { sharp: sharp.versions.sharp, vips: sharp.versions.vips },
  }));
})().catch((e) => { console.error(e.message); process.exit(2); });
