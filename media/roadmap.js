// Roadmap webview script. Runs under a strict CSP (nonce); Mermaid is the bundled local copy.
// Clicks are sent to the extension as messages – Mermaid click handlers are never used.
(function () {
  const vscode = acquireVsCodeApi();
  const container = document.getElementById('diagrams');
  const typeSelect = document.getElementById('type');
  const status = document.getElementById('status');
  let nodeMap = {};
  let renderCount = 0;

  function theme() {
    const c = document.body.classList;
    if (c.contains('vscode-high-contrast') && !c.contains('vscode-high-contrast-light')) return 'dark';
    if (c.contains('vscode-dark')) return 'dark';
    return 'default';
  }

  async function render(msg) {
    nodeMap = msg.nodeMap || {};
    typeSelect.value = msg.diagramType;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: theme(), maxTextSize: 200000, gantt: { useWidth: 1200 } });
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
    }
    if (parts.every(Boolean)) status.textContent = msg.summary || '';
    vscode.postMessage({ type: 'rendered', count: parts.filter(Boolean).length });
  }

  container.addEventListener('click', (event) => {
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

  typeSelect.addEventListener('change', () => vscode.postMessage({ type: 'setType', diagramType: typeSelect.value }));
  document.getElementById('export').addEventListener('click', () => {
    const svgs = [...container.querySelectorAll('svg')].map((s) => s.outerHTML);
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
