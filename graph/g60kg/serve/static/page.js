// The query page: offers the named queries as examples and shows results as a table.
// Everything from the server is inserted with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function termText(term) {
  if (!term) return "";
  if (term.type === "literal") {
    if (term["xml:lang"]) return `"${term.value}"@${term["xml:lang"]}`;
    return term.datatype ? `"${term.value}"^^<${term.datatype}>` : term.value;
  }
  return term.type === "uri" ? `<${term.value}>` : `_:${term.value}`;
}

function showTable(data) {
  const output = $("output");
  output.replaceChildren();
  if ("boolean" in data) {
    output.textContent = String(data.boolean);
    return;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const cell = document.createElement("th");
    cell.textContent = name;
    head.appendChild(cell);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.insertCell().textContent = termText(binding[name]);
  }
  output.appendChild(table);
}

async function run() {
  const status = $("status");
  status.className = "";
  status.textContent = "…";
  const started = performance.now();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: {
      "Content-Type": "application/sparql-query",
      Accept: "application/sparql-results+json, text/turtle;q=0.9",
    },
    body: $("query").value,
  });
  const text = await response.text();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    status.className = "error";
    status.textContent = `${response.status}: ${text}`;
    return;
  }
  const capped = response.headers.get("X-SPARQL-MaxRows");
  status.textContent = `${seconds} s` + (capped ? ` · cut to ${capped} rows` : "");
  if ((response.headers.get("Content-Type") || "").includes("json")) {
    showTable(JSON.parse(text));
  } else {
    const pre = document.createElement("pre");
    pre.textContent = text;
    $("output").replaceChildren(pre);
  }
}

async function loadExamples() {
  const examples = await (await fetch("/examples.json")).json();
  const select = $("example");
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = example.name;
    option.textContent = [example.name, example.title_zh, example.title_en].filter(Boolean).join(" · ");
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const example = examples.find((e) => e.name === select.value);
    if (!example) return;
    $("query").value = example.text;
    const params = Object.entries(example.params).map(([k, v]) => `?${k}: ${v}`);
    $("example-note").textContent = [example.description, ...params].filter(Boolean).join(" · ");
  });
}

$("run").addEventListener("click", () => run().catch((error) => {
  $("status").className = "error";
  $("status").textContent = String(error);
}));
loadExamples();
