// The network view: people and organisations linked by co-mention and shared events,
// drawn with the vendored cytoscape.js from data fetched from this server only.
"use strict";

const TYPE_COLOURS = { PER: "#b5452b", ORG: "#2f6f9f", LOC: "#3c8d4f" };

// Only the most mentioned names are labelled at first; the rest show theirs on hover,
// so a dense network stays readable.
const LABELLED = 20;

function toElements(graph) {
  const maxWeight = Math.max(1, ...graph.nodes.map((n) => n.weight || 1));
  const ranked = [...graph.nodes].sort((a, b) => (b.weight || 0) - (a.weight || 0));
  const labelled = new Set(ranked.slice(0, LABELLED).map((n) => String(n.id)));
  const nodes = graph.nodes.map((n) => ({
    classes: labelled.has(String(n.id)) ? "labelled" : "",
    data: {
      id: String(n.id),
      label: String(n.name || n.id),
      type: String(n.type || ""),
      size: 14 + 36 * Math.sqrt((n.weight || 1) / maxWeight),
      colour: TYPE_COLOURS[n.type] || "#777",
    },
  }));
  const known = new Set(nodes.map((n) => n.data.id));
  const edges = graph.edges
    .filter((e) => known.has(String(e.source)) && known.has(String(e.target)))
    .map((e, i) => ({
      data: {
        id: "e" + i,
        source: String(e.source),
        target: String(e.target),
        width: Math.min(8, 1 + Math.log2(e.weight || 1)),
        kind: String(e.kind || ""),
      },
    }));
  return nodes.concat(edges);
}

async function drawNetwork(container) {
  const response = await fetch(container.dataset.source, { credentials: "same-origin" });
  if (!response.ok) {
    container.textContent = "Could not load the network (" + response.status + ").";
    return;
  }
  const graph = await response.json();
  const cy = cytoscape({
    container,
    elements: toElements(graph),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: "node",
        style: {
          width: "data(size)",
          height: "data(size)",
          "background-color": "data(colour)",
          "font-size": 11,
          "font-family": "Vazirmatn, system-ui, sans-serif",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.75,
          "text-background-padding": 1,
          color: "#222",
        },
      },
      {
        selector: "edge",
        style: { width: "data(width)", "line-color": "#bbb", "curve-style": "haystack", opacity: 0.7 },
      },
      { selector: "node.labelled, node.hover, node:selected", style: { label: "data(label)" } },
      { selector: 'edge[kind != "co-mention"]', style: { "line-color": "#d08a2e" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
    ],
    layout: { name: "cose", animate: false, nodeRepulsion: 8000, idealEdgeLength: 80 },
  });
  cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
  cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));
  cy.on("tap", "node", (event) => {
    window.location.href = "/entities/" + encodeURIComponent(event.target.id());
  });
  container.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  const container = document.getElementById("graph");
  if (container) {
    drawNetwork(container).catch((error) => {
      container.textContent = "Could not draw the network: " + error;
    });
  }
});
