"use strict";
(function () {
  const table = document.getElementById("quotes");
  if (!table) return;
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const speakerSelect = document.getElementById("filter-speaker");
  const kindSelect = document.getElementById("filter-kind");
  const shown = document.getElementById("shown");
  const parts = (n) => document.querySelectorAll('#article mark[data-att="' + n + '"]');
  const rowOf = (n) => document.getElementById("row-" + n);

  // Hovering or focusing a speaker, cue, content or row lights up the whole attribution.
  let lit = null;
  function light(n) {
    if (n === lit) return;
    for (const [m, on] of [[lit, false], [n, true]]) {
      if (m === null) continue;
      parts(m).forEach((el) => el.classList.toggle("hl", on));
      const row = rowOf(m);
      if (row) row.classList.toggle("hl", on);
    }
    lit = n;
  }
  const attOf = (target) => {
    const el = target instanceof Element ? target.closest("[data-att]") : null;
    return el ? el.dataset.att : null;
  };
  document.addEventListener("mouseover", (e) => light(attOf(e.target)));
  document.addEventListener("focusin", (e) => light(attOf(e.target)));

  // Wide windows scroll the article in its own pane, leaving the table where it is; narrow ones scroll the page.
  const pane = document.querySelector(".article-pane");
  function reveal(el) {
    const scrolls = pane.scrollHeight > pane.clientHeight + 1 && getComputedStyle(pane).overflowY !== "visible";
    if (!scrolls) {
      el.scrollIntoView({ block: "center" });
      return;
    }
    const box = pane.getBoundingClientRect(), rect = el.getBoundingClientRect();
    pane.scrollTop += rect.top - box.top - (pane.clientHeight - rect.height) / 2;
  }

  // Selecting an attribution scrolls the article to its content and marks it until the next selection.
  function select(n, scrollRow) {
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current", "flash"));
    const content = document.getElementById("a" + n);
    parts(n).forEach((el) => {
      el.classList.add("current");
      void el.offsetWidth;  // restart the flash animation
      el.classList.add("flash");
    });
    const row = rowOf(n);
    if (row) row.classList.add("current");
    if (content) reveal(content);
    if (scrollRow && row) row.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", "#a" + n);
  }
  tbody.addEventListener("click", (e) => {
    const n = attOf(e.target);
    if (n === null) return;
    e.preventDefault();
    select(n, false);
  });
  tbody.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.tagName === "TR") {
      e.preventDefault();
      select(e.target.dataset.att, false);
    }
  });
  document.getElementById("article").addEventListener("click", (e) => {
    const n = attOf(e.target);
    if (n !== null) select(n, true);
  });

  // Filters: by speaker and by kind; the article dims what the table hides.
  function applyFilters() {
    const speaker = speakerSelect.value, kind = kindSelect.value;
    let count = 0;
    for (const row of rows) {
      const visible = (!speaker || row.dataset.speaker === speaker) && (!kind || row.dataset.kind === kind);
      row.hidden = !visible;
      if (visible) count += 1;
      parts(row.dataset.att).forEach((el) => el.classList.toggle("dim", !visible));
    }
    shown.textContent = count + " of " + rows.length + " shown";
  }
  speakerSelect.addEventListener("change", applyFilters);
  kindSelect.addEventListener("change", applyFilters);
  document.getElementById("filter-clear").addEventListener("click", () => {
    speakerSelect.value = "";
    kindSelect.value = "";
    applyFilters();
  });
  document.querySelectorAll(".speaker-filter").forEach((button) => button.addEventListener("click", () => {
    speakerSelect.value = button.dataset.speaker;
    applyFilters();
    table.scrollIntoView({ block: "start" });
  }));

  // Sorting: a header button sorts by its column, again to reverse; numbers sort as numbers.
  table.querySelectorAll("thead button[data-sort]").forEach((button) => button.addEventListener("click", () => {
    const th = button.parentElement;
    const column = Array.from(th.parentElement.children).indexOf(th);
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th").forEach((other) => other.setAttribute("aria-sort", "none"));
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const key = (row) => row.cells[column].dataset.sortValue;
    const numeric = rows.every((row) => key(row) !== "" && !isNaN(Number(key(row))));
    const sorted = rows.slice().sort((a, b) => {
      const x = key(a), y = key(b);
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return (ascending ? order : -order) || Number(a.dataset.att) - Number(b.dataset.att);
    });
    sorted.forEach((row) => tbody.appendChild(row));
  }));

  const wanted = /^#a(\d+)$/.exec(location.hash);
  if (wanted && rowOf(wanted[1])) select(wanted[1], true);
})();
