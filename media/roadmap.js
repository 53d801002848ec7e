// Roadmap webview script. Runs under a strict CSP (nonce); Mermaid is the bundled local copy.
// Clicks are sent to the extension as messages – Mermaid click handlers are never used.
// Filters (field, AI only, period) are computed by the extension; zoom, pan and the sticky time
// axis happen here. The state (diagram type, filter, zoom) is saved with the webview, so VS Code
// restores the panel as it was after a reload.
(function () {
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
  const state = vscode.getState() || {};
  let zoom = typeof state.zoom === 'number' ? state.zoom : 1;

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
  function applyZoom() {
    for (const svg of container.querySelectorAll('.diagram > svg')) {
      const natural = Number(svg.dataset.naturalWidth) || svg.viewBox.baseVal.width || svg.getBoundingClientRect().width;
      svg.dataset.naturalWidth = String(natural);
      svg.style.width = `${Math.round(natural * zoom)}px`;
      svg.style.maxWidth = 'none';
    }
    for (const axis of container.querySelectorAll('.axis > svg')) {
      const natural = Number(axis.dataset.naturalWidth);
      axis.style.width = `${Math.round(natural * zoom)}px`;
      axis.style.maxWidth = 'none';
    }
    for (const axis of container.querySelectorAll('.axis')) {
      // Laid over the chart's own axis band, so that at the top the axis is not shown twice.
      const h = Math.round(Number(axis.dataset.band) * zoom);
      axis.style.height = `${h}px`;
      axis.style.marginBottom = `${-h}px`;
    }
    zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
    save({ zoom });
  }

  function setZoom(z) {
    zoom = Math.min(8, Math.max(0.1, z));
    applyZoom();
  }

  /**
   * The time axis stays visible: a gantt is drawn with its axis on top (`topAxis`), and a copy of
   * the SVG cut to the axis band sticks to the top of the scrolling diagram.
   */
  function stickyAxis(div, svg) {
    const grids = svg.querySelectorAll('g.grid');
    const top = grids[grids.length - 1];
    if (!top || grids.length < 2) return;
    const band = top.getBBox().y + (top.transform.baseVal.consolidate()?.matrix.f ?? 0) + 4;
    const axis = document.createElement('div');
    axis.className = 'axis';
    axis.dataset.band = String(Math.max(24, band));
    const copy = svg.cloneNode(true);
    // The root keeps its id (Mermaid's <style> is scoped to it); inner ids would clash with the chart's.
    for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
    copy.dataset.naturalWidth = svg.dataset.naturalWidth;
    copy.setAttribute('aria-hidden', 'true');
    axis.appendChild(copy);
    div.insertBefore(axis, svg);
  }

  async function render(msg) {
    nodeMap = msg.nodeMap || {};
    typeSelect.value = msg.diagramType;
    const f = msg.filter || {};
    fillFields(msg.fields, f.field);
    aiBox.checked = !!f.aiOnly;
    fromInput.value = f.from || '';
    toInput.value = f.to || '';
    save({ root: msg.root, type: msg.diagramType, filter: f });
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: theme(), maxTextSize: 200000, gantt: { useWidth: 1200, topAxis: true } });
    const parts = [];
    for (const source of msg.sources) {
      try {
        const { svg } = await mermaid.render('roadmap-' + renderCount++, source);
        parts.push(svg);
      } catch (e) {
        parts.push(null);
        status.textContent = String(e && e.message ? e.message : e);
      }
    }
    container.replaceChildren();
    for (const svg of parts) {
      const div = document.createElement('div');
      div.className = 'diagram';
      if (svg) {
        // The SVG comes from Mermaid with securityLevel 'strict' (it sanitises labels).
        div.innerHTML = svg;
      }
      container.appendChild(div);
      const el = div.querySelector('svg');
      if (el) {
        el.dataset.naturalWidth = String(el.viewBox.baseVal.width || el.getBoundingClientRect().width);
        if (msg.diagramType === 'gantt') stickyAxis(div, el);
      }
    }
    applyZoom();
    if (parts.every(Boolean)) status.textContent = msg.summary || '';
    vscode.postMessage({ type: 'rendered', count: parts.filter(Boolean).length });
  }

  container.addEventListener('click', (event) => {
    if (dragged) return;
    let el = event.target;
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
  document.getElementById('export').addEventListener('click', () => {
    const svgs = [...container.querySelectorAll('.diagram > svg')].map((s) => s.outerHTML);
    vscode.postMessage({ type: 'exportSvg', svgs });
  });
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copySource' }));

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'render') render(msg);
  });
  new MutationObserver(() => vscode.postMessage({ type: 'themeChanged' })).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  vscode.postMessage({ type: 'ready' });
})();
