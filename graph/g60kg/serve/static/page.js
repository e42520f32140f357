// The query page: answers plain questions (/ask) with their evidence, offers the named
// queries as examples (their parameters bound to the example the server chose) and shows
// results as a table. The endpoint declares the same prefixes as the command line (g60:, id:, …).
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

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function evidenceLine(evidence) {
  const line = element("div", "evidence");
  if (evidence.quote) line.appendChild(element("span", "quote", `「${evidence.quote}」`));
  const where = [evidence.title, evidence.publisher, evidence.date].filter(Boolean);
  if (where.length) line.appendChild(element("span", "source", ` ${where.join(" · ")}`));
  if (evidence.url) {
    line.appendChild(document.createTextNode(" "));
    line.appendChild(element("span", "url", evidence.url));
  }
  return line;
}

function showReply(reply) {
  const box = $("answer");
  box.replaceChildren();
  box.appendChild(element("p", "interpretation", `理解为 Read as: ${reply.interpretation}`));
  if (reply.message) box.appendChild(element("p", "message", reply.message));
  if (!reply.answers.length) {
    if (!reply.message) box.appendChild(element("p", "message", "图谱中没有答案 · The graph holds no answer."));
    return;
  }
  const list = element("ol", "answers");
  for (const answer of reply.answers) {
    const item = element("li", "answer");
    const head = element("div", "labels");
    head.appendChild(element("strong", "label", answer.label));
    if (answer.label_en) head.appendChild(element("span", "label-en", ` · ${answer.label_en}`));
    if (answer.value) head.appendChild(element("span", "value", ` — ${answer.value}`));
    if (answer.note) head.appendChild(element("span", "note", ` (${answer.note})`));
    item.appendChild(head);
    for (const evidence of answer.evidence || []) item.appendChild(evidenceLine(evidence));
    list.appendChild(item);
  }
  box.appendChild(list);
}

async function askQuestion() {
  const question = $("question").value.trim();
  if (!question) return;
  const box = $("answer");
  box.replaceChildren(element("p", "", "…"));
  const response = await fetch(`/ask?q=${encodeURIComponent(question)}`, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    box.replaceChildren(element("p", "message error", `${response.status}: ${await response.text()}`));
    return;
  }
  showReply(await response.json());
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
    const bound = example.bound || {};
    const params = Object.entries(example.params).map(([k, v]) =>
      k in bound ? `?${k} = ${bound[k]} (${v}; change the VALUES line to ask about another)` : `?${k}: ${v}`);
    $("example-note").textContent = [example.description, ...params].filter(Boolean).join(" · ");
  });
}

$("run").addEventListener("click", () => run().catch((error) => {
  $("status").className = "error";
  $("status").textContent = String(error);
}));
$("ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  askQuestion().catch((error) => {
    $("answer").replaceChildren(element("p", "message error", String(error)));
  });
});
loadExamples();
