/*
 * Sluice docs: draws the graph laid out by `docs generate` (window.SLUICE_DOCS, from
 * graph-data.js) as SVG, with pan, zoom, search and lineage focus. No layout happens here, so
 * large projects stay responsive. Every project-supplied string is escaped before it reaches the
 * DOM as markup, or set as text.
 */
(function () {
  'use strict';

  var D = window.SLUICE_DOCS || { nodes: [], edges: [], pages: [], schemas: [], width: 0, height: 0 };
  // node tuple: [uid, name, kind, colour, x, y, w, h, file, summary]
  var UID = 0, NAME = 1, KIND = 2, COLOUR = 3, X = 4, Y = 5, W = 6, H = 7, FILE = 8, SUMMARY = 9;
  var SVGNS = 'http://www.w3.org/2000/svg';

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function kindClass(kind) {
    return /^[a-z]+$/.test(kind) ? 'k-' + kind : 'k-other';
  }

  // ---- search ---------------------------------------------------------------------------------

  function searchEntries() {
    var out = [];
    var i;
    for (i = 0; i < D.nodes.length; i++) {
      var n = D.nodes[i];
      out.push({ name: n[NAME], lower: n[NAME].toLowerCase(), kind: n[KIND], file: n[FILE], summary: n[SUMMARY], node: i });
    }
    for (i = 0; i < D.pages.length; i++) {
      var p = D.pages[i]; // [uid, name, kind, file, summary]
      out.push({ name: p[1], lower: p[1].toLowerCase(), kind: p[2], file: p[3], summary: p[4], node: -1 });
    }
    return out;
  }

  function setupSearch(prefix) {
    var input = document.getElementById('search');
    var list = document.getElementById('results');
    if (!input || !list) {
      return;
    }
    var entries = null;
    var shown = [];
    var active = 0;

    function render() {
      list.textContent = '';
      shown.forEach(function (e, i) {
        var li = document.createElement('li');
        if (i === active) {
          li.className = 'active';
        }
        var a = document.createElement('a');
        a.href = prefix + e.file;
        a.className = 'result';
        a.appendChild(document.createTextNode(e.name));
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = e.kind;
        a.appendChild(kind);
        if (e.summary) {
          var small = document.createElement('small');
          small.textContent = e.summary;
          a.appendChild(small);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = shown.length === 0;
    }

    input.addEventListener('input', function () {
      entries = entries || searchEntries();
      var q = input.value.trim().toLowerCase();
      shown = [];
      active = 0;
      if (q) {
        var starts = [], contains = [];
        for (var i = 0; i < entries.length && starts.length < 30; i++) {
          var at = entries[i].lower.indexOf(q);
          if (at === 0) {
            starts.push(entries[i]);
          } else if (at > 0 && contains.length < 30) {
            contains.push(entries[i]);
          }
        }
        shown = starts.concat(contains).slice(0, 30);
      }
      render();
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        active = Math.max(0, Math.min(shown.length - 1, active + (ev.key === 'ArrowDown' ? 1 : -1)));
        render();
        ev.preventDefault();
      } else if (ev.key === 'Enter' && shown.length) {
        window.location.href = prefix + shown[active].file;
      } else if (ev.key === 'Escape') {
        shown = [];
        render();
      }
    });
    document.addEventListener('click', function (ev) {
      if (!list.contains(ev.target) && ev.target !== input) {
        list.hidden = true;
      }
    });
    input.addEventListener('focus', function () {
      list.hidden = shown.length === 0;
    });
  }

  // ---- graph ----------------------------------------------------------------------------------

  function drawGraph(container) {
    var parts = [];
    parts.push('<svg xmlns="' + SVGNS + '"><g id="viewport"><g class="edges">');
    var i;
    for (i = 0; i < D.edges.length; i++) {
      var pts = D.edges[i][2];
      var d = 'M' + pts[0] + ' ' + pts[1];
      for (var j = 2; j < pts.length; j += 2) {
        d += 'L' + pts[j] + ' ' + pts[j + 1];
      }
      parts.push('<path class="e" id="e' + i + '" d="' + d + '"/>');
    }
    parts.push('</g><g class="nodes">');
    for (i = 0; i < D.nodes.length; i++) {
      var n = D.nodes[i];
      parts.push('<g class="n ' + kindClass(n[KIND]) + ' c' + (n[COLOUR] % 12) + '" id="n' + i + '"><title>'
        + esc(n[NAME] + (n[SUMMARY] ? ' — ' + n[SUMMARY] : '')) + '</title><rect x="' + n[X] + '" y="' + n[Y]
        + '" width="' + n[W] + '" height="' + n[H] + '" rx="4"/><text x="' + (n[X] + 10) + '" y="' + (n[Y] + n[H] / 2 + 4)
        + '">' + esc(n[NAME]) + '</text></g>');
    }
    parts.push('</g></g></svg>');
    container.innerHTML = parts.join('');
    return container.firstChild;
  }

  function Graph(container, prefix) {
    this.container = container;
    this.prefix = prefix;
    this.svg = drawGraph(container);
    this.viewport = this.svg.getElementById ? this.svg.getElementById('viewport') : this.svg.querySelector('#viewport');
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    this.parents = [];
    this.children = [];
    this.byName = {};
    for (var i = 0; i < D.nodes.length; i++) {
      this.parents.push([]);
      this.children.push([]);
      this.byName[D.nodes[i][NAME].toLowerCase()] = i;
    }
    for (var e = 0; e < D.edges.length; e++) {
      this.children[D.edges[e][0]].push(e);
      this.parents[D.edges[e][1]].push(e);
    }
    this.bind();
  }

  Graph.prototype.apply = function () {
    var self = this;
    if (this.pending) {
      return;
    }
    this.pending = true;
    window.requestAnimationFrame(function () {
      self.pending = false;
      self.viewport.setAttribute('transform', 'translate(' + self.tx + ',' + self.ty + ') scale(' + self.k + ')');
      self.svg.classList.toggle('far', self.k < 0.45);
    });
  };

  /** Zooms to show the box (x, y, w, h) in graph units, or the whole graph. */
  Graph.prototype.fit = function (box) {
    var b = box || { x: 0, y: 0, w: D.width || 1, h: D.height || 1 };
    var cw = this.container.clientWidth || 800, ch = this.container.clientHeight || 600;
    var pad = 24;
    this.k = Math.min(2, Math.max(0.02, Math.min((cw - 2 * pad) / Math.max(b.w, 1), (ch - 2 * pad) / Math.max(b.h, 1))));
    this.tx = (cw - b.w * this.k) / 2 - b.x * this.k;
    this.ty = (ch - b.h * this.k) / 2 - b.y * this.k;
    this.apply();
  };

  Graph.prototype.bind = function () {
    var self = this, svg = this.svg, c = this.container;
    var drag = null;
    c.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var r = c.getBoundingClientRect();
      var mx = ev.clientX - r.left, my = ev.clientY - r.top;
      var f = Math.exp(-ev.deltaY * 0.0015);
      var k = Math.min(4, Math.max(0.01, self.k * f));
      self.tx = mx - (mx - self.tx) * (k / self.k);
      self.ty = my - (my - self.ty) * (k / self.k);
      self.k = k;
      self.apply();
    }, { passive: false });
    c.addEventListener('pointerdown', function (ev) {
      drag = { x: ev.clientX, y: ev.clientY, tx: self.tx, ty: self.ty, moved: false };
      c.classList.add('dragging');
    });
    window.addEventListener('pointermove', function (ev) {
      if (!drag) {
        return;
      }
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) {
        drag.moved = true;
      }
      self.tx = drag.tx + dx;
      self.ty = drag.ty + dy;
      self.apply();
    });
    window.addEventListener('pointerup', function () {
      c.classList.remove('dragging');
      window.setTimeout(function () { drag = null; }, 0);
    });
    svg.addEventListener('click', function (ev) {
      if (drag && drag.moved) {
        return;
      }
      var g = ev.target.closest ? ev.target.closest('.n') : null;
      if (g) {
        window.location.href = self.prefix + D.nodes[+g.id.substring(1)][FILE];
      }
    });
    c.addEventListener('keydown', function (ev) {
      if (ev.key === '+' || ev.key === '=' || ev.key === '-') {
        var cw = c.clientWidth / 2, ch = c.clientHeight / 2, k = self.k * (ev.key === '-' ? 0.8 : 1.25);
        self.tx = cw - (cw - self.tx) * (k / self.k);
        self.ty = ch - (ch - self.ty) * (k / self.k);
        self.k = k;
        self.apply();
      }
    });
  };

  /**
   * Focuses the graph on a dbt-style selector: name, +name (all ancestors), name+ (all
   * descendants), 2+name+1 (two levels up, one down). Returns the number of nodes shown, or -1
   * when no node has that name.
   */
  Graph.prototype.focus = function (selector) {
    var m = /^\s*(\d*\+)?\s*([^+\s]+)\s*(\+\d*)?\s*$/.exec(selector || '');
    if (!m) {
      return -1;
    }
    var start = this.byName[m[2].toLowerCase()];
    if (start === undefined) {
      return -1;
    }
    var up = m[1] ? (m[1].length > 1 ? parseInt(m[1], 10) : Infinity) : 0;
    var down = m[3] ? (m[3].length > 1 ? parseInt(m[3].substring(1), 10) : Infinity) : 0;
    var on = {};
    on[start] = true;
    var edgesOn = {};
    this.walk(start, up, this.parents, 0, on, edgesOn);
    this.walk(start, down, this.children, 1, on, edgesOn);
    this.clear();
    this.svg.classList.add('focusing');
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, count = 0;
    for (var i in on) {
      var n = D.nodes[i];
      document.getElementById('n' + i).classList.add('on');
      minX = Math.min(minX, n[X]);
      minY = Math.min(minY, n[Y]);
      maxX = Math.max(maxX, n[X] + n[W]);
      maxY = Math.max(maxY, n[Y] + n[H]);
      count++;
    }
    for (var e in edgesOn) {
      document.getElementById('e' + e).classList.add('on');
    }
    document.getElementById('n' + start).classList.add('hit');
    this.focused = { nodes: on, edges: edgesOn, start: start };
    this.fit({ x: minX, y: minY, w: maxX - minX, h: maxY - minY });
    return count;
  };

  /** Breadth-first along parent (side 0) or child (side 1) edges, up to depth levels. */
  Graph.prototype.walk = function (start, depth, adjacency, side, on, edgesOn) {
    var frontier = [start];
    for (var level = 0; level < depth && frontier.length; level++) {
      var next = [];
      for (var f = 0; f < frontier.length; f++) {
        var list = adjacency[frontier[f]];
        for (var k = 0; k < list.length; k++) {
          var e = list[k];
          var other = D.edges[e][side === 0 ? 0 : 1];
          edgesOn[e] = true;
          if (!on[other]) {
            on[other] = true;
            next.push(other);
          }
        }
      }
      frontier = next;
    }
  };

  Graph.prototype.clear = function () {
    if (this.focused) {
      for (var i in this.focused.nodes) {
        document.getElementById('n' + i).classList.remove('on');
      }
      for (var e in this.focused.edges) {
        document.getElementById('e' + e).classList.remove('on');
      }
      document.getElementById('n' + this.focused.start).classList.remove('hit');
      this.focused = null;
    }
    this.svg.classList.remove('focusing');
  };

  function legend() {
    var el = document.getElementById('legend');
    if (!el) {
      return;
    }
    D.schemas.forEach(function (s, i) {
      var span = document.createElement('span');
      var sw = document.createElement('i');
      sw.className = 'c' + (i % 12);
      span.appendChild(sw);
      span.appendChild(document.createTextNode(s));
      el.appendChild(span);
    });
    var kinds = document.createElement('span');
    kinds.className = 'muted';
    kinds.textContent = 'border: solid model · dashed seed · green source · purple snapshot · pink exposure';
    el.appendChild(kinds);
  }

  function ready() {
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(function () {
        window.SLUICE_READY_MS = window.performance ? window.performance.now() : 0;
        document.body.setAttribute('data-ready', 'true');
      });
    });
  }

  function index(prefix) {
    setupSearch(prefix);
    var container = document.getElementById('graph');
    var graph = new Graph(container, prefix);
    window.SLUICE_GRAPH = graph;
    legend();
    var input = document.getElementById('focus');
    var status = document.getElementById('status');
    function show(selector) {
      if (!selector) {
        graph.clear();
        graph.fit();
        status.textContent = D.nodes.length + ' nodes, ' + D.edges.length + ' edges';
        return;
      }
      var count = graph.focus(selector);
      status.textContent = count < 0 ? 'No node named in "' + selector + '"' : count + ' nodes in ' + selector;
    }
    function fromHash() {
      var m = /(?:^#|&)focus=([^&]*)/.exec(window.location.hash);
      var sel = m ? decodeURIComponent(m[1]) : '';
      input.value = sel;
      show(sel);
    }
    document.getElementById('focus-apply').addEventListener('click', function () {
      window.location.hash = 'focus=' + encodeURIComponent(input.value.trim());
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        window.location.hash = 'focus=' + encodeURIComponent(input.value.trim());
      }
    });
    document.getElementById('focus-clear').addEventListener('click', function () {
      window.location.hash = '';
    });
    document.getElementById('fit').addEventListener('click', function () {
      graph.fit();
    });
    window.addEventListener('hashchange', fromHash);
    fromHash();
    ready();
  }

  function page(prefix) {
    setupSearch(prefix);
    ready();
  }

  window.SluiceDocs = { index: index, page: page };
}());
