// papergraph graph explorer: starts from one resource and expands a node's neighbours when it is clicked; a node with
// more neighbours than shown offers "Show more". Nodes grow with their number of links; labels are kept apart (the
// layout counts their size, then a last pass pushes apart what still overlaps) and hidden when zoomed out too far to
// read. Data comes from api/neighbours (same server);
// Cytoscape.js is served from its WebJar. No network beyond this server.
(function () {
  'use strict';
  var box = document.getElementById('cy');
  if (!box || typeof cytoscape !== 'function') return;
  var root = box.getAttribute('data-root') || './';
  var start = box.getAttribute('data-start');
  var panel = document.getElementById('panel');
  var colours = { paper: '#2456a6', person: '#7a4fb5', method: '#c0392b', dataset: '#1e8c5a', task: '#b7791f',
                  metric: '#6b7280', code: '#333333', other: '#9aa3b2' };
  var shapes = { paper: 'round-rectangle', person: 'ellipse', method: 'diamond', dataset: 'barrel', task: 'hexagon',
                 metric: 'triangle', code: 'rectangle', other: 'ellipse' };
  fitToWindow();
  var cy = cytoscape({
    container: box,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
          'label': 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 110, 'color': '#1d2330',
          'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 7,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
          'background-color': function (n) { return colours[n.data('type')] || colours.other; },
          'shape': function (n) { return shapes[n.data('type')] || 'ellipse'; },
          'width': function (n) { return size(n); }, 'height': function (n) { return size(n); } } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#f2b705' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#b8c0cc', 'target-arrow-color': '#b8c0cc',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.7 } },
      { selector: 'edge[label = "cites"]', style: { 'line-color': '#7d9bd0', 'target-arrow-color': '#7d9bd0' } }
    ]
  });
  window.papergraphExplorer = cy; // for tests and the browser console
  var limits = {}; // how many neighbours were asked for, per expanded node
  var more = {};   // whether an expanded node has neighbours not shown

  /**
   * The graph's box ends inside the window: its height is the style sheet's (620 px, 480 on a phone) unless less of
   * the window is left below the box's top, down to 320 px. A box taller than the window hid the nodes the layout put
   * near its bottom edge, and the wheel over the graph zooms rather than scrolls the page down to them.
   */
  function fitToWindow() {
    box.style.height = '';
    var most = parseFloat(window.getComputedStyle(box).height);
    var top = box.getBoundingClientRect().top + window.scrollY;
    box.style.height = Math.round(Math.max(Math.min(320, most), Math.min(most, window.innerHeight - top - 16))) + 'px';
  }

  /** Node size in pixels: 16 for a leaf, growing with the square root of its links, 56 at most. */
  function size(n) { return Math.min(56, 12 + 6 * Math.sqrt(n.degree(false))); }

  /**
   * Pushes apart any two nodes whose boxes (shape and label) overlap, along the axis where they overlap least, until
   * none do. The force layout counts labels but does not promise it: with other fonts a label could still end on
   * another one. Deterministic: the same graph gets the same positions.
   */
  function separate() {
    var ns = cy.nodes(), gap = 4;
    function boxOf(n) { return n.boundingBox({ includeLabels: true, includeNodes: true }); }
    var boxes = ns.map(boxOf);
    for (var round = 0; round < 200; round++) {
      var moved = false;
      for (var i = 0; i < ns.length; i++) {
        for (var j = i + 1; j < ns.length; j++) {
          var a = boxes[i], b = boxes[j];
          var w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap, h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
          if (w <= 0 || h <= 0) continue;
          var p = ns[i].position(), q = ns[j].position();
          if (w < h) {
            var dx = (p.x <= q.x ? 1 : -1) * w / 2;
            ns[i].position({ x: p.x - dx, y: p.y });
            ns[j].position({ x: q.x + dx, y: q.y });
          } else {
            var dy = (p.y <= q.y ? 1 : -1) * h / 2;
            ns[i].position({ x: p.x, y: p.y - dy });
            ns[j].position({ x: q.x, y: q.y + dy });
          }
          boxes[i] = boxOf(ns[i]);
          boxes[j] = boxOf(ns[j]);
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  function text(tag, s) { var e = document.createElement(tag); e.textContent = s; return e; }

  function show(node) {
    panel.innerHTML = '';
    panel.appendChild(text('p', node.data('type')));
    panel.appendChild(text('h3', node.data('label')));
    var a = document.createElement('a');
    var path = node.data('path');
    a.href = /^https?:/.test(path) ? path : root + path;
    a.textContent = 'Open page';
    panel.appendChild(a);
    var links = node.connectedEdges().length;
    panel.appendChild(text('p', links + (links === 1 ? ' link' : ' links') + ' shown' + (node.hasClass('expanded') ? '' : '; click to expand')));
    if (more[node.id()]) {
      var b = text('button', 'Show more');
      b.type = 'button';
      b.id = 'show-more';
      b.addEventListener('click', function () {
        expand(node.id(), (limits[node.id()] || 20) + 20).then(function () { show(node); });
      });
      panel.appendChild(b);
    }
  }

  function expand(iri, limit) {
    var node = cy.getElementById(iri);
    if (node.nonempty() && node.hasClass('expanded') && !limit) return Promise.resolve();
    var url = root + 'api/neighbours?iri=' + encodeURIComponent(iri) + (limit ? '&limit=' + limit : '');
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (data) {
      var added = [];
      data.nodes.forEach(function (n) { if (cy.getElementById(n.data.id).empty()) added.push({ group: 'nodes', data: n.data }); });
      data.edges.forEach(function (e) { if (cy.getElementById(e.data.id).empty()) added.push({ group: 'edges', data: e.data }); });
      var from = cy.getElementById(iri);
      var centre = from.nonempty() ? from.position() : { x: 0, y: 0 };
      var fresh = added.filter(function (e) { return e.group === 'nodes'; });
      fresh.forEach(function (e, k) {
        var angle = 2 * Math.PI * k / fresh.length;
        e.position = e.data.id === iri ? { x: centre.x, y: centre.y }
          : { x: centre.x + 140 * Math.cos(angle), y: centre.y + 140 * Math.sin(angle) };
      });
      cy.add(added);
      cy.getElementById(iri).addClass('expanded');
      limits[iri] = data.limit;
      more[iri] = data.more;
      cy.nodes().forEach(function (n) { n.style({ width: size(n), height: size(n) }); });
      cy.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
                  nodeRepulsion: function () { return 600000; }, idealEdgeLength: function () { return 140; },
                  nodeOverlap: 20, componentSpacing: 80, padding: 20 }).run();
      separate();
      cy.fit(undefined, 20);
      box.setAttribute('data-nodes', String(cy.nodes().length));
      box.setAttribute('data-edges', String(cy.edges().length));
    }).catch(function (err) {
      panel.innerHTML = '';
      panel.appendChild(text('p', 'Could not load neighbours: ' + err.message));
    });
  }

  window.addEventListener('resize', function () { fitToWindow(); cy.resize(); cy.fit(undefined, 20); });
  cy.on('tap', 'node', function (evt) { show(evt.target); expand(evt.target.id()).then(function () { show(evt.target); }); });
  expand(start).then(function () {
    var s = cy.getElementById(start);
    if (s.nonempty()) { s.select(); show(s); }
    box.setAttribute('data-ready', 'true');
  });
})();
