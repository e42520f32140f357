// The g60kg graph page. Every text from the data reaches the page through textContent, never
// innerHTML, so a label that looks like markup shows as text and runs nothing.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("g60-data").textContent);
  var text = data.text;
  var nodeInfo = new Map();
  var edgeInfo = new Map();
  data.nodes.forEach(function (n, i) { nodeInfo.set(n.id, data.nodeInfo[i]); });
  data.edges.forEach(function (e, i) { edgeInfo.set(e.id, data.edgeInfo[i]); });

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function fields(pairs) {
    var dl = el("dl");
    pairs.forEach(function (pair) {
      if (pair[1] === undefined || pair[1] === null || pair[1] === "") return;
      dl.append(el("dt", null, pair[0]), el("dd", null, pair[1]));
    });
    return dl;
  }

  function evidence(ev, relation) {
    var box = el("div", "evidence");
    box.append(el("blockquote", null, "\u201c" + ev.quote + "\u201d"));
    var where = ev.source_title || ev.source || "";
    if (ev.start !== undefined && ev.start !== null) where += " [" + ev.start + "\u2013" + ev.end + "]";
    box.append(el("div", "source", (relation ? relation + " \u00b7 " : "") + text.source + ": " + where));
    return box;
  }

  function nodeCard(id) {
    var d = nodeInfo.get(id);
    var card = el("div", "card");
    card.append(el("div", "name", data.lang === "en" ? d.en : d.zh));
    card.append(el("div", "alt", data.lang === "en" ? d.zh : d.en));
    card.append(fields([[text.type, d.typeLabels.join(" \u2282 ")], [text.iri, id]].concat(d.attrs)));
    d.evidence.forEach(function (ev) { card.append(evidence(ev, ev.relation)); });
    return card;
  }

  function edgeCard(id) {
    var d = edgeInfo.get(id);
    var edge = edges.get(id);
    var card = el("div", "card");
    card.append(el("div", "name", data.lang === "en" ? d.en : d.zh));
    card.append(el("div", "alt", data.lang === "en" ? d.zh : d.en));
    var from = nodeInfo.get(edge.from), to = nodeInfo.get(edge.to);
    card.append(fields([
      [text.from, data.lang === "en" ? from.en : from.zh],
      [text.to, data.lang === "en" ? to.en : to.zh],
      [text.predicate, d.predicate]
    ]));
    if (d.evidence.length === 0) card.append(el("p", "hint", text.noEvidence));
    d.evidence.forEach(function (ev) { card.append(evidence(ev)); });
    return card;
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("g60-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var status = document.getElementById("g60-status");
  window.g60 = { network: network, nodes: nodes, edges: edges, ready: false };

  // The counts follow the legend's filter: the entities shown, and the links between them.
  function statusText() {
    var shown = new Set();
    nodes.forEach(function (n) { if (!n.hidden) shown.add(n.id); });
    var links = 0;
    edges.forEach(function (e) { if (shown.has(e.from) && shown.has(e.to)) links += 1; });
    return text.status.replace("{nodes}", shown.size).replace("{edges}", links) +
      (data.large ? text.large : "");
  }

  function ready() {
    status.textContent = statusText();
    window.g60.ready = true;
    document.body.dataset.ready = "true";
  }
  if (data.options.physics.enabled && data.nodes.length > 0) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = text.settling + " " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      ready();
    });
  } else {
    network.fit();
    ready();
  }

  var tip = document.getElementById("g60-tip");
  function showTip(card, params) {
    tip.replaceChildren(card);
    var box = container.getBoundingClientRect();
    tip.style.left = Math.min(box.left + params.pointer.DOM.x + 14, window.innerWidth - 400) + "px";
    tip.style.top = box.top + params.pointer.DOM.y + 14 + "px";
    tip.hidden = false;
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeCard(p.node), p); });
  network.on("hoverEdge", function (p) { showTip(edgeCard(p.edge), p); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);

  var details = document.getElementById("g60-details");
  function showDetails(id) {
    details.replaceChildren(nodeCard(id));
  }
  network.on("click", function (p) {
    if (p.nodes.length) showDetails(p.nodes[0]);
    else if (p.edges.length) details.replaceChildren(edgeCard(p.edges[0]));
  });

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showDetails(id);
  }

  var search = document.getElementById("g60-search");
  var results = document.getElementById("g60-results");
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    nodeInfo.forEach(function (d, id) {
      if (nodes.get(id).hidden) return;
      var zh = d.zh.toLowerCase(), en = d.en.toLowerCase();
      var rank = zh === q || en === q ? 0 : zh.startsWith(q) || en.startsWith(q) ? 1 :
        zh.includes(q) || en.includes(q) ? 2 : -1;
      if (rank >= 0) found.push([rank, d.zh.length, id]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return found.slice(0, 12).map(function (f) { return f[2]; });
  }
  search.addEventListener("input", function () {
    var ids = matches(search.value);
    results.replaceChildren();
    ids.forEach(function (id) {
      var d = nodeInfo.get(id);
      var button = el("button", null, d.zh + " \u00b7 " + d.en);
      button.type = "button";
      button.dataset.id = id;
      button.addEventListener("click", function () { focusNode(id); results.replaceChildren(); });
      var item = el("li");
      item.append(button);
      results.append(item);
    });
    status.textContent = search.value.trim() && ids.length === 0 ? text.noMatch : statusText();
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var ids = matches(search.value);
      if (ids.length) focusNode(ids[0]);
      results.replaceChildren();
    } else if (event.key === "Escape") {
      results.replaceChildren();
    }
  });

  var legend = document.getElementById("g60-legend");
  data.legend.forEach(function (entry) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = !entry.hidden;
    box.value = entry.type;
    box.addEventListener("change", function () {
      var hidden = !box.checked;
      nodes.update(data.nodes.filter(function (n) { return nodeInfo.get(n.id).type === entry.type; })
        .map(function (n) { return { id: n.id, hidden: hidden }; }));
      status.textContent = statusText();
    });
    var swatch = el("span", "swatch", entry.symbol);
    swatch.style.color = entry.color;
    var label = el("label");
    label.append(box, swatch, el("span", null, entry.label), el("span", "count", entry.count));
    var item = el("li");
    item.append(label);
    legend.append(item);
  });
})();
