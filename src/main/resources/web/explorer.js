// papergraph graph explorer: starts from one resource and expands a node's neighbours when it is clicked.
// Data comes from api/neighbours (same server); Cytoscape.js is served from its WebJar. No network beyond this server.
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
  var cy = cytoscape({
    container: box,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
          'label': 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': 140, 'color': '#1d2330',
          'text-valign': 'bottom', 'text-margin-y': 3,
          'background-color': function (n) { return colours[n.data('type')] || colours.other; },
          'shape': function (n) { return shapes[n.data('type')] || 'ellipse'; }, 'width': 18, 'height': 18 } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#f2b705' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#b8c0cc', 'target-arrow-color': '#b8c0cc',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.7 } },
      { selector: 'edge[label = "cites"]', style: { 'line-color': '#7d9bd0', 'target-arrow-color': '#7d9bd0' } }
    ]
  });
  window.papergraphExplorer = cy; // for tests and the browser console

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
    panel.appendChild(text('p', node.connectedEdges().length + ' links shown' + (node.hasClass('expanded') ? '' : '; click to expand')));
  }

  function expand(iri) {
    var node = cy.getElementById(iri);
    if (node.nonempty() && node.hasClass('expanded')) return Promise.resolve();
    return fetch(root + 'api/neighbours?iri=' + encodeURIComponent(iri)).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (data) {
      var added = [];
      data.nodes.forEach(function (n) { if (cy.getElementById(n.data.id).empty()) added.push({ group: 'nodes', data: n.data }); });
      data.edges.forEach(function (e) { if (cy.getElementById(e.data.id).empty()) added.push({ group: 'edges', data: e.data }); });
      cy.add(added);
      cy.getElementById(iri).addClass('expanded');
      cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 80 }).run();
      box.setAttribute('data-nodes', String(cy.nodes().length));
      box.setAttribute('data-edges', String(cy.edges().length));
    }).catch(function (err) {
      panel.innerHTML = '';
      panel.appendChild(text('p', 'Could not load neighbours: ' + err.message));
    });
  }

  cy.on('tap', 'node', function (evt) { show(evt.target); expand(evt.target.id()).then(function () { show(evt.target); }); });
  expand(start).then(function () {
    var s = cy.getElementById(start);
    if (s.nonempty()) { s.select(); show(s); }
    box.setAttribute('data-ready', 'true');
  });
})();
