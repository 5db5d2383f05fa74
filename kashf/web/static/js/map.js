// The map: zoom with the wheel and pan by dragging, by moving the SVG's viewBox.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const svg = document.getElementById("map");
  if (!svg) return;
  const box = svg.viewBox.baseVal;
  const full = { x: box.x, y: box.y, w: box.width, h: box.height };

  function toSvg(event) {
    const rect = svg.getBoundingClientRect();
    return {
      x: box.x + ((event.clientX - rect.left) / rect.width) * box.width,
      y: box.y + ((event.clientY - rect.top) / rect.height) * box.height,
    };
  }

  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const factor = event.deltaY > 0 ? 1.2 : 1 / 1.2;
    const width = Math.min(full.w * 4, Math.max(full.w / 40, box.width * factor));
    const scale = width / box.width;
    const p = toSvg(event);
    box.x = p.x - (p.x - box.x) * scale;
    box.y = p.y - (p.y - box.y) * scale;
    box.width = width;
    box.height = box.height * scale;
  }, { passive: false });

  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.target.closest("a")) return;
    drag = { x: event.clientX, y: event.clientY, bx: box.x, by: box.y };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const rect = svg.getBoundingClientRect();
    box.x = drag.bx - ((event.clientX - drag.x) / rect.width) * box.width;
    box.y = drag.by - ((event.clientY - drag.y) / rect.height) * box.height;
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("dblclick", () => {
    box.x = full.x; box.y = full.y; box.width = full.w; box.height = full.h;
  });
});
