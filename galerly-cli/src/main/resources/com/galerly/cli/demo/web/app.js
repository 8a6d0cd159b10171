// Copyright 2026 The Galerly Authors. SPDX-License-Identifier: Apache-2.0
// The demo page: what a user's front end does with Galerly's API. No photo byte goes through the app:
// the browser POSTs the file to the storage server with the form the app presigned.
"use strict";
const gallery = document.getElementById("gallery");
const progress = document.getElementById("progress");
const status = document.getElementById("status");
const figures = new Map();       // photo id -> {figure, status}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok && response.status !== 422) {
    throw new Error(method + " " + path + " -> " + response.status + " " + (await response.text()));
  }
  return response.status === 204 ? null : response.json();
}

/** Uploads one file with the presigned POST form, reporting progress; resolves when the storage server answered. */
function post(form, file, onProgress) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.append("file", file);                         // the file must be the last field
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.url);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300)
      ? resolve() : reject(new Error("storage refused the upload: " + xhr.status + " " + xhr.responseText));
    xhr.onerror = () => reject(new Error("upload failed (network or CORS)"));
    xhr.send(data);
  });
}

async function upload(files) {
  let done = 0;
  const total = files.reduce((n, f) => n + f.size, 0);
  progress.hidden = false;
  progress.value = 0;
  for (const file of files) {
    status.textContent = "Uploading " + file.name + "...";
    const form = await api("POST", "/api/uploads", { fileName: file.name, contentType: file.type || "image/jpeg" });
    await post(form, file, (fraction) => { progress.value = 100 * (done + fraction * file.size) / total; });
    done += file.size;
    progress.value = 100 * done / total;
    const confirmation = await api("POST", "/api/photos/" + form.photoId + "/confirm");
    if (!confirmation.accepted) status.textContent = file.name + " is not an image we can read";
  }
  status.textContent = files.length + (files.length === 1 ? " photo" : " photos") + " uploaded; rendering...";
  document.body.dataset.uploaded = String(Number(document.body.dataset.uploaded || 0) + files.length);
  await refresh();
}

function sizes() { return "(max-width: 600px) 100vw, 300px"; }

function render(photo) {
  const known = figures.get(photo.id);
  if (known && known.status === photo.status) return;
  const figure = document.createElement("figure");
  figure.dataset.photoId = photo.id;
  figure.dataset.status = photo.status;
  const frame = document.createElement("div");
  frame.className = "frame";
  frame.style.aspectRatio = photo.width && photo.height ? photo.width + " / " + photo.height : "3 / 2";
  figure.appendChild(frame);
  if (photo.status === "ACTIVE") {
    if (photo.blurhash) {
      const canvas = document.createElement("canvas");
      canvas.className = "placeholder";
      BlurHash.paint(canvas, photo.blurhash);
      figure.dataset.placeholderAt = String(performance.now());
      frame.appendChild(canvas);
    }
    const picture = document.createElement("picture");
    if (photo.webpSrcset) {
      const webp = document.createElement("source");
      webp.type = "image/webp";
      webp.srcset = photo.webpSrcset;
      webp.sizes = sizes();
      picture.appendChild(webp);
    }
    const img = document.createElement("img");
    img.alt = photo.fileName;
    img.decoding = "async";
    img.addEventListener("load", () => {
      figure.dataset.loadedAt = String(performance.now());
      img.classList.add("loaded");
    });
    img.addEventListener("error", () => { figure.dataset.error = "image refused"; });
    img.sizes = sizes();
    img.srcset = photo.jpegSrcset;
    const jpeg = photo.sources.filter((s) => s.format === "jpeg");
    img.src = (jpeg.find((s) => s.name === "small") || jpeg[0]).url;   // for browsers without srcset
    picture.appendChild(img);
    frame.appendChild(picture);
  } else {
    const pending = document.createElement("div");
    pending.className = "pending";
    pending.textContent = photo.status === "FAILED" ? "could not render (" + (photo.error || "failed") + ")" : "rendering...";
    frame.appendChild(pending);
  }
  const caption = document.createElement("figcaption");
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = photo.fileName || photo.id;
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = photo.width ? photo.width + "\u00d7" + photo.height : photo.status.toLowerCase();
  const remove = document.createElement("button");
  remove.className = "delete";
  remove.textContent = "Delete";
  remove.addEventListener("click", async () => {
    await api("DELETE", "/api/photos/" + photo.id);
    figure.remove();
    figures.delete(photo.id);
    status.textContent = "Deleted " + (photo.fileName || photo.id);
    document.getElementById("empty").hidden = figures.size > 0;
  });
  caption.append(name, meta, remove);
  figure.appendChild(caption);
  if (known) known.figure.replaceWith(figure); else gallery.appendChild(figure);
  figures.set(photo.id, { figure, status: photo.status });
}

let polling = null;
async function refresh() {
  const { photos } = await api("GET", "/api/photos");
  const ids = new Set(photos.map((p) => p.id));
  for (const [id, known] of figures) {
    if (!ids.has(id)) { known.figure.remove(); figures.delete(id); }
  }
  photos.forEach(render);
  document.getElementById("empty").hidden = photos.length > 0;
  const busy = photos.some((p) => p.status === "PENDING" || p.status === "PROCESSING");
  if (!busy && photos.length) status.textContent = photos.length + (photos.length === 1 ? " photo" : " photos");
  clearTimeout(polling);
  if (busy) polling = setTimeout(refresh, 700);
}

document.getElementById("file").addEventListener("change", (e) => {
  const files = Array.from(e.target.files);
  e.target.value = "";
  if (files.length) upload(files).catch((err) => { status.textContent = err.message; document.body.dataset.error = err.message; });
});
refresh().catch((err) => { status.textContent = err.message; });
