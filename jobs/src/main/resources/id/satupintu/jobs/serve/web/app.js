// SatuPintu dashboard: plain JavaScript, no library, no CDN. It reads /api/v1/meta for what the
// signed-in user may see, then each figure of the chosen month, programs and wilayah from the API,
// and draws a table and (for some figures) an SVG bar chart. Downloads are the same API calls with
// format=csv or format=xlsx.
"use strict";

const state = { lang: "id", labels: {}, meta: null, period: null, programs: [], trail: [] };

// Counts of persons do not add up over programs (a person on two programs is one person), so a
// chart of several programs shows a bar per program; rupiah add up.
const CHARTS = {
  recipients: { label: (row) => row.nama + (row.sex ? " " + row.sex + " " + row.age_band : ""), value: "recipients" },
  trend: { label: (row) => row.period, value: "recipients" },
  spending: { label: (row) => row.nama, value: "entitled_rupiah", additive: true },
  overlap: { label: (row) => row.program_a + " + " + row.program_b, value: "persons" },
  coverage: { label: (row) => "desil " + row.desil, value: "recipients" },
};

function t(key, ...args) {
  let text = state.labels[key] || key;
  args.forEach((arg, i) => { text = text.replace("{" + i + "}", arg); });
  return text;
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  });
  children.forEach((child) => node.append(child));
  return node;
}

function number(value) {
  return new Intl.NumberFormat(state.lang === "en" ? "en-US" : "id-ID").format(value);
}

async function json(url) {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (response.status === 401) {
    window.location.href = "/login" + (state.lang === "en" ? "?lang=en" : "");
    throw new Error("401");
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.status);
  return body;
}

function wilayah() {
  return state.trail.length ? state.trail[state.trail.length - 1] : state.meta.kabupaten;
}

function query(extra) {
  const parameters = new URLSearchParams();
  if (state.period) parameters.set("period", state.period);
  state.programs.forEach((code) => parameters.append("program", code));
  parameters.set("wilayah", wilayah().kode_wilayah);
  parameters.set("lang", state.lang);
  Object.entries(extra || {}).forEach(([key, value]) => parameters.set(key, value));
  return parameters.toString();
}

async function start() {
  const asked = new URLSearchParams(window.location.search).get("lang");
  state.lang = asked || window.localStorage.getItem("satupintu.lang") || "id";
  window.localStorage.setItem("satupintu.lang", state.lang);
  document.documentElement.lang = state.lang;
  state.labels = await json("/api/v1/labels?lang=" + state.lang);
  state.meta = await json("/api/v1/meta");
  state.period = state.meta.periods[state.meta.periods.length - 1];
  header();
  filters();
  await render();
}

function header() {
  document.title = t("app.title");
  document.getElementById("title").textContent = t("app.title");
  const user = state.meta.user;
  document.getElementById("user").textContent = t("app.user") + ": " + user.name + " (" + t("app.role." + user.role) + ")";
  document.getElementById("warehouse").textContent = t("app.warehouse") + ": " + state.meta.warehouse;
  const language = document.getElementById("language");
  language.textContent = t("app.language");
  language.addEventListener("click", (event) => {
    event.preventDefault();
    window.localStorage.setItem("satupintu.lang", state.lang === "en" ? "id" : "en");
    window.location.href = "/?lang=" + (state.lang === "en" ? "id" : "en");
  });
  document.getElementById("logout").textContent = t("app.logout");
  const csrf = document.getElementById("logout-csrf");
  csrf.name = "_csrf";
  csrf.value = state.meta.csrf ? state.meta.csrf.token : "";
}

function filters() {
  document.getElementById("label-period").textContent = t("filter.period");
  document.getElementById("label-programs").textContent = t("filter.programs");
  const period = document.getElementById("period");
  state.meta.periods.forEach((month) => period.append(element("option", { value: month }, month)));
  period.value = state.period;
  period.addEventListener("change", () => { state.period = period.value; render(); });
  const programs = document.getElementById("programs");
  state.meta.programs.forEach((program) => {
    const box = element("input", { type: "checkbox", value: program.program_code, id: "program-" + program.program_code });
    box.addEventListener("change", () => {
      state.programs = [...programs.querySelectorAll("input:checked")].map((input) => input.value);
      render();
    });
    const name = state.lang === "en" ? program.name_en : program.nama;
    programs.append(element("label", { title: name, for: box.id }, box, " " + program.program_code));
  });
  const hint = element("span", { class: "note", id: "programs-all" }, t("filter.all"));
  programs.append(hint);
}

function breadcrumb() {
  const nav = document.getElementById("breadcrumb");
  nav.replaceChildren(element("strong", {}, t("filter.wilayah") + ":"));
  const levels = [state.meta.kabupaten, ...state.trail];
  levels.forEach((place, index) => {
    if (index > 0) nav.append(" › ");
    if (index === levels.length - 1) {
      nav.append(element("span", { class: "current", id: "current-wilayah", "data-kode": place.kode_wilayah }, place.nama));
    } else {
      const button = element("button", { type: "button", "data-kode": place.kode_wilayah }, place.nama);
      button.addEventListener("click", () => { state.trail = state.trail.slice(0, index); render(); });
      nav.append(button);
    }
  });
  document.getElementById("programs-all").hidden = state.programs.length > 0;
}

async function render() {
  // whoever waits for the dashboard (a person, a browser test) waits for data-ready to come back
  document.body.removeAttribute("data-ready");
  breadcrumb();
  const note = document.getElementById("note");
  note.textContent = state.meta.threshold ? t("app.suppressedNote", state.meta.threshold) : t("app.exactNote");
  const error = document.getElementById("error");
  error.hidden = true;
  const container = document.getElementById("figures");
  container.replaceChildren();
  for (const name of state.meta.figures) {
    const section = element("section", { class: "figure", id: "figure-" + name });
    container.append(section);
    try {
      await figure(name, section);
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure.message;
    }
  }
  document.body.setAttribute("data-ready", query());
}

async function figure(name, section) {
  const title = element("h2", {}, t("figures." + name));
  section.append(title);
  if (name === "named" && !(wilayah().level === "desa" || wilayah().level === "kelurahan")) {
    section.append(element("p", { class: "note" }, t("named.chooseDesa")));
    return;
  }
  let extra = {};
  if (name === "named") {
    const full = element("input", { type: "checkbox", id: "named-full" });
    full.checked = state.namedFull === true;
    full.addEventListener("change", () => { state.namedFull = full.checked; render(); });
    section.append(element("div", { class: "options" }, element("label", {}, full, " " + t("named.fullNames"))));
    if (state.namedFull) extra = { names: "full" };
  }
  const path = "/api/v1/" + name + "?";
  const downloads = element("span", { class: "downloads" }, t("filter.download") + ":",
    element("a", { href: path + query(Object.assign({ format: "csv" }, extra)), id: "download-" + name + "-csv", download: "" }, "CSV"),
    element("a", { href: path + query(Object.assign({ format: "xlsx" }, extra)), id: "download-" + name + "-xlsx", download: "" }, "XLSX"));
  title.append(downloads);
  const body = await json(path + query(extra));
  if (CHARTS[name] && body.rows.length) section.append(chart(name, body));
  section.append(table(name, body));
}

function chart(name, body) {
  const spec = CHARTS[name];
  const totals = new Map();
  const programs = new Set(body.rows.map((row) => row.program_code));
  const perProgram = !spec.additive && programs.size > 1 && !programs.has(undefined);
  body.rows.forEach((row) => {
    const label = spec.label(row) + (perProgram ? " · " + row.program_code : "");
    const value = row[spec.value];
    const entry = totals.get(label) || { value: 0, hidden: false };
    if (value === null || value === undefined) entry.hidden = true; else entry.value += Number(value);
    totals.set(label, entry);
  });
  const items = [...totals.entries()].slice(0, 60);
  const max = Math.max(1, ...items.map(([, entry]) => entry.value));
  const rowHeight = 18;
  const width = 560;
  const labelWidth = 200;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("id", "chart-" + name);
  svg.setAttribute("viewBox", "0 0 " + width + " " + (items.length * rowHeight + 4));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("figures." + name));
  items.forEach(([label, entry], index) => {
    const y = index * rowHeight + 2;
    const text = document.createElementNS(svg.namespaceURI, "text");
    text.setAttribute("x", labelWidth - 6);
    text.setAttribute("y", y + 12);
    text.setAttribute("text-anchor", "end");
    text.textContent = label.length > 30 ? label.slice(0, 29) + "…" : label;
    const bar = document.createElementNS(svg.namespaceURI, "rect");
    const length = Math.max(1, (width - labelWidth - 120) * entry.value / max);
    bar.setAttribute("x", labelWidth);
    bar.setAttribute("y", y + 2);
    bar.setAttribute("height", rowHeight - 5);
    bar.setAttribute("width", length);
    bar.setAttribute("class", entry.hidden && entry.value === 0 ? "bar hidden" : "bar");
    const value = document.createElementNS(svg.namespaceURI, "text");
    value.setAttribute("x", labelWidth + length + 4);
    value.setAttribute("y", y + 12);
    // a total with hidden counts in it is at least what is shown
    value.textContent = entry.hidden && entry.value === 0 ? "-" : (entry.hidden ? "≥ " : "") + number(Math.round(entry.value));
    svg.append(text, bar, value);
  });
  return svg;
}

function table(name, body) {
  if (!body.rows.length) return element("p", { class: "note" }, t("app.empty"));
  const columns = body.columns;
  const head = element("tr", {}, ...columns.map((column) => element("th", {}, t("column." + column.name))));
  const rows = body.rows.map((row) => {
    const cells = columns.map((column) => {
      const value = row[column.name];
      if (value === null && (row.suppressed || []).includes(column.name)) {
        return element("td", { class: "suppressed", title: t("column.suppressed") }, "-");
      }
      if (column.kind !== "text") return element("td", { class: "num" }, value === null ? "" : number(value));
      if (column.name === "nama" && drillable(row)) {
        const button = element("button", { type: "button", class: "drill", "data-kode": row.kode_wilayah }, value);
        button.addEventListener("click", () => drill(row));
        return element("td", {}, button);
      }
      return element("td", {}, value === null ? "" : String(value));
    });
    return element("tr", { "data-kode": row.kode_wilayah || null }, ...cells);
  });
  return element("div", { class: "table-wrap" },
    element("table", { id: "table-" + name }, element("thead", {}, head), element("tbody", {}, ...rows)));
}

function drillable(row) {
  const here = wilayah();
  return row.kode_wilayah && row.kode_wilayah !== here.kode_wilayah && row.kode_wilayah.startsWith(here.kode_wilayah + ".");
}

function drill(row) {
  const level = row.kode_wilayah.split(".").length === 3 ? "kecamatan" : "desa";
  state.trail.push({ kode_wilayah: row.kode_wilayah, nama: row.nama, level: level });
  render();
}

document.addEventListener("DOMContentLoaded", () => {
  start().catch((failure) => {
    const error = document.getElementById("error");
    error.hidden = false;
    error.textContent = failure.message;
  });
});
