// lexcase's web page: a few fetch() calls that swap server-rendered HTML into the page.
// No framework, no build step, nothing loaded from elsewhere: the page works offline.
"use strict";
(function () {
  const $ = (sel) => document.querySelector(sel);
  const lang = document.documentElement.lang || "en";
  const text = () => $("#case-text").value;
  const asOf = () => $("#as-of").value;

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    return { ok: response.ok, data };
  }

  function showErrors(errors) {
    document.querySelectorAll("[data-error-for]").forEach((el) => (el.textContent = ""));
    document.querySelectorAll("label.fact").forEach((el) => el.classList.remove("invalid"));
    const box = $("#check");
    box.innerHTML = "";
    box.className = errors.length ? "errors" : "valid";
    if (!errors.length) {
      box.textContent = box.dataset.valid || "✓";
      return;
    }
    const list = document.createElement("ul");
    for (const error of errors) {
      const item = document.createElement("li");
      item.className = "error";
      item.dataset.path = error.path || "";
      item.textContent = error.message;
      list.appendChild(item);
      const path = (error.path || "").replace(/^case\./, "");
      const field = document.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
      if (field) {
        field.textContent = error.expected ? `expected ${error.expected}` : error.message;
        field.closest("label").classList.add("invalid");
      }
    }
    box.appendChild(list);
  }

  function fillForm(facts) {
    for (const [path, value] of Object.entries(facts)) {
      const input = document.querySelector(`#common-facts [name="${CSS.escape(path)}"]`);
      if (!input || input === document.activeElement) continue;
      if (value === null || value === undefined) input.value = "";
      else if (Array.isArray(value)) input.value = value.join(",");
      else input.value = String(value);
    }
  }

  async function check() {
    const { data } = await post("/ui/check", { text: text() });
    showErrors(data.errors || []);
    fillForm(data.facts || {});
    return !(data.errors || []).length;
  }

  function debounce(fn, ms) {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  function showFailure(target, data) {
    const error = (data && data.error) || { message: String(data) };
    target.innerHTML = "";
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = error.message;
    target.appendChild(p);
  }

  async function evaluate() {
    const target = $("#result");
    target.setAttribute("aria-busy", "true");
    const { ok, data } = await post("/ui/result", { text: text(), as_of: asOf(), lang });
    target.removeAttribute("aria-busy");
    if (ok) target.innerHTML = data;
    else showFailure(target, data);
  }

  async function compare() {
    const target = $("#compare-result");
    const { ok, data } = await post("/ui/compare", { text: text(), as_of: asOf(), lang });
    if (ok) target.innerHTML = data;
    else showFailure(target, data);
  }

  async function whatIf() {
    const target = $("#what-if-result");
    const body = {
      text: text(), as_of: asOf(), lang,
      path: $("#what-if-path").value, value: $("#what-if-value").value,
    };
    const { ok, data } = await post("/ui/what-if", body);
    if (ok) target.innerHTML = data;
    else showFailure(target, data);
  }

  async function setFact(event) {
    const input = event.target;
    const { ok, data } = await post("/ui/set", {
      text: text(), path: input.dataset.path, value: input.value,
    });
    if (ok) {
      $("#case-text").value = data.text;
      await check();
    } else {
      showErrors([data.error]);
    }
  }

  async function loadSeed(event) {
    const response = await fetch(`/ui/seed/${encodeURIComponent(event.target.dataset.seed)}`);
    $("#case-text").value = await response.text();
    await check();
    await evaluate();
  }

  function openMemo() {
    const form = $("#memo-form");
    form.elements.text.value = text();
    form.elements.as_of.value = asOf();
    form.submit();
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#check").dataset.valid = document.body.dataset.valid || "✓";
    $("#case-text").addEventListener("input", debounce(check, 300));
    document.querySelectorAll("#common-facts [data-path]").forEach((input) =>
      input.addEventListener("change", setFact));
    document.querySelectorAll("button.seed").forEach((b) => b.addEventListener("click", loadSeed));
    $("#evaluate").addEventListener("click", evaluate);
    $("#what-if-try").addEventListener("click", whatIf);
    $("#memo").addEventListener("click", openMemo);
    $("#compare").addEventListener("click", compare);
    document.body.dataset.ready = "true";
  });
})();
