"use strict";
(() => {
  // client/webview/dom.ts
  function setAttributes(element, attrs) {
    if (!attrs) return;
    for (const [name, value] of Object.entries(attrs)) {
      if (value === void 0 || value === null || value === false) continue;
      if (name === "style" || name.startsWith("on")) throw new Error(`refusing attribute ${name}`);
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  function append(parent, children) {
    for (const child of children) {
      if (child === null || child === void 0 || child === false) continue;
      if (Array.isArray(child)) append(parent, child);
      else if (child instanceof Node) parent.appendChild(child);
      else parent.appendChild(document.createTextNode(String(child)));
    }
  }
  function h(tag, attrs, ...children) {
    const element = document.createElement(tag);
    setAttributes(element, attrs);
    append(element, children);
    return element;
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  function s(tag, attrs, ...children) {
    const element = document.createElementNS(SVG_NS, tag);
    setAttributes(element, attrs);
    append(element, children);
    return element;
  }
  var counter = 0;
  function uid(prefix) {
    counter += 1;
    return `${prefix}-${counter}`;
  }
  function lineLink(text, line, what = text, extraClass = "") {
    return h(
      "button",
      {
        type: "button",
        class: `link${extraClass ? ` ${extraClass}` : ""}`,
        "data-line": line,
        "data-focus-key": `line:${line}:${what}`,
        "aria-label": `${what}: show line ${line} of the manifest`,
        title: `Show line ${line} of the manifest`
      },
      text
    );
  }
  function srOnly(...children) {
    return h("span", { class: "sr-only" }, ...children);
  }

  // client/webview/charts.ts
  var pct = (value) => `${Math.max(0, Math.min(100, Number.isFinite(value) ? value * 100 : 0)).toFixed(3)}%`;
  function stackedBar(segments, scaleMax, label, height = 16) {
    const svg = s("svg", { class: "bar-chart", width: "100%", height, role: "img", "aria-label": label, focusable: "false" });
    svg.appendChild(s("rect", { class: "track", x: 0, y: 0, width: "100%", height, rx: 2 }));
    let x = 0;
    for (const segment of segments) {
      if (!(segment.value > 0) || !(scaleMax > 0)) continue;
      const width = segment.value / scaleMax;
      svg.appendChild(s("rect", { class: `seg ${segment.className}`, x: pct(x), y: 0, width: pct(width), height }, s("title", {}, segment.label)));
      x += width;
    }
    return svg;
  }
  function simpleBar(value, scaleMax, className, label, height = 12) {
    return stackedBar([{ value, className, label }], scaleMax, label, height);
  }
  function pairBar(a, b, scaleMax, label) {
    const svg = s("svg", { class: "bar-chart pair", width: "100%", height: 22, role: "img", "aria-label": label, focusable: "false" });
    svg.appendChild(s("rect", { class: "track", x: 0, y: 0, width: "100%", height: 10, rx: 2 }));
    svg.appendChild(s("rect", { class: "track", x: 0, y: 12, width: "100%", height: 10, rx: 2 }));
    if (scaleMax > 0) {
      svg.appendChild(s("rect", { class: `seg ${a.className}`, x: 0, y: 0, width: pct(a.value / scaleMax), height: 10 }, s("title", {}, a.label)));
      svg.appendChild(s("rect", { class: `seg ${b.className}`, x: 0, y: 12, width: pct(b.value / scaleMax), height: 10 }, s("title", {}, b.label)));
    }
    return svg;
  }
  function rangeBar(value, min, max, scaleMax, label) {
    const svg = s("svg", { class: "range-chart", width: "100%", height: 20, role: "img", "aria-label": label, focusable: "false" });
    svg.appendChild(s("rect", { class: "axis", x: 0, y: 9, width: "100%", height: 2 }));
    if (scaleMax > 0) {
      const lo = Math.min(min, value) / scaleMax;
      const hi = Math.max(max, value) / scaleMax;
      svg.appendChild(s("rect", { class: "range-band", x: pct(lo), y: 4, width: pct(Math.max(hi - lo, 2e-3)), height: 12, rx: 3 }));
      svg.appendChild(s("rect", { class: "range-value", x: pct(Math.max(0, value / scaleMax - 3e-3)), y: 0, width: "0.6%", height: 20 }));
    }
    return svg;
  }
  function arcPoint(ratio, radius, cx, cy) {
    const angle = Math.PI * (1 - Math.max(0, Math.min(1, ratio)));
    return [cx + radius * Math.cos(angle), cy - radius * Math.sin(angle)];
  }
  function arcPath(from, to, radius, cx, cy) {
    const [x1, y1] = arcPoint(from, radius, cx, cy);
    const [x2, y2] = arcPoint(to, radius, cx, cy);
    return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${radius} ${radius} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
  }
  function gauge(ratio, minRatio, maxRatio, status2, label, centre) {
    const cx = 60;
    const cy = 58;
    const r = 44;
    const titleId = uid("gauge");
    const svg = s("svg", { class: `gauge ${status2}`, viewBox: "0 0 120 68", role: "img", "aria-labelledby": titleId, focusable: "false" });
    svg.appendChild(s("title", { id: titleId }, label));
    svg.appendChild(s("path", { class: "gauge-track", d: arcPath(0, 1, r, cx, cy) }));
    if (ratio > 0) svg.appendChild(s("path", { class: "gauge-value", d: arcPath(0, Math.min(1, ratio), r, cx, cy) }));
    const lo = Math.min(1, Math.max(0, minRatio));
    const hi = Math.min(1, Math.max(0, maxRatio));
    if (hi > lo) svg.appendChild(s("path", { class: "gauge-range", d: arcPath(lo, hi, r + 10, cx, cy) }));
    svg.appendChild(s("text", { class: "gauge-text", x: cx, y: cy - 6, "text-anchor": "middle" }, centre));
    svg.appendChild(s("text", { class: "gauge-end", x: cx - r, y: cy + 8, "text-anchor": "middle" }, "0"));
    svg.appendChild(s("text", { class: "gauge-end", x: cx + r, y: cy + 8, "text-anchor": "middle" }, "limit"));
    return svg;
  }
  function legend(items) {
    return h(
      "ul",
      { class: "legend", "aria-hidden": "true" },
      items.map(
        (item) => h("li", {}, s("svg", { class: "key", width: 10, height: 10, focusable: "false" }, s("rect", { class: `seg ${item.className}`, width: 10, height: 10, rx: 2 })), item.label)
      )
    );
  }

  // engine/report/units.ts
  var INTEGER_FORMAT = new Intl.NumberFormat("en-US");
  var FRACTION_FORMATS = [0, 1, 2, 3, 4, 5, 6].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));
  function formatNumber(value, significant = 3) {
    if (!Number.isFinite(value)) return "n/a";
    if (value === 0) return "0";
    const abs = Math.abs(value);
    if (abs >= 10 ** significant) return INTEGER_FORMAT.format(Math.round(value));
    const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(abs)));
    return FRACTION_FORMATS[Math.min(digits, 6)].format(Number(value.toFixed(Math.min(digits, 6))));
  }
  function formatKg(kg2, unit) {
    if (!Number.isFinite(kg2)) return "n/a";
    if (unit === "kg") return `${formatNumber(kg2)} kgCO2e`;
    if (unit === "t") return `${formatNumber(kg2 / 1e3)} tCO2e`;
    const abs = Math.abs(kg2);
    if (abs >= 1e6) return `${formatNumber(kg2 / 1e6)} ktCO2e`;
    if (abs >= 1e3) return `${formatNumber(kg2 / 1e3)} tCO2e`;
    return `${formatNumber(kg2)} kgCO2e`;
  }
  function formatPercent(share) {
    if (!Number.isFinite(share)) return "n/a";
    const percent2 = share * 100;
    return `${percent2 >= 10 || percent2 === 0 ? Math.round(percent2) : percent2.toFixed(1)}%`;
  }

  // client/webview/context.ts
  var STAGES = ["manufacturing", "transport", "use", "endOfLife"];
  var STAGE_LABELS = {
    manufacturing: "Manufacturing",
    transport: "Transport",
    use: "Use",
    endOfLife: "End of life"
  };
  var STAGE_HINTS = {
    manufacturing: "embodied, cradle to gate",
    transport: "shipping to the site",
    use: "electricity, on-site fuel, refrigerant leaks",
    endOfLife: "recycling, disposal"
  };
  var CATEGORIES = [
    { key: "capitalGoods", label: "Cat. 2 \xB7 Capital goods" },
    { key: "fuelAndEnergy", label: "Cat. 3 \xB7 Fuel- and energy-related" },
    { key: "upstreamTransport", label: "Cat. 4 \xB7 Upstream transport" },
    { key: "waste", label: "Cat. 5 \xB7 Waste (end of life)" }
  ];
  var SCOPES = [
    { key: "scope1", className: "s1", label: "Scope 1", hint: "direct: generators, refrigerant leaks" },
    { key: "scope2Location", className: "s2", label: "Scope 2", hint: "purchased electricity, location-based" },
    { key: "scope3", className: "s3", label: "Scope 3", hint: "value chain: hardware, transport, upstream energy, waste" }
  ];
  function kg(ctx, value) {
    return formatKg(value, ctx.units === "auto" ? void 0 : ctx.units);
  }
  function tonnes(value) {
    return formatNumber(value / 1e3);
  }
  var percent = formatPercent;
  function energy(kWh) {
    const mwh = kWh / 1e3;
    if (Math.abs(mwh) >= 1e7) return `${formatNumber(mwh / 1e6)} TWh`;
    if (Math.abs(mwh) >= 1e4) return `${formatNumber(mwh / 1e3)} GWh`;
    return `${formatNumber(mwh)} MWh`;
  }
  var number = formatNumber;
  function assetLines(report) {
    return new Map(report.assets.map((a) => [a.id, a.line]));
  }

  // client/webview/assets.ts
  var PAGE_SIZE = 50;
  var DEFAULT_ASSET_VIEW = { page: 0, sort: "kgCO2e", descending: true, filter: "" };
  var COLUMNS = [
    { key: "id", label: "Asset", numeric: false },
    { key: "site", label: "Site", numeric: false },
    { key: "model", label: "Model", numeric: false },
    { key: "count", label: "Units", numeric: true },
    { key: "kgCO2e", label: "tCO2e this period", numeric: true },
    { key: "share", label: "Share", numeric: true },
    { key: "inventoryKgCO2e", label: "tCO2e inventory", numeric: true, title: "GHG Protocol inventory view" },
    { key: "embodied", label: "Embodied per unit", numeric: true },
    { key: "line", label: "Line", numeric: true }
  ];
  function sortValue(asset, key) {
    switch (key) {
      case "id":
        return asset.id;
      case "site":
        return asset.site;
      case "model":
        return asset.model ?? "";
      case "count":
        return asset.count;
      case "kgCO2e":
        return asset.kgCO2e;
      case "share":
        return asset.share;
      case "inventoryKgCO2e":
        return asset.inventoryKgCO2e;
      case "embodied":
        return asset.perUnit.embodiedKgCO2e;
      case "line":
        return asset.line;
    }
  }
  var collator = new Intl.Collator(void 0, { numeric: true, sensitivity: "base" });
  function sortAssets(assets, view) {
    const filter = view.filter.trim().toLowerCase();
    const list = filter ? assets.filter((a) => a.id.toLowerCase().includes(filter) || a.site.toLowerCase().includes(filter) || (a.model ?? "component-level").toLowerCase().includes(filter)) : [...assets];
    const direction = view.descending ? -1 : 1;
    list.sort((a, b) => {
      const x = sortValue(a, view.sort);
      const y = sortValue(b, view.sort);
      const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return order * direction || a.line - b.line;
    });
    return list;
  }
  function pageCount(total) {
    return Math.max(1, Math.ceil(total / PAGE_SIZE));
  }
  function assetTable(ctx, rows, view) {
    const pages = pageCount(rows.length);
    const page = Math.min(Math.max(0, view.page), pages - 1);
    const start = page * PAGE_SIZE;
    const slice = rows.slice(start, start + PAGE_SIZE);
    const focused = ctx.state.focus?.kind === "asset" ? ctx.state.focus.id : void 0;
    const total = ctx.report.assets.length;
    const summary = rows.length === 0 ? `No asset matches \u201C${view.filter}\u201D.` : `Showing ${number(start + 1)}\u2013${number(start + slice.length)} of ${number(rows.length)} asset${rows.length === 1 ? "" : "s"}${rows.length !== total ? ` (filtered from ${number(total)})` : ""}, by ${COLUMNS.find((c) => c.key === view.sort)?.label ?? view.sort}, ${view.descending ? "largest first" : "smallest first"}.`;
    const head = h(
      "tr",
      {},
      COLUMNS.map((column) => {
        const sorted = view.sort === column.key;
        return h(
          "th",
          { scope: "col", class: column.numeric ? "num" : void 0, "aria-sort": sorted ? view.descending ? "descending" : "ascending" : "none", title: column.title },
          h(
            "button",
            { type: "button", class: "sort", "data-action": "sort", "data-key": column.key, "data-focus-key": `sort:${column.key}` },
            column.label,
            h("span", { class: "sort-mark", "aria-hidden": "true" }, sorted ? view.descending ? " \u25BC" : " \u25B2" : "")
          )
        );
      })
    );
    const body = slice.map(
      (a) => h(
        "tr",
        { class: a.id === focused ? "focused" : void 0, id: `asset-row-${a.index}`, tabindex: a.id === focused ? -1 : void 0 },
        h(
          "th",
          { scope: "row" },
          lineLink(a.id, a.line, `asset ${a.id}`),
          h("button", { type: "button", class: "link details-button", "data-action": "details", "data-id": a.id, "data-focus-key": `details:${a.index}`, "aria-label": `Details of ${a.id}`, title: "Show the details of this asset" }, "details")
        ),
        h("td", {}, a.site),
        h("td", {}, a.model ?? h("span", { class: "hint" }, "component-level")),
        h("td", { class: "num" }, number(a.count)),
        h("td", { class: "num strong", title: `likely ${tonnes(a.min)} \u2013 ${tonnes(a.max)} tCO2e` }, tonnes(a.kgCO2e), h("span", { class: "hint range" }, `${tonnes(a.min)}\u2013${tonnes(a.max)}`)),
        h("td", { class: "num" }, percent(a.share)),
        h("td", { class: "num" }, tonnes(a.inventoryKgCO2e)),
        h("td", { class: "num" }, kg(ctx, a.perUnit.embodiedKgCO2e)),
        h("td", { class: "num" }, String(a.line))
      )
    );
    const pager = h(
      "nav",
      { class: "pager", "aria-label": "Asset table pages" },
      h("button", { type: "button", class: "button secondary", "data-action": "page", "data-page": 0, disabled: page === 0, "data-focus-key": "page:first" }, "\xAB First"),
      h("button", { type: "button", class: "button secondary", "data-action": "page", "data-page": page - 1, disabled: page === 0, "data-focus-key": "page:prev" }, "\u2039 Previous"),
      h("span", { class: "page-of" }, `Page ${number(page + 1)} of ${number(pages)}`),
      h("button", { type: "button", class: "button secondary", "data-action": "page", "data-page": page + 1, disabled: page >= pages - 1, "data-focus-key": "page:next" }, "Next \u203A"),
      h("button", { type: "button", class: "button secondary", "data-action": "page", "data-page": pages - 1, disabled: page >= pages - 1, "data-focus-key": "page:last" }, "Last \xBB")
    );
    return h(
      "div",
      { id: "asset-table" },
      h("p", { class: "table-status", role: "status", "aria-live": "polite" }, summary),
      h(
        "div",
        { class: "table-scroll card", role: "region", "aria-label": "Assets table", tabindex: 0 },
        h("table", { class: "asset-table" }, h("caption", { class: "sr-only" }, "Assets with their emissions"), h("thead", {}, head), h("tbody", {}, body))
      ),
      pages > 1 ? pager : null
    );
  }
  function assetDetail(ctx, asset) {
    const stageTotal = STAGES.reduce((sum, s2) => sum + asset.byStage[s2], 0);
    const u = asset.perUnit;
    return h(
      "article",
      { class: "card asset-detail focused", id: "focused-asset", tabindex: -1, "aria-labelledby": "focused-asset-title", "data-focus-key": "focused-asset" },
      h(
        "div",
        { class: "detail-head" },
        h("h3", { id: "focused-asset-title" }, lineLink(asset.id, asset.line, `asset ${asset.id}`)),
        h("button", { type: "button", class: "button secondary small", "data-action": "clear-focus", "data-focus-key": "clear-focus", "aria-label": `Close the details of ${asset.id}` }, "Close")
      ),
      h("p", { class: "meta" }, `${number(asset.count)} \xD7 ${asset.model ?? "component-level server"} at ${asset.site}${asset.gpus ? ` \xB7 ${number(asset.gpus)} GPUs` : ""} \xB7 acquired ${asset.acquired} \xB7 ${number(asset.lifespanYears)}-year life`),
      h(
        "div",
        { class: "detail-grid" },
        h(
          "dl",
          { class: "facts" },
          h("div", {}, h("dt", {}, "This period"), h("dd", { class: "value" }, kg(ctx, asset.kgCO2e))),
          h("div", {}, h("dt", {}, "Likely range"), h("dd", {}, `${kg(ctx, asset.min)} \u2013 ${kg(ctx, asset.max)}`)),
          h("div", {}, h("dt", {}, "Share of total"), h("dd", {}, percent(asset.share))),
          h("div", {}, h("dt", {}, "Inventory view"), h("dd", {}, kg(ctx, asset.inventoryKgCO2e))),
          h("div", {}, h("dt", {}, "Embodied per unit"), h("dd", {}, `${kg(ctx, u.embodiedKgCO2e)} (${kg(ctx, u.embodiedMinKgCO2e)} \u2013 ${kg(ctx, u.embodiedMaxKgCO2e)})`)),
          h("div", {}, h("dt", {}, "Power per unit"), h("dd", {}, `${number(u.powerW)} W`)),
          h("div", {}, h("dt", {}, "Electricity"), h("dd", {}, `${energy(asset.energyKWh.facility)} facility (${energy(asset.energyKWh.it)} IT)`))
        ),
        h(
          "div",
          {},
          h("p", { class: "hint" }, "By lifecycle stage"),
          stackedBar(
            STAGES.map((s2, i) => ({ value: asset.byStage[s2], className: `st${i}`, label: `${STAGE_LABELS[s2]}: ${kg(ctx, asset.byStage[s2])}` })),
            stageTotal,
            `${asset.id} by stage: ${STAGES.map((s2) => `${STAGE_LABELS[s2]} ${kg(ctx, asset.byStage[s2])}`).join(", ")}`,
            18
          ),
          legend(STAGES.map((s2, i) => ({ className: `st${i}`, label: `${STAGE_LABELS[s2]} ${kg(ctx, asset.byStage[s2])}` }))),
          h("p", { class: "hint" }, "By scope"),
          h(
            "ul",
            { class: "inline-list" },
            SCOPES.map((scope) => h("li", {}, `${scope.label}: ${kg(ctx, asset.byScope[scope.key])}`)),
            h("li", {}, `Scope 2 market-based: ${kg(ctx, asset.byScope.scope2Market)}`)
          )
        )
      ),
      asset.parts.length > 0 ? h(
        "details",
        { class: "data-table" },
        h("summary", {}, `Embodied emissions of one unit by part (${asset.parts.length})`),
        h(
          "div",
          { class: "table-scroll" },
          h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Part"), h("th", { scope: "col", class: "num" }, "kgCO2e"), h("th", { scope: "col", class: "num" }, "Range"), h("th", { scope: "col" }, "Source"))),
            h(
              "tbody",
              {},
              asset.parts.map((p) => h("tr", {}, h("th", { scope: "row" }, p.label), h("td", { class: "num" }, number(p.kgCO2e)), h("td", { class: "num" }, `${number(p.min)} \u2013 ${number(p.max)}`), h("td", { class: "source" }, p.source)))
            )
          )
        )
      ) : null,
      asset.assumptions.length > 0 ? h("div", {}, h("p", { class: "hint" }, "Assumptions"), h("ul", { class: "assumptions" }, asset.assumptions.map((a) => h("li", {}, a)))) : null
    );
  }

  // client/webview/sections.ts
  function section(id, title, intro, ...children) {
    const headingId = `${id}-title`;
    return h(
      "section",
      { id, class: "report-section", "aria-labelledby": headingId },
      h("h2", { id: headingId, tabindex: -1 }, title),
      intro ? h("p", { class: "section-intro" }, intro) : null,
      ...children
    );
  }
  function dataTable(summary, caption, head, rows, numericFrom = 1) {
    return h(
      "details",
      { class: "data-table" },
      h("summary", {}, summary),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          {},
          h("caption", { class: "sr-only" }, caption),
          h("thead", {}, h("tr", {}, head.map((cell, i) => h("th", { scope: "col", class: i >= numericFrom ? "num" : void 0 }, cell)))),
          h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell, i) => i === 0 ? h("th", { scope: "row" }, cell) : h("td", { class: i >= numericFrom ? "num" : void 0 }, cell)))))
        )
      )
    );
  }
  function header(ctx, status2) {
    const r = ctx.report;
    const updated = new Date(ctx.updatedAt);
    const time = Number.isNaN(updated.getTime()) ? "" : updated.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    const statusText = status2.state === "updating" ? "Updating\u2026" : status2.state === "error" ? "Not up to date" : `Live \xB7 updated ${time}`;
    return h(
      "header",
      { class: "report-header" },
      h(
        "div",
        { class: "title-block" },
        h("p", { class: "eyebrow" }, "Carbon inventory"),
        h("h1", {}, r.organization ?? "Unnamed organisation", r.period.label ? h("span", { class: "period" }, ` \xB7 ${r.period.label}`) : null),
        h(
          "p",
          { class: "meta" },
          h("span", { class: "file", title: ctx.source.uri }, ctx.source.detail),
          r.period.start ? h("span", {}, `${r.period.start} to ${r.period.end} (${number(r.period.hours)} h)`) : null,
          h("span", {}, `Method: ${r.methodology === "boavizta-2.4" ? "BoaviztAPI 2.4.1 parity" : r.methodology === "default" ? "Carbon Lens default" : r.methodology}`),
          h("span", { id: "update-status", class: `live ${status2.state}`, role: "status", "aria-live": "polite" }, statusText)
        )
      ),
      h("div", { class: "actions" }, h("button", { type: "button", class: "button", "data-action": "export", "data-focus-key": "export" }, "Export\u2026"))
    );
  }
  function banners(ctx, status2) {
    const r = ctx.report;
    const out = [];
    if (status2.state === "error" && status2.message) {
      out.push(h("div", { class: "banner error", role: "alert" }, h("strong", {}, "Not updated. "), status2.message, " The figures below are from the last successful analysis."));
    }
    const errors = r.diagnostics.filter((d) => d.severity === "error").length;
    if (r.assets.length === 0 && r.sites.length === 0 && errors > 0) {
      out.push(h("div", { class: "banner error", role: "alert" }, h("strong", {}, "No footprint yet. "), `The manifest has ${errors} error${errors > 1 ? "s" : ""} that keep it from being computed; see Issues below.`));
    } else if (!r.complete) {
      out.push(
        h(
          "div",
          { class: "banner warning", role: "note" },
          h("strong", {}, "Incomplete. "),
          `${r.excluded.length} item${r.excluded.length === 1 ? " is" : "s are"} left out of the totals because of errors: `,
          r.excluded.slice(0, 8).map((e, i) => [i > 0 ? ", " : "", lineLink(e.id ?? `line ${e.line}`, e.line, e.id ?? `excluded item`)]),
          r.excluded.length > 8 ? ` and ${r.excluded.length - 8} more` : "",
          "."
        )
      );
    }
    return out;
  }
  function totalCard(ctx, kind, b, scaleMax) {
    const title = kind === "period" ? "This period" : "GHG Protocol inventory";
    const explain = kind === "period" ? "Each asset's embodied emissions spread evenly over its lifespan: the footprint of running the fleet this period." : "Capital goods counted in full in the year they were bought (Scope 3 category 2), as the GHG Protocol requires.";
    const headline2 = ctx.view === kind;
    const id = uid("total");
    return h(
      "article",
      { class: `card total-card${headline2 ? " headline" : ""}`, "aria-labelledby": id, id: kind === "period" ? "report-total" : "report-inventory-total" },
      h("h3", { id }, title, headline2 ? h("span", { class: "tag", title: "The view chosen by the carbonLens.view setting: code lenses and budgets use it" }, "headline") : null),
      h("p", { class: "big", "data-kg": b.kgCO2e }, kg(ctx, b.kgCO2e)),
      h("p", { class: "range-text" }, `likely ${kg(ctx, b.min)} \u2013 ${kg(ctx, b.max)}`),
      rangeBar(b.kgCO2e, b.min, b.max, scaleMax, `${title}: ${kg(ctx, b.kgCO2e)}, range ${kg(ctx, b.min)} to ${kg(ctx, b.max)}`),
      h("p", { class: "explain" }, explain)
    );
  }
  function headline(ctx) {
    const t = ctx.report.totals;
    const inv = t.inventoryView;
    const scaleMax = Math.max(t.max, inv.max, t.kgCO2e, inv.kgCO2e);
    const s2 = t.byScope;
    const s2Max = Math.max(s2.scope2Location, s2.scope2Market);
    const s2Id = uid("s2");
    const fleetId = uid("fleet");
    const difference = s2.scope2Location > 0 ? 1 - s2.scope2Market / s2.scope2Location : 0;
    return h(
      "section",
      { class: "headline-grid", "aria-label": "Headline figures" },
      h(
        "div",
        { class: "totals-pair", role: "group", "aria-label": "Total footprint, period view and inventory view side by side on the same scale" },
        totalCard(ctx, "period", t, scaleMax),
        totalCard(ctx, "inventory", inv, scaleMax),
        h("p", { class: "axis-note" }, `Bars share one scale, 0 \u2013 ${kg(ctx, scaleMax)}; the band is the likely range, the mark the central estimate.`)
      ),
      h(
        "article",
        { class: "card", "aria-labelledby": s2Id },
        h("h3", { id: s2Id }, "Scope 2 electricity"),
        h(
          "dl",
          { class: "pair-values" },
          h("div", {}, h("dt", {}, "Location-based"), h("dd", { class: "value" }, kg(ctx, s2.scope2Location))),
          h("div", {}, h("dt", {}, "Market-based"), h("dd", { class: "value" }, kg(ctx, s2.scope2Market)))
        ),
        pairBar(
          { value: s2.scope2Location, className: "s2", label: `Location-based ${kg(ctx, s2.scope2Location)}` },
          { value: s2.scope2Market, className: "s2m", label: `Market-based ${kg(ctx, s2.scope2Market)}` },
          s2Max,
          `Scope 2: location-based ${kg(ctx, s2.scope2Location)}, market-based ${kg(ctx, s2.scope2Market)}`
        ),
        h(
          "p",
          { class: "explain" },
          difference > 5e-4 ? `Renewable contracts bring market-based Scope 2 ${percent(difference)} below the grid average. Market-based total: ${kg(ctx, t.marketKgCO2e)}.` : `No renewable contracts lower market-based Scope 2. Market-based total: ${kg(ctx, t.marketKgCO2e)}.`
        )
      ),
      h(
        "article",
        { class: "card", "aria-labelledby": fleetId },
        h("h3", { id: fleetId }, "Fleet and energy"),
        h(
          "dl",
          { class: "facts" },
          h("div", {}, h("dt", {}, "Units"), h("dd", {}, number(t.units))),
          h("div", {}, h("dt", {}, "GPUs"), h("dd", {}, number(t.gpus))),
          h("div", {}, h("dt", {}, "Assets \xB7 sites"), h("dd", {}, `${number(ctx.report.assets.length)} \xB7 ${number(ctx.report.sites.length)}`)),
          h("div", {}, h("dt", {}, "Facility electricity"), h("dd", {}, energy(t.facilityEnergyKWh))),
          h("div", {}, h("dt", {}, "of which IT"), h("dd", {}, energy(t.itEnergyKWh)))
        )
      )
    );
  }
  function breakdown(ctx) {
    const which = ctx.state.breakdown ?? ctx.view;
    const b = which === "inventory" ? ctx.report.totals.inventoryView : ctx.report.totals;
    const stageMax = Math.max(0, ...STAGES.map((stage) => SCOPES.reduce((sum, scope) => sum + b.matrix[stage][scope.key], 0)));
    const toggle = h(
      "div",
      { class: "segmented", role: "group", "aria-label": "Totals shown in the charts" },
      ["period", "inventory"].map(
        (v) => h("button", { type: "button", class: "seg-button", "data-action": "breakdown", "data-view": v, "aria-pressed": String(which === v), "data-focus-key": `breakdown:${v}` }, v === "period" ? "This period" : "Inventory view")
      )
    );
    const stageRows = STAGES.map((stage) => {
      const cell = b.matrix[stage];
      const stageTotal = SCOPES.reduce((sum, scope) => sum + cell[scope.key], 0);
      const parts = SCOPES.filter((scope) => cell[scope.key] > 0).map((scope) => `${scope.label} ${kg(ctx, cell[scope.key])}`);
      return h(
        "div",
        { class: "chart-row" },
        h("div", { class: "row-label" }, STAGE_LABELS[stage], h("span", { class: "hint" }, STAGE_HINTS[stage])),
        stackedBar(
          SCOPES.map((scope) => ({ value: cell[scope.key], className: scope.className, label: `${STAGE_LABELS[stage]} \xB7 ${scope.label}: ${kg(ctx, cell[scope.key])}` })),
          stageMax,
          `${STAGE_LABELS[stage]}: ${kg(ctx, stageTotal)}${parts.length ? ` (${parts.join(", ")})` : ""}`
        ),
        h("div", { class: "row-value" }, kg(ctx, stageTotal), h("span", { class: "hint" }, percent(b.kgCO2e > 0 ? stageTotal / b.kgCO2e : 0)))
      );
    });
    const stageTable = dataTable(
      "Stage \xD7 scope table",
      "Emissions by lifecycle stage and scope, tCO2e",
      ["Stage", "Total tCO2e", "Scope 1", "Scope 2 location", "Scope 2 market", "Scope 3"],
      STAGES.map((stage) => {
        const m = b.matrix[stage];
        return [STAGE_LABELS[stage], tonnes(b.byStage[stage]), tonnes(m.scope1), tonnes(m.scope2Location), tonnes(m.scope2Market), tonnes(m.scope3)];
      })
    );
    const scopeValues = [
      { label: "Scope 1", value: b.byScope.scope1, className: "s1", hint: "direct" },
      { label: "Scope 2 location-based", value: b.byScope.scope2Location, className: "s2", hint: "grid average" },
      { label: "Scope 2 market-based", value: b.byScope.scope2Market, className: "s2m", hint: "with contracts" },
      { label: "Scope 3", value: b.byScope.scope3, className: "s3", hint: "value chain" }
    ];
    const scopeMax = Math.max(0, ...scopeValues.map((v) => v.value));
    const categoryMax = Math.max(0, ...CATEGORIES.map((c) => b.scope3ByCategory[c.key]));
    return section(
      "breakdown",
      "Where the emissions come from",
      null,
      toggle,
      h(
        "div",
        { class: "two-columns" },
        h(
          "figure",
          { class: "chart card" },
          h("figcaption", {}, h("h3", {}, "Lifecycle stage \xD7 scope"), legend(SCOPES.map((s2) => ({ className: s2.className, label: s2.label })))),
          h("div", { class: "chart-rows" }, stageRows),
          stageTable
        ),
        h(
          "div",
          { class: "stack" },
          h(
            "figure",
            { class: "chart card" },
            h("figcaption", {}, h("h3", {}, "By GHG Protocol scope")),
            h(
              "div",
              { class: "chart-rows" },
              scopeValues.map(
                (v) => h(
                  "div",
                  { class: "chart-row" },
                  h("div", { class: "row-label" }, v.label, h("span", { class: "hint" }, v.hint)),
                  simpleBar(v.value, scopeMax, v.className, `${v.label}: ${kg(ctx, v.value)}`),
                  h("div", { class: "row-value" }, kg(ctx, v.value))
                )
              )
            ),
            h("p", { class: "explain" }, "Location- and market-based Scope 2 are two ways of counting the same electricity: add one or the other, never both.")
          ),
          h(
            "figure",
            { class: "chart card" },
            h("figcaption", {}, h("h3", {}, "Scope 3 by category")),
            h(
              "div",
              { class: "chart-rows" },
              CATEGORIES.map(
                (c) => h(
                  "div",
                  { class: "chart-row" },
                  h("div", { class: "row-label" }, c.label),
                  simpleBar(b.scope3ByCategory[c.key], categoryMax, "s3", `${c.label}: ${kg(ctx, b.scope3ByCategory[c.key])}`),
                  h("div", { class: "row-value" }, kg(ctx, b.scope3ByCategory[c.key]))
                )
              )
            )
          )
        )
      )
    );
  }
  function budgetStatus(b) {
    return b.status === "exceeded" ? "exceeded" : b.near ? "near" : "ok";
  }
  var STATUS_TEXT = { ok: "Within budget", near: "Near the limit", exceeded: "Exceeded" };
  var STATUS_GLYPH = { ok: "\u2713", near: "!", exceeded: "\u2715" };
  function budgets(ctx) {
    const r = ctx.report;
    if (r.budgets.length === 0) {
      return section("budgets", "Budgets", null, h("p", { class: "empty" }, "This manifest sets no budgets. Add a ", h("code", {}, "budgets:"), " list (a limit in tCO2e, optionally per stage, scope, site or per GPU) to track it here and in the Problems panel."));
    }
    const lines = assetLines(r);
    const siteLines = new Map(r.sites.map((site) => [site.id, site.line]));
    const focus = ctx.state.focus?.kind === "budget" ? ctx.state.focus.id : void 0;
    const cards = r.budgets.map((b) => {
      const status2 = budgetStatus(b);
      const titleId = `budget-${b.index}-title`;
      const unitNote = b.per ? ` per ${b.per === "gpu" ? "GPU" : "unit"}` : "";
      const contributors = b.contributors.slice(0, 3);
      const used = b.ratio === null ? "over" : percent(b.ratio);
      return h(
        "article",
        {
          class: `card budget ${status2}${focus === b.id ? " focused" : ""}`,
          id: `budget-${b.index}`,
          tabindex: -1,
          "aria-labelledby": titleId,
          "data-focus-key": `budget:${b.index}`
        },
        h("h3", { id: titleId }, lineLink(b.id, b.line, `budget ${b.id}`)),
        gauge(
          // null: a zero limit with a non-zero actual (infinitely over).
          b.ratio ?? 1,
          b.limitKgCO2e > 0 ? b.min / b.limitKgCO2e : 0,
          b.limitKgCO2e > 0 ? b.max / b.limitKgCO2e : 0,
          status2,
          `Budget ${b.id}: ${kg(ctx, b.actualKgCO2e)} of ${kg(ctx, b.limitKgCO2e)}${unitNote}, ${used} used; ${STATUS_TEXT[status2].toLowerCase()}`,
          used
        ),
        h("p", { class: `pill ${status2}` }, h("span", { "aria-hidden": "true" }, STATUS_GLYPH[status2]), ` ${STATUS_TEXT[status2]}`, status2 === "exceeded" ? ` (${b.severity})` : ""),
        h("p", { class: "budget-figures" }, h("strong", {}, kg(ctx, b.actualKgCO2e)), ` of ${kg(ctx, b.limitKgCO2e)}${unitNote}`),
        h("p", { class: "hint" }, `likely ${kg(ctx, b.min)} \u2013 ${kg(ctx, b.max)} \xB7 ${b.view === "period" ? "this period" : "inventory view"}`),
        contributors.length > 0 ? h(
          "div",
          { class: "contributors" },
          h("p", { class: "hint" }, "Largest contributors"),
          h(
            "ol",
            {},
            contributors.map((c) => {
              const line = c.kind === "asset" ? lines.get(c.id) : siteLines.get(c.id);
              return h(
                "li",
                {},
                h("span", { class: "who" }, line ? lineLink(c.id, line, `${c.kind} ${c.id}`) : c.id, c.kind === "site" ? h("span", { class: "hint" }, " site, direct") : null),
                h("span", { class: "num" }, kg(ctx, c.kgCO2e))
              );
            })
          )
        ) : null
      );
    });
    return section("budgets", "Budgets", null, h("div", { class: "budget-grid" }, cards));
  }
  function rankedList(ctx, title, items, total, more) {
    const max = Math.max(0, ...items.map((i) => i.kgCO2e));
    const id = uid("rank");
    return h(
      "figure",
      { class: "chart card ranked", "aria-labelledby": id },
      h("figcaption", {}, h("h3", { id }, title)),
      items.length === 0 ? h("p", { class: "empty" }, "Nothing to rank yet.") : h(
        "ol",
        { class: "ranked-list" },
        items.map(
          (item) => h(
            "li",
            {},
            h("div", { class: "ranked-label" }, item.line ? lineLink(item.label, item.line, item.linkWhat) : h("span", {}, item.label), item.note ? h("span", { class: "hint" }, item.note) : null),
            simpleBar(item.kgCO2e, max, "hot", `${item.label}: ${kg(ctx, item.kgCO2e)}, ${percent(item.share)} of the total`, 8),
            h("div", { class: "ranked-value" }, kg(ctx, item.kgCO2e), h("span", { class: "hint" }, percent(item.share)))
          )
        )
      ),
      more > 0 ? h("p", { class: "hint more" }, `and ${number(more)} more (of ${kg(ctx, total)} in total)`) : null
    );
  }
  var TOP = 8;
  function hotspots(ctx, sortedAssets2) {
    const r = ctx.report;
    const firstAssetOfModel = /* @__PURE__ */ new Map();
    for (const asset of sortedAssets2) {
      const key = asset.model ?? "component-level servers";
      if (!firstAssetOfModel.has(key)) firstAssetOfModel.set(key, asset.line);
    }
    const assets = sortedAssets2.slice(0, TOP).map((a) => ({ label: a.id, kgCO2e: a.kgCO2e, share: a.share, line: a.line, linkWhat: `asset ${a.id}`, note: `${number(a.count)} \xD7 ${a.model ?? "component-level"}` }));
    const models = r.models.slice(0, TOP).map((m) => ({
      label: m.model,
      kgCO2e: m.kgCO2e,
      share: m.share,
      line: firstAssetOfModel.get(m.model),
      linkWhat: `largest asset using ${m.model}`,
      note: `${number(m.units)} units in ${number(m.assets)} asset${m.assets === 1 ? "" : "s"}`
    }));
    const sites2 = [...r.sites].sort((a, b) => b.kgCO2e - a.kgCO2e).slice(0, TOP).map((site) => ({ label: site.id, kgCO2e: site.kgCO2e, share: site.share, line: site.line, linkWhat: `site ${site.id}`, note: `${site.location ?? "world average grid"} \xB7 PUE ${number(site.pue)}` }));
    return section(
      "hotspots",
      "Hotspots",
      "The largest contributors this period. Names link to their line in the manifest.",
      h(
        "div",
        { class: "three-columns" },
        rankedList(ctx, "Assets", assets, r.totals.kgCO2e, r.assets.length - assets.length),
        rankedList(ctx, "Hardware models", models, r.totals.kgCO2e, r.models.length - models.length),
        rankedList(ctx, "Sites (incl. direct emissions)", sites2, r.totals.kgCO2e, r.sites.length - sites2.length)
      )
    );
  }
  function scenarios(ctx) {
    const r = ctx.report;
    const all = [
      ...r.scenarios.map((s2) => ({ ...s2, source: "Manifest scenario" })),
      ...r.whatIfs.map((s2) => ({ ...s2, source: "What-if" }))
    ];
    const pending = ctx.whatIfsPending ? h("p", { class: "hint pending", role: "status" }, "Computing the built-in what-ifs for this fleet; they appear here in a moment.") : null;
    if (all.length === 0 && pending) return section("scenarios", "Reduction levers", null, pending);
    if (all.length === 0) {
      return section("scenarios", "Reduction levers", null, h("p", { class: "empty" }, "No scenarios. Add a ", h("code", {}, "scenarios:"), " list to the manifest to compare changes (PUE, renewable share, lifespan, refurbished hardware, location)."));
    }
    const max = Math.max(0, ...all.map((s2) => Math.max(s2.savingKgCO2e, s2.savingMarketKgCO2e)));
    const rows = all.map(
      (s2) => h(
        "tr",
        {},
        h("th", { scope: "row" }, h("span", { class: "scenario-name" }, s2.description), h("span", { class: "hint" }, `${s2.source} \xB7 ${s2.id}`)),
        h("td", { class: "num" }, kg(ctx, s2.savingKgCO2e), h("span", { class: "hint" }, percent(s2.savingShare))),
        h("td", { class: "num" }, kg(ctx, s2.savingMarketKgCO2e), h("span", { class: "hint" }, percent(s2.savingMarketShare))),
        h(
          "td",
          { class: "bar-cell" },
          pairBar(
            { value: Math.max(0, s2.savingKgCO2e), className: "save", label: `Location-based saving ${kg(ctx, s2.savingKgCO2e)}` },
            { value: Math.max(0, s2.savingMarketKgCO2e), className: "save-m", label: `Market-based saving ${kg(ctx, s2.savingMarketKgCO2e)}` },
            max,
            `${s2.description}: saves ${kg(ctx, s2.savingKgCO2e)} (${percent(s2.savingShare)}) location-based, ${kg(ctx, s2.savingMarketKgCO2e)} (${percent(s2.savingMarketShare)}) market-based`
          )
        )
      )
    );
    return section(
      "scenarios",
      "Reduction levers",
      "Savings against this period's total if each change were made on its own. Renewable contracts only show in the market-based figure.",
      pending,
      h(
        "div",
        { class: "table-scroll card" },
        h(
          "table",
          { class: "scenario-table" },
          h("caption", { class: "sr-only" }, "Reduction scenarios and what-ifs with their savings"),
          h(
            "thead",
            {},
            h("tr", {}, h("th", { scope: "col" }, "Lever"), h("th", { scope: "col", class: "num" }, "Saving (location)"), h("th", { scope: "col", class: "num" }, "Saving (market)"), h("th", { scope: "col" }, srOnly("Chart"), legend([{ className: "save", label: "location" }, { className: "save-m", label: "market" }])))
          ),
          h("tbody", {}, rows)
        )
      )
    );
  }
  var SITE_ROWS = 200;
  function sites(ctx) {
    const r = ctx.report;
    if (r.sites.length === 0) return null;
    const list = [...r.sites].sort((a, b) => b.kgCO2e - a.kgCO2e);
    return section(
      "sites",
      "Sites and electricity",
      "Grid factors marked * are assumed (no location given); PUE marked * is the default.",
      h(
        "div",
        { class: "table-scroll card", role: "region", "aria-label": "Sites table", tabindex: 0 },
        h(
          "table",
          {},
          h("caption", { class: "sr-only" }, "Sites with their grid, PUE, energy and emissions"),
          h(
            "thead",
            {},
            h("tr", {}, ["Site", "Grid", "kgCO2e/kWh", "PUE", "Renewable", "Facility MWh", "Scope 1 t", "Scope 2 loc. t", "Scope 2 mkt. t", "Total t", "Share"].map((c, i) => h("th", { scope: "col", class: i >= 2 ? "num" : void 0 }, c)))
          ),
          h(
            "tbody",
            {},
            list.slice(0, SITE_ROWS).map((site) => {
              const direct = site.scope1.dieselKgCO2e + site.scope1.refrigerants.reduce((sum, x) => sum + x.kgCO2e, 0);
              return h(
                "tr",
                {},
                h("th", { scope: "row" }, lineLink(site.id, site.line, `site ${site.id}`)),
                h("td", { title: `${site.gridSource} (${site.gridYear})` }, site.location ?? "world average", site.gridAssumed ? " *" : ""),
                h("td", { class: "num" }, number(site.gridKgCO2ePerKWh)),
                h("td", { class: "num" }, number(site.pue), site.pueAssumed ? " *" : ""),
                h("td", { class: "num" }, percent(site.renewableShare)),
                h("td", { class: "num" }, number(site.energyKWh.facility / 1e3)),
                h("td", { class: "num" }, tonnes(direct)),
                h("td", { class: "num" }, tonnes(site.scope2LocationKgCO2e)),
                h("td", { class: "num" }, tonnes(site.scope2MarketKgCO2e)),
                h("td", { class: "num strong" }, tonnes(site.kgCO2e)),
                h("td", { class: "num" }, percent(site.share))
              );
            })
          )
        )
      ),
      list.length > SITE_ROWS ? h("p", { class: "hint" }, `Showing the ${SITE_ROWS} largest of ${number(list.length)} sites; export the report for all of them.`) : null
    );
  }
  var ISSUE_ROWS = 200;
  function issues(ctx) {
    const list = ctx.report.diagnostics;
    if (list.length === 0) return null;
    const order = { error: 0, warning: 1, info: 2, hint: 3 };
    const sorted = [...list].sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
    const counts = ["error", "warning", "info"].map((sev) => [sev, list.filter((d) => d.severity === sev).length]).filter(([, n]) => n > 0);
    return section(
      "issues",
      `Issues (${number(list.length)})`,
      counts.map(([sev, n]) => `${n} ${sev}${n === 1 ? "" : sev === "info" ? "" : "s"}`).join(", "),
      h(
        "ul",
        { class: "issue-list card" },
        sorted.slice(0, ISSUE_ROWS).map(
          (d) => h(
            "li",
            { class: `issue ${d.severity}` },
            h("span", { class: `sev ${d.severity}` }, d.severity),
            lineLink(`line ${d.line}`, d.line, `${d.severity} ${d.code}`),
            h("span", { class: "issue-message" }, d.message),
            h("code", {}, d.code)
          )
        )
      ),
      list.length > ISSUE_ROWS ? h("p", { class: "hint" }, `and ${number(list.length - ISSUE_ROWS)} more in the Problems panel.`) : null
    );
  }
  function factors(ctx) {
    const list = ctx.report.factors;
    if (list.length === 0) return null;
    return section(
      "factors",
      `Emission factors (${number(list.length)})`,
      "Every factor the figures above multiply by, with its source and reference year.",
      h(
        "details",
        { class: "card factors" },
        h("summary", {}, "Show the factors and their sources"),
        h(
          "div",
          { class: "table-scroll" },
          h(
            "table",
            {},
            h("caption", { class: "sr-only" }, "Emission factors used"),
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Factor"), h("th", { scope: "col", class: "num" }, "Value"), h("th", { scope: "col" }, "Unit"), h("th", { scope: "col", class: "num" }, "Year"), h("th", { scope: "col" }, "Source"))),
            h(
              "tbody",
              {},
              list.map(
                (f) => h(
                  "tr",
                  {},
                  h("th", { scope: "row" }, h("code", {}, f.id), f.overridden ? h("span", { class: "tag" }, "manifest override") : null),
                  h("td", { class: "num" }, number(f.value, 4)),
                  h("td", {}, f.unit),
                  h("td", { class: "num" }, String(f.year)),
                  h("td", { class: "source" }, f.source)
                )
              )
            )
          )
        )
      )
    );
  }
  function footer(ctx) {
    return h(
      "footer",
      { class: "report-footer" },
      h("p", {}, `Computed by the Carbon Lens language server (${ctx.report.methodology} methodology) from ${ctx.source.detail}. Figures are estimates with ranges; see the emission factors above for their sources.`)
    );
  }

  // client/webview/report.ts
  var vscode = acquireVsCodeApi();
  var main = document.getElementById("report-main");
  var state = vscode.getState() ?? { uri: "" };
  var current;
  var source;
  var status = { state: "ok" };
  var details;
  function saveState() {
    vscode.setState(state);
  }
  function assetView() {
    return state.assets ?? DEFAULT_ASSET_VIEW;
  }
  var sortedCache;
  function sortedAssets(report, view) {
    const key = `${view.sort}|${view.descending}|${view.filter}`;
    if (sortedCache?.report !== report || sortedCache.key !== key) sortedCache = { report, key, rows: sortAssets(report.assets, view) };
    return sortedCache.rows;
  }
  var bySizeCache;
  function assetsBySize(report) {
    if (bySizeCache?.report !== report) bySizeCache = { report, rows: [...report.assets].sort((a, b) => b.kgCO2e - a.kgCO2e) };
    return bySizeCache.rows;
  }
  function context() {
    if (!current) return void 0;
    return { report: current.report, source: current.source, units: current.units, view: current.view, updatedAt: current.updatedAt, state, whatIfsPending: current.whatIfsPending };
  }
  function tableOfContents(ctx) {
    const entries = [
      ["breakdown", "Breakdown"],
      ["budgets", `Budgets (${ctx.report.budgets.length})`],
      ["hotspots", "Hotspots"],
      ["scenarios", "Reduction levers"],
      ["assets", `Assets (${ctx.report.assets.length.toLocaleString("en-US")})`]
    ];
    if (ctx.report.sites.length > 0) entries.push(["sites", "Sites"]);
    if (ctx.report.diagnostics.length > 0) entries.push(["issues", `Issues (${ctx.report.diagnostics.length})`]);
    if (ctx.report.factors.length > 0) entries.push(["factors", "Factors"]);
    return h("nav", { class: "toc", "aria-label": "Sections of the report" }, h("ul", {}, entries.map(([id, label]) => h("li", {}, h("a", { href: `#${id}`, "data-action": "jump", "data-target": id, "data-focus-key": `toc:${id}` }, label)))));
  }
  function assetsSection(ctx) {
    const view = assetView();
    const focusId = state.focus?.kind === "asset" ? state.focus.id : void 0;
    const focus = focusId === void 0 ? void 0 : details?.id === focusId ? details : ctx.report.assets.find((a) => a.id === focusId);
    const filterId = "asset-filter";
    return section(
      "assets",
      `All assets (${ctx.report.assets.length.toLocaleString("en-US")})`,
      null,
      focus ? assetDetail(ctx, focus) : null,
      h(
        "div",
        { class: "table-tools" },
        h("label", { for: filterId }, "Filter"),
        h("input", { id: filterId, type: "search", class: "input", placeholder: "asset, site or model", value: view.filter, "data-focus-key": "asset-filter", autocomplete: "off", spellcheck: "false" }),
        h("span", { class: "hint" }, `${PAGE_SIZE} per page \xB7 click a column to sort`)
      ),
      assetTable(ctx, sortedAssets(ctx.report, view), view)
    );
  }
  function activeFocusKey() {
    const active = document.activeElement;
    const key = active?.getAttribute("data-focus-key");
    if (!active || !key) return void 0;
    const input = active instanceof HTMLInputElement ? active : void 0;
    return { key, start: input?.selectionStart ?? null, end: input?.selectionEnd ?? null };
  }
  function restoreFocus(saved) {
    if (!saved) return;
    const element = [...document.querySelectorAll("[data-focus-key]")].find((e) => e.getAttribute("data-focus-key") === saved.key);
    if (!element) return;
    element.focus({ preventScroll: true });
    if (element instanceof HTMLInputElement && saved.start !== null) element.setSelectionRange(saved.start, saved.end ?? saved.start);
  }
  function render(scrollToFocus = false) {
    const ctx = context();
    if (!ctx) return;
    const started = performance.now();
    const saved = activeFocusKey();
    const scrollY = window.scrollY;
    const content = [
      header(ctx, status),
      ...banners(ctx, status),
      tableOfContents(ctx),
      headline(ctx),
      breakdown(ctx),
      budgets(ctx),
      hotspots(ctx, assetsBySize(ctx.report)),
      scenarios(ctx),
      assetsSection(ctx),
      sites(ctx),
      issues(ctx),
      factors(ctx),
      footer(ctx)
    ];
    main.replaceChildren(...content.filter((node) => node !== null));
    main.setAttribute("aria-busy", "false");
    main.setAttribute("data-render-ms", String(Math.round(performance.now() - started)));
    if (scrollToFocus && state.focus) {
      revealFocus(state.focus);
    } else {
      window.scrollTo(0, scrollY);
      restoreFocus(saved);
    }
  }
  function renderAssetTable() {
    const ctx = context();
    const container = document.getElementById("asset-table");
    if (!ctx || !container) return;
    const saved = activeFocusKey();
    container.replaceWith(assetTable(ctx, sortedAssets(ctx.report, assetView()), assetView()));
    restoreFocus(saved);
  }
  function revealFocus(focus) {
    const target = focus.kind === "asset" ? document.getElementById("focused-asset") : document.getElementById(`budget-${current?.report.budgets.find((b) => b.id === focus.id)?.index ?? -1}`);
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }
  function renderMessage(text, kind) {
    main.replaceChildren(h("p", { class: kind === "error" ? "banner error" : "loading", role: kind === "error" ? "alert" : "status" }, text));
  }
  function showFocusedAsset(focus) {
    if (!current || focus.kind !== "asset") return;
    let view = assetView();
    let rows = sortedAssets(current.report, view);
    let index = rows.findIndex((a) => a.id === focus.id);
    if (index < 0 && view.filter) {
      view = { ...view, filter: "" };
      rows = sortedAssets(current.report, view);
      index = rows.findIndex((a) => a.id === focus.id);
    }
    if (index >= 0) state.assets = { ...view, page: Math.floor(index / PAGE_SIZE) };
  }
  function setFocus(focus) {
    state.focus = focus;
    if (focus) showFocusedAsset(focus);
    saveState();
  }
  window.addEventListener("message", (event) => {
    const message = event.data;
    if (!message || typeof message !== "object") return;
    switch (message.type) {
      case "init":
        source = message.source;
        if (state.uri !== source.uri) state = { uri: source.uri };
        saveState();
        if (!current) renderMessage(`Computing the carbon report of ${source.label}\u2026`, "loading");
        break;
      case "report": {
        current = message;
        source = message.source;
        if (message.details) details = message.details;
        status = { state: "ok" };
        if (state.uri !== message.source.uri) state = { uri: message.source.uri };
        if (message.focus) setFocus(message.focus);
        else if (state.focus && state.focus.kind === "asset" && !message.report.assets.some((a) => a.id === state.focus?.id)) setFocus(void 0);
        else saveState();
        render(!!message.focus);
        vscode.postMessage({ type: "rendered", revision: message.revision, ...state.focus ? { focus: state.focus } : {} });
        break;
      }
      case "focus":
        if (message.details) details = message.details;
        setFocus(message.focus);
        render(true);
        if (current) vscode.postMessage({ type: "rendered", revision: current.revision, ...state.focus ? { focus: state.focus } : {} });
        break;
      case "status": {
        status = { state: message.state, message: message.message };
        if (!current) {
          if (message.state === "error") renderMessage(message.message ?? "The report could not be computed.", "error");
          break;
        }
        if (message.state === "updating") {
          const live = document.getElementById("update-status");
          if (live) {
            live.textContent = "Updating\u2026";
            live.className = "live updating";
          }
        } else {
          render();
        }
        break;
      }
    }
  });
  var SORT_KEYS = new Set(COLUMNS.map((c) => c.key));
  document.addEventListener("click", (event) => {
    const target = event.target?.closest("[data-line], [data-action]");
    if (!target) return;
    const line = target.getAttribute("data-line");
    if (line !== null) {
      event.preventDefault();
      const n = Number(line);
      if (Number.isSafeInteger(n) && n >= 1) vscode.postMessage({ type: "reveal", line: n });
      return;
    }
    const action = target.getAttribute("data-action");
    const view = assetView();
    switch (action) {
      case "export":
        vscode.postMessage({ type: "export" });
        break;
      case "details": {
        const id = target.getAttribute("data-id");
        if (id) vscode.postMessage({ type: "details", id });
        break;
      }
      case "jump": {
        event.preventDefault();
        const id = target.getAttribute("data-target") ?? "";
        const heading = document.getElementById(`${id}-title`);
        heading?.closest("section")?.scrollIntoView({ block: "start" });
        heading?.setAttribute("tabindex", "-1");
        heading?.focus({ preventScroll: true });
        break;
      }
      case "sort": {
        const key = target.getAttribute("data-key") ?? "";
        if (!SORT_KEYS.has(key)) return;
        const sort = key;
        const descending = view.sort === sort ? !view.descending : !["id", "site", "model", "line"].includes(sort);
        state.assets = { ...view, sort, descending, page: 0 };
        saveState();
        renderAssetTable();
        break;
      }
      case "page": {
        const page = Number(target.getAttribute("data-page"));
        if (!current || !Number.isSafeInteger(page)) return;
        const pages = pageCount(sortedAssets(current.report, view).length);
        state.assets = { ...view, page: Math.min(Math.max(0, page), pages - 1) };
        saveState();
        renderAssetTable();
        document.getElementById("asset-table")?.scrollIntoView({ block: "nearest" });
        break;
      }
      case "breakdown": {
        const v = target.getAttribute("data-view");
        if (v !== "period" && v !== "inventory") return;
        state.breakdown = v;
        saveState();
        render();
        break;
      }
      case "clear-focus":
        state.focus = void 0;
        saveState();
        render();
        document.getElementById("assets-title")?.focus({ preventScroll: true });
        break;
    }
  });
  var filterTimer;
  document.addEventListener("input", (event) => {
    const input = event.target;
    if (input?.id !== "asset-filter") return;
    if (filterTimer) clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      state.assets = { ...assetView(), filter: input.value, page: 0 };
      saveState();
      renderAssetTable();
    }, 150);
  });
  if (state.uri) renderMessage("Loading the carbon report\u2026", "loading");
  vscode.postMessage({ type: "ready" });
})();
//# sourceMappingURL=report.js.map
