// Roadmap webview script. Runs under a strict CSP (nonce); Mermaid is the bundled local copy.
// Clicks are sent to the extension as messages – Mermaid click handlers are never used.
// Filters (field, AI only, period) are computed by the extension; zoom, pan and the sticky time
// axis happen here. The state (diagram type, filter, zoom) is saved with the webview, so VS Code
// restores the panel as it was after a reload.
(function () {
  // Mermaid (3 MB) loads after this script has asked for the roadmap, so that the extension
  // computes it while Mermaid is parsed; the same nonce lets it pass the CSP.
  const me = document.currentScript;
  const mermaidLoaded = new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = me.nonce;
    script.src = me.dataset.mermaid || '';
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error('Mermaid could not be loaded')));
    document.head.appendChild(script);
  });
  const vscode = acquireVsCodeApi();
  const container = document.getElementById('diagrams');
  const typeSelect = document.getElementById('type');
  const fieldSelect = document.getElementById('field');
  const aiBox = document.getElementById('ai');
  const fromInput = document.getElementById('from');
  const toInput = document.getElementById('to');
  const status = document.getElementById('status');
  const zoomLabel = document.getElementById('zoom-reset');
  let nodeMap = {};
  let renderCount = 0;
  let lastMessage = {};
  const state = vscode.getState() || {};
  let zoom = typeof state.zoom === 'number' ? state.zoom : 1;
  zoomLabel.textContent = `${Math.round(zoom * 100)}%`;

  function save(extra) {
    Object.assign(state, extra);
    vscode.setState(state);
  }

  function theme() {
    const c = document.body.classList;
    if (c.contains('vscode-high-contrast') && !c.contains('vscode-high-contrast-light')) return 'dark';
    if (c.contains('vscode-dark')) return 'dark';
    return 'default';
  }

  function fillFields(fields, selected) {
    const keep = fieldSelect.options[0];
    fieldSelect.replaceChildren(keep);
    for (const f of fields || []) {
      const o = document.createElement('option');
      o.value = f.id;
      o.textContent = f.title; // textContent: user text never becomes markup
      fieldSelect.appendChild(o);
    }
    fieldSelect.value = selected || '';
  }

  /** Zoom: the SVGs get a width of their natural width times the factor; the panel scrolls. */
  function zoomDiagram(div) {
    for (const svg of div.querySelectorAll(':scope > svg, .axis > svg')) {
      const natural = Number(svg.dataset.naturalWidth) || svg.viewBox.baseVal.width || svg.getBoundingClientRect().width;
      svg.dataset.naturalWidth = String(natural);
      svg.style.width = `${Math.round(natural * zoom)}px`;
      svg.style.maxWidth = 'none';
    }
    for (const axis of div.querySelectorAll('.axis')) {
      // Laid over the chart's own axis band, so that at the top the axis is not shown twice.
      const h = Math.round(Number(axis.dataset.band) * zoom);
      axis.style.height = `${h}px`;
      axis.style.marginBottom = `${-h}px`;
    }
  }

  function applyZoom() {
    for (const div of chunks()) {
      if (div.shown) zoomDiagram(div);
      else if (div.source) div.style.minHeight = `${estimate(div.source)}px`;
    }
    zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
    save({ zoom });
  }

  function setZoom(z) {
    zoom = Math.min(8, Math.max(0.1, z));
    applyZoom();
    void drawNear();
  }

  /**
   * The time axis stays visible: a gantt is drawn with its axis on top (`topAxis`), and a copy of
   * the SVG's axis band (its style, the top grid and the title, not its bars) sticks to the top of
   * the scrolling diagram.
   */
  function stickyAxis(div, svg) {
    const grids = svg.querySelectorAll('g.grid');
    const top = grids[grids.length - 1];
    if (!top || grids.length < 2) return;
    const band = top.getBBox().y + (top.transform.baseVal.consolidate()?.matrix.f ?? 0) + 4;
    const axis = document.createElement('div');
    axis.className = 'axis';
    axis.dataset.band = String(Math.max(24, band));
    // The root keeps its id (Mermaid's <style> is scoped to it); inner ids would clash with the chart's.
    const copy = svg.cloneNode(false);
    for (const part of svg.children) {
      if (part.tagName === 'style' || part.tagName === 'defs' || part === top || part.classList.contains('titleText')) copy.appendChild(part.cloneNode(true));
    }
    for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
    copy.dataset.naturalWidth = svg.dataset.naturalWidth;
    copy.setAttribute('aria-hidden', 'true');
    axis.appendChild(copy);
    div.insertBefore(axis, svg);
  }

  // --- Rendering in chunks ------------------------------------------------------------------------
  // A large roadmap arrives as many Mermaid sources (chunks of a few dozen measures). Each chunk is
  // a <div class="diagram"> that holds a placeholder of about its height until it comes near the
  // visible area; then Mermaid draws it. SVGs are cached by theme and source, so after an edit only
  // the chunks whose source changed are drawn again (and Undo brings the old SVG back at once).
  const NEAR_PX = 1200; // chunks this close to the visible area are drawn too (smooth scrolling)
  const CACHE_SIZE = 160;
  const cache = new Map(); // theme + source → SVG text, least recently used first
  let current = { version: 0, diagramType: 'gantt', sources: [], summary: '' };
  let started = 0; // when the current version arrived (performance.now())
  let reported = -1; // the version whose 'rendered' was posted
  let stats = { drawn: 0, cached: 0, mermaidMs: 0 };

  function cacheGet(key) {
    const svg = cache.get(key);
    if (svg !== undefined) {
      cache.delete(key);
      cache.set(key, svg);
    }
    return svg;
  }

  function cachePut(key, svg) {
    cache.set(key, svg);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  }

  function chunks() {
    return [...container.children].filter((d) => d.classList.contains('diagram'));
  }

  function near(div) {
    const r = div.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    return r.bottom >= c.top - NEAR_PX && r.top <= c.bottom + NEAR_PX;
  }

  /** Height of a chunk not drawn yet: about a row per line of its source, at the current zoom. */
  function estimate(source) {
    const rows = source.split('\n').length;
    const width = Math.max(300, container.clientWidth - 4);
    return Math.round(Math.min(width * zoom, 1200 * zoom) / 1200 * (rows * 24 + 80));
  }

  const observer = new IntersectionObserver(() => void drawNear(), { root: container, rootMargin: `${NEAR_PX}px 0px` });

  /** A new version from the extension: chunks keep their place; those whose source changed are stale. */
  function render(msg) {
    // Unchanged parts are left out by the extension: a null source is the one this chunk has, no
    // node map is the one it sent before.
    if (msg.nodeMap) nodeMap = msg.nodeMap;
    typeSelect.value = msg.diagramType;
    const f = msg.filter || {};
    fillFields(msg.fields, f.field);
    aiBox.checked = !!f.aiOnly;
    fromInput.value = f.from || '';
    toInput.value = f.to || '';
    save({ root: msg.root, type: msg.diagramType, filter: f });
    const previous = current.sources;
    const sources = (msg.sources || []).map((source, i) => (source === null ? previous[i] : source));
    current = { version: msg.version || current.version + 1, diagramType: msg.diagramType, sources, summary: msg.summary || '' };
    started = performance.now();
    stats = { drawn: 0, cached: 0, mermaidMs: 0 };
    const divs = chunks();
    current.sources.forEach((source, i) => {
      let div = divs[i];
      if (!div) {
        div = document.createElement('div');
        div.className = 'diagram';
        div.style.minHeight = `${estimate(source)}px`;
        container.appendChild(div);
        observer.observe(div);
      }
      const key = `${theme()}\n${current.diagramType}\n${source}`;
      if (div.key === key) return;
      div.key = key;
      div.source = source;
      div.setAttribute('aria-busy', 'true');
      // Off screen, an outdated drawing is dropped (its place is kept); on screen it stays until
      // the new one is ready, so the chart does not flicker while typing.
      if (div.shown && !near(div)) {
        const h = div.getBoundingClientRect().height;
        div.replaceChildren();
        div.shown = undefined;
        div.style.minHeight = `${h}px`;
      }
    });
    for (const div of divs.slice(current.sources.length)) {
      observer.unobserve(div);
      div.remove();
    }
    if (!current.sources.length) status.textContent = current.summary;
    void drawNear();
  }

  function nextStale(all) {
    return all.find((div) => div.shown !== div.key && near(div));
  }

  let drawing; // the running drawing loop (a promise), if any
  let drawEverything = false;

  /** Draws the stale chunks near the visible area (all of them with `all`), top to bottom, one at a time. */
  function drawNear(all = false) {
    if (all === true) drawEverything = true;
    if (!drawing) drawing = drawLoop().finally(() => (drawing = undefined));
    return drawing;
  }

  async function drawLoop() {
    for (;;) {
      const divs = chunks();
      const div = drawEverything ? divs.find((d) => d.shown !== d.key) : nextStale(divs);
      if (!div) break;
      await draw(div);
      // Let scrolling, clicks and new messages in between two chunks.
      await new Promise((r) => setTimeout(r, 0));
    }
    drawEverything = false;
    report();
  }

  async function draw(div) {
    const key = div.key;
    let svg = cacheGet(key);
    if (svg === undefined) {
      const t = performance.now();
      try {
        await mermaidReady;
        ({ svg } = await mermaid.render('roadmap-' + renderCount++, div.source));
      } catch (e) {
        svg = null;
        status.textContent = String(e && e.message ? e.message : e);
      }
      stats.mermaidMs += performance.now() - t;
      stats.drawn++;
      if (svg) cachePut(key, svg);
    } else {
      stats.cached++;
    }
    if (div.key !== key) return; // a newer version arrived while Mermaid was drawing
    const above = div.getBoundingClientRect().top < container.getBoundingClientRect().top;
    const before = div.getBoundingClientRect().height;
    div.replaceChildren();
    if (svg) {
      // The SVG comes from Mermaid with securityLevel 'strict' (it sanitises labels).
      div.innerHTML = svg;
    }
    div.shown = key;
    div.failed = !svg;
    div.removeAttribute('aria-busy');
    div.style.minHeight = '';
    const el = div.querySelector('svg');
    if (el) {
      el.dataset.naturalWidth = String(el.viewBox.baseVal.width || el.getBoundingClientRect().width);
      if (current.diagramType === 'gantt') stickyAxis(div, el);
      zoomDiagram(div);
    }
    // A chunk above the visible area changed height: keep what the user looks at in place.
    if (above) container.scrollTop += div.getBoundingClientRect().height - before;
  }

  /** Tells the extension (and its tests and benchmark) once every chunk near the view shows this version. */
  function report() {
    const divs = chunks();
    if (reported === current.version || divs.some((d) => d.shown !== d.key && near(d))) return;
    reported = current.version;
    const ok = divs.filter((d) => d.shown === d.key && !d.failed).length;
    if (!divs.some((d) => d.failed)) status.textContent = current.summary;
    const message = { type: 'rendered', at: Date.now(), version: current.version, count: ok, total: divs.length, drawn: stats.drawn, cached: stats.cached, mermaidMs: Math.round(stats.mermaidMs), ms: Math.round(performance.now() - started) };
    // Also on the element, where the workbench tests and `npm run bench:vscode` read it.
    container.dataset.version = String(current.version);
    container.dataset.report = JSON.stringify(message);
    vscode.postMessage(message);
  }

  container.addEventListener('click', (event) => {
    if (dragged) return;
    let el = event.target;
    const chunk = el.closest && el.closest('.diagram');
    if (!chunk || chunk.shown !== chunk.key) return; // an outdated drawing: its ids may mean other measures now
    while (el && el !== container) {
      const id = el.id || (el.getAttribute && el.getAttribute('data-id')) || '';
      for (const nodeId of Object.keys(nodeMap)) {
        if (id === nodeId || id.includes('-' + nodeId + '-') || id.endsWith('-' + nodeId)) {
          vscode.postMessage({ type: 'open', measure: nodeMap[nodeId] });
          return;
        }
      }
      el = el.parentNode;
    }
  });

  // Pan: drag with the mouse (or scroll); zoom: Ctrl+wheel or the buttons.
  let drag;
  let dragged = false;
  container.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, left: container.scrollLeft, top: container.scrollTop };
    dragged = false;
  });
  window.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) dragged = true;
    container.scrollLeft = drag.left - dx;
    container.scrollTop = drag.top - dy;
  });
  window.addEventListener('pointerup', () => {
    drag = undefined;
    setTimeout(() => (dragged = false), 0);
  });
  container.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setZoom(zoom * (e.deltaY < 0 ? 1.15 : 1 / 1.15));
    },
    { passive: false },
  );
  document.getElementById('zoom-in').addEventListener('click', () => setZoom(zoom * 1.25));
  document.getElementById('zoom-out').addEventListener('click', () => setZoom(zoom / 1.25));
  zoomLabel.addEventListener('click', () => setZoom(1));

  function sendFilter() {
    const filter = { field: fieldSelect.value || undefined, aiOnly: aiBox.checked, from: fromInput.value.trim() || undefined, to: toInput.value.trim() || undefined };
    save({ filter });
    vscode.postMessage({ type: 'setFilter', filter });
  }
  fieldSelect.addEventListener('change', sendFilter);
  aiBox.addEventListener('change', sendFilter);
  for (const input of [fromInput, toInput]) input.addEventListener('change', () => (input.checkValidity() ? sendFilter() : undefined));

  typeSelect.addEventListener('change', () => vscode.postMessage({ type: 'setType', diagramType: typeSelect.value }));
  document.getElementById('export').addEventListener('click', async () => {
    // Chunks not drawn yet (far from the view) are drawn first: the export is the whole roadmap.
    await drawNear(true);
    const svgs = [...container.querySelectorAll('.diagram > svg')].map((s) => s.outerHTML);
    vscode.postMessage({ type: 'exportSvg', svgs });
  });
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copySource' }));

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'render') {
      lastMessage = msg;
      render(msg);
    }
  });
  // Another colour theme: Mermaid draws again (the cache is keyed by theme), without the extension.
  let lastTheme = theme();
  function initMermaid() {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: lastTheme, maxTextSize: 200000, gantt: { useWidth: 1200, topAxis: true } });
  }
  const mermaidReady = mermaidLoaded.then(initMermaid);
  new MutationObserver(() => {
    if (theme() === lastTheme) return;
    lastTheme = theme();
    void mermaidReady.then(initMermaid);
    render(Object.assign({}, lastMessage, { version: current.version + 1, sources: current.sources }));
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  vscode.postMessage({ type: 'ready', ms: Math.round(performance.now()) });
})();
