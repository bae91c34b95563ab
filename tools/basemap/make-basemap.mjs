#!/usr/bin/env node
// make-basemap.mjs — generate data/maps/*.kml from Natural Earth (world-atlas)
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node tools/basemap/make-basemap.mjs [--package world-atlas-2.0.2.tgz] [--out data/maps]
//
// Without --package the script runs `npm pack world-atlas@2.0.2` in a
// temporary directory; that is the only network access, and it happens at
// generation time only. The outputs are committed; nothing here runs at
// build or run time. See README.md next to this script.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'world-atlas@2.0.2';
const TARBALL = 'world-atlas-2.0.2.tgz';
const TARBALL_SHA256 = '032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97';

// Keep in sync with FR_BASEMAP_WINDOW_* in src/core/fr-basemap.h.
const WINDOW = { lonMin: -12, latMin: 34, lonMax: 60, latMax: 75 };
const DECIMALS = 5; // ≈ 1 m; the 10m source grid is 0.0036° × 0.0017°

// Where Crimea is: the Russian polygon of Natural Earth containing this point
// is moved into region UA-43 (see README.md).
const CRIMEA_PROBE = [34.10, 44.95];

const FRONTIER = new Set(['NO', 'SE', 'FI', 'EE', 'LV', 'LT', 'PL', 'BY', 'UA', 'UA-43', 'MD',
  'RO', 'RU', 'SK', 'HU', 'BG', 'TR', 'GE', 'DE', 'DK', 'CZ', 'AT']);

// ISO 3166-1 numeric → [alpha-2, English short name] for every feature that
// reaches into the window. A feature in the window that is missing here
// stops the script, so nothing is dropped silently.
const COUNTRIES = {
  '008': ['AL', 'Albania'], '012': ['DZ', 'Algeria'], '020': ['AD', 'Andorra'],
  '031': ['AZ', 'Azerbaijan'], '040': ['AT', 'Austria'], '051': ['AM', 'Armenia'],
  '056': ['BE', 'Belgium'], '070': ['BA', 'Bosnia and Herzegovina'], '100': ['BG', 'Bulgaria'],
  '112': ['BY', 'Belarus'], '191': ['HR', 'Croatia'], '196': ['CY', 'Cyprus'],
  '203': ['CZ', 'Czechia'], '208': ['DK', 'Denmark'], '233': ['EE', 'Estonia'],
  '234': ['FO', 'Faroe Islands'], '246': ['FI', 'Finland'], '248': ['FI', 'Finland'],
  '250': ['FR', 'France'], '268': ['GE', 'Georgia'], '276': ['DE', 'Germany'],
  '292': ['GI', 'Gibraltar'], '300': ['GR', 'Greece'], '304': ['GL', 'Greenland'],
  '336': ['VA', 'Vatican City'], '348': ['HU', 'Hungary'], '364': ['IR', 'Iran'],
  '368': ['IQ', 'Iraq'], '372': ['IE', 'Ireland'], '380': ['IT', 'Italy'],
  '398': ['KZ', 'Kazakhstan'], '422': ['LB', 'Lebanon'], '428': ['LV', 'Latvia'],
  '438': ['LI', 'Liechtenstein'], '440': ['LT', 'Lithuania'], '442': ['LU', 'Luxembourg'],
  '470': ['MT', 'Malta'], '492': ['MC', 'Monaco'], '498': ['MD', 'Moldova'],
  '499': ['ME', 'Montenegro'], '504': ['MA', 'Morocco'], '528': ['NL', 'Netherlands'],
  '578': ['NO', 'Norway'], '616': ['PL', 'Poland'], '620': ['PT', 'Portugal'],
  '642': ['RO', 'Romania'], '643': ['RU', 'Russia'], '674': ['SM', 'San Marino'],
  '688': ['RS', 'Serbia'], '703': ['SK', 'Slovakia'], '705': ['SI', 'Slovenia'],
  '724': ['ES', 'Spain'], '752': ['SE', 'Sweden'], '756': ['CH', 'Switzerland'],
  '760': ['SY', 'Syria'], '788': ['TN', 'Tunisia'], '792': ['TR', 'Turkey'],
  '795': ['TM', 'Turkmenistan'], '804': ['UA', 'Ukraine'], '807': ['MK', 'North Macedonia'],
  '826': ['GB', 'United Kingdom'], '831': ['GG', 'Guernsey'], '832': ['JE', 'Jersey'],
  '833': ['IM', 'Isle of Man'], '840': ['US', 'United States'], '860': ['UZ', 'Uzbekistan'],
};
// Features without an ISO numeric id in Natural Earth 4.1.0.
const UNNUMBERED = {
  'Kosovo': ['XK', 'Kosovo'],
  // De jure Republic of Cyprus; the UK Sovereign Base Areas are drawn with
  // Cyprus at this scale (README.md).
  'N. Cyprus': ['CY', 'Cyprus'],
  'Cyprus U.N. Buffer Zone': ['CY', 'Cyprus'],
  'Akrotiri': ['CY', 'Cyprus'],
  'Dhekelia': ['CY', 'Cyprus'],
};

const LABELS = [
  // Points chosen in open water, away from coasts, for a label's centre.
  ['Barents Sea', 'sea', 40.0, 72.5],
  ['Norwegian Sea', 'sea', 3.0, 68.0],
  ['North Sea', 'sea', 3.0, 56.0],
  ['Baltic Sea', 'sea', 19.2, 56.3],
  ['Black Sea', 'sea', 34.0, 43.2],
  ['Sea of Azov', 'sea', 36.6, 46.1],
  ['Mediterranean Sea', 'sea', 18.0, 35.0],
  ['Caspian Sea', 'sea', 50.6, 42.5],
  ['White Sea', 'sea', 38.3, 65.9],
  ['Gulf of Finland', 'sea', 26.0, 59.9],
  ['Gulf of Bothnia', 'sea', 20.5, 62.5],
  ['Aegean Sea', 'sea', 25.0, 38.8],
  ['Adriatic Sea', 'sea', 15.5, 42.8],
];

function fail (message) {
  process.stderr.write(`make-basemap: ${message}\n`);
  process.exit(1);
}

function parseArgs (argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { tarball: null, out: path.resolve(here, '../../data/maps') };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--package' && i + 1 < argv.length)
      args.tarball = path.resolve(argv[++i]);
    else if (argv[i] === '--out' && i + 1 < argv.length)
      args.out = path.resolve(argv[++i]);
    else
      fail(`unknown argument “${argv[i]}”; usage: make-basemap.mjs [--package TGZ] [--out DIR]`);
  }
  return args;
}

function fetchPackage (tarball) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'frontier-basemap-'));
  // Also on fail(), which exits from anywhere.
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  if (!tarball) {
    execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    tarball = path.join(tmp, TARBALL);
  }
  const digest = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
  if (digest !== TARBALL_SHA256)
    fail(`${tarball}: sha256 ${digest} is not the recorded ${TARBALL_SHA256}`);
  execFileSync('tar', ['-xzf', tarball, '-C', tmp]);
  return { dir: path.join(tmp, 'package'), tmp };
}

// --- TopoJSON -------------------------------------------------------------

function decodeArcs (topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

// Point list of a ring given as arc references; ~i means arc i reversed.
// The joint point shared by consecutive arcs is kept once.
function ringPoints (arcs, refs) {
  const out = [];
  for (const ref of refs) {
    let a = arcs[ref < 0 ? ~ref : ref];
    if (ref < 0)
      a = a.slice().reverse();
    for (let k = out.length ? 1 : 0; k < a.length; k++)
      out.push(a[k]);
  }
  return out;
}

function polygonsOf (geometry) {
  if (geometry.type === 'Polygon')
    return [geometry.arcs];
  if (geometry.type === 'MultiPolygon')
    return geometry.arcs;
  return [];
}

// --- planar helpers ---------------------------------------------------------

function signedArea (ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2; // > 0 counter-clockwise
}

function ringContains (ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

function unwrap (ring) {
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i][0] + offset - ring[i - 1][0];
    if (step > 180)
      offset -= 360;
    else if (step < -180)
      offset += 360;
    ring[i] = [ring[i][0] + offset, ring[i][1]];
  }
  if (Math.min(...ring.map((p) => p[0])) < -180)
    for (let i = 0; i < ring.length; i++)
      ring[i] = [ring[i][0] + 360, ring[i][1]];
}

function crossesAntimeridian (ring) {
  for (let i = 1; i < ring.length; i++)
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180)
      return true;
  return false;
}

// Sutherland–Hodgman against the four window edges. Exact for a convex
// clip region such as a rectangle; a concave ring cut into several pieces
// comes out as one ring joined by zero-width edges along the window edge,
// which fill and contain correctly.
function clipRing (ring) {
  const edges = [
    (p) => p[0] >= WINDOW.lonMin, (p) => p[0] <= WINDOW.lonMax,
    (p) => p[1] >= WINDOW.latMin, (p) => p[1] <= WINDOW.latMax,
  ];
  const cut = [
    (a, b) => at(a, b, 0, WINDOW.lonMin), (a, b) => at(a, b, 0, WINDOW.lonMax),
    (a, b) => at(a, b, 1, WINDOW.latMin), (a, b) => at(a, b, 1, WINDOW.latMax),
  ];
  function at (a, b, axis, v) {
    const t = (v - a[axis]) / (b[axis] - a[axis]);
    const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    p[axis] = v;
    return p;
  }
  let out = ring;
  for (let e = 0; e < 4 && out.length; e++) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      const curIn = edges[e](cur), prevIn = edges[e](prev);
      if (curIn) {
        if (!prevIn)
          out.push(cut[e](prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(cut[e](prev, cur));
      }
    }
  }
  return out;
}

function inWindow (p) {
  return p[0] >= WINDOW.lonMin && p[0] <= WINDOW.lonMax && p[1] >= WINDOW.latMin && p[1] <= WINDOW.latMax;
}

// Liang–Barsky per segment; a polyline leaving and re-entering the window
// becomes several polylines.
function clipLine (line) {
  const pieces = [];
  let current = [];
  const flush = () => {
    if (current.length >= 2)
      pieces.push(current);
    current = [];
  };
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const dx = b[0] - a[0], dy = b[1] - a[1];
    let t0 = 0, t1 = 1;
    const test = (p, q) => {
      if (p === 0)
        return q >= 0;
      const r = q / p;
      if (p < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
      return true;
    };
    if (!(test(-dx, a[0] - WINDOW.lonMin) && test(dx, WINDOW.lonMax - a[0]) &&
          test(-dy, a[1] - WINDOW.latMin) && test(dy, WINDOW.latMax - a[1]))) {
      flush();
      continue;
    }
    const p0 = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
    const p1 = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
    if (t0 > 0)
      flush();
    if (!current.length)
      current.push(p0);
    current.push(p1);
    if (t1 < 1)
      flush();
  }
  flush();
  return pieces;
}

function round (v) {
  return Number(v.toFixed(DECIMALS));
}

// Rounds, then drops repeated points (rounding and clipping both make them).
function tidy (points, closed) {
  const out = [];
  for (const p of points) {
    const q = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1])
      out.push(q);
  }
  if (closed && out.length > 1) {
    const f = out[0], l = out[out.length - 1];
    if (f[0] === l[0] && f[1] === l[1])
      out.pop();
  }
  return out;
}

// --- geodesy for the report (spherical, mean radius: a check, not the app) ---

function haversineKm (a, b) {
  const R = 6371.0088, rad = Math.PI / 180;
  const dlat = (b[1] - a[1]) * rad, dlon = (b[0] - a[0]) * rad;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dlon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

function lineKm (line) {
  let s = 0;
  for (let i = 1; i < line.length; i++)
    s += haversineKm(line[i - 1], line[i]);
  return s;
}

// --- building regions and borders -----------------------------------------

function regionFor (geometry) {
  if (geometry.id !== undefined)
    return COUNTRIES[geometry.id] || null;
  return UNNUMBERED[geometry.properties.name] || null;
}

function build (topology, scaleName) {
  const arcs = decodeArcs(topology);
  const regions = new Map(); // code → { code, name, iso, sovereign, polygons: [[ring…]] }
  const arcUsers = new Map(); // arc index → [code, …] one entry per use
  const notes = [];
  let crimeaFound = false;

  for (const geometry of topology.objects.countries.geometries) {
    const polys = polygonsOf(geometry);
    let touches = false;
    for (const poly of polys)
      for (const p of ringPoints(arcs, poly[0]))
        if (inWindow(p)) { touches = true; break; }
    if (!touches)
      continue;
    const entry = regionFor(geometry);
    if (!entry)
      fail(`${scaleName}: feature “${geometry.properties.name}” (id ${geometry.id}) is in the window but has no region code`);

    for (const poly of polys) {
      const rings = poly.map((refs) => ringPoints(arcs, refs));
      // Polygons stitched across ±180° (mainland Russia with Chukotka,
      // Wrangel Island) are unwrapped into one continuous longitude range
      // first; clipping in the plane then keeps only their western part.
      for (const ring of rings)
        if (crossesAntimeridian(ring))
          unwrap(ring);
      let [code, name] = entry;
      let iso = geometry.id !== undefined ? geometry.id : null;
      let sovereign = code;
      if (code === 'RU' && ringContains(rings[0], CRIMEA_PROBE[0], CRIMEA_PROBE[1])) {
        if (crimeaFound)
          fail(`${scaleName}: two Russian polygons contain the Crimea probe`);
        crimeaFound = true;
        [code, name, iso, sovereign] = ['UA-43', 'Crimea', null, 'UA'];
      }
      if (code === 'FI')
        iso = '246'; // Åland (248) joins Finland
      if (code === 'CY')
        iso = '196';
      for (const refs of poly)
        for (const ref of refs) {
          const k = ref < 0 ? ~ref : ref;
          if (!arcUsers.has(k))
            arcUsers.set(k, []);
          arcUsers.get(k).push(code);
        }
      if (!regions.has(code))
        regions.set(code, { code, name, iso, sovereign, polygons: [] });
      regions.get(code).polygons.push(rings);
    }
  }
  if (!crimeaFound)
    fail(`${scaleName}: no Russian polygon contains the Crimea probe; has the source changed?`);

  // Clip and tidy polygons; outer rings counter-clockwise, holes clockwise.
  for (const region of regions.values()) {
    const kept = [];
    for (const rings of region.polygons) {
      const clipped = [];
      for (let r = 0; r < rings.length; r++) {
        const ring = tidy(clipRing(rings[r]), true);
        if (ring.length < 3 || Math.abs(signedArea(ring)) < 1e-10) {
          if (r === 0)
            break; // outer ring gone: holes go with it
          continue;
        }
        const ccw = signedArea(ring) > 0;
        if ((r === 0) !== ccw)
          ring.reverse();
        clipped.push(ring);
      }
      if (clipped.length)
        kept.push(clipped);
    }
    region.polygons = kept;
  }
  for (const [code, region] of regions)
    if (!region.polygons.length)
      regions.delete(code); // touched the window only on its edge, or a sliver

  // Shared land borders: an arc used by exactly two distinct regions. An arc
  // used twice by one region is inside it (Åland–Finland, Cyprus parts, the
  // polygons of one country); once means coast.
  const pairs = new Map();
  for (const [k, users] of arcUsers) {
    if (users.length === 1)
      continue;
    if (users.length !== 2)
      fail(`${scaleName}: arc ${k} used ${users.length} times`);
    if (users[0] === users[1])
      continue;
    const [a, b] = users[0] < users[1] ? users : [users[1], users[0]];
    const key = `${a}|${b}`;
    if (!pairs.has(key))
      pairs.set(key, { a, b, arcs: [] });
    pairs.get(key).arcs.push(arcs[k]);
  }
  if (pairs.has('RU|UA-43'))
    notes.push(`RU|UA-43 shares ${pairs.get('RU|UA-43').arcs.length} arc(s): check the Kerch Strait`);

  const borders = [];
  for (const pair of pairs.values()) {
    const lines = [];
    for (const chain of chainArcs(pair.arcs))
      for (const piece of clipLine(chain)) {
        const line = tidy(piece, false);
        if (line.length >= 2)
          lines.push(line);
      }
    if (!lines.length)
      continue;
    if (!regions.has(pair.a) || !regions.has(pair.b))
      continue;
    const internal = regions.get(pair.a).sovereign === regions.get(pair.b).sovereign;
    borders.push({ a: pair.a, b: pair.b, internal, lines, km: lines.reduce((s, l) => s + lineKm(l), 0) });
  }
  borders.sort((x, y) => (x.a + '|' + x.b).localeCompare(y.a + '|' + y.b));
  return { regions: [...regions.values()].sort((x, y) => x.code.localeCompare(y.code)), borders, notes };
}

// Joins arcs that meet end to end (either direction) into longer polylines,
// so a border reads as one line where the source cut it at junctions.
function chainArcs (arcList) {
  const key = (p) => `${p[0]},${p[1]}`;
  const pool = arcList.map((a) => a.slice());
  const chains = [];
  while (pool.length) {
    let chain = pool.pop();
    let grown = true;
    while (grown) {
      grown = false;
      for (let i = 0; i < pool.length; i++) {
        const a = pool[i];
        const s = key(chain[0]), e = key(chain[chain.length - 1]);
        const as = key(a[0]), ae = key(a[a.length - 1]);
        if (e === as) chain = chain.concat(a.slice(1));
        else if (e === ae) chain = chain.concat(a.slice().reverse().slice(1));
        else if (s === ae) chain = a.concat(chain.slice(1));
        else if (s === as) chain = a.slice().reverse().concat(chain.slice(1));
        else continue;
        pool.splice(i, 1);
        grown = true;
        break;
      }
    }
    chains.push(chain);
  }
  return chains;
}

// --- KML ----------------------------------------------------------------------

function esc (s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function coords (points, close) {
  const list = close ? points.concat([points[0]]) : points;
  return list.map((p) => `${p[0]},${p[1]}`).join(' ');
}

function data (name, value) {
  return `<Data name="${name}"><value>${esc(value)}</value></Data>`;
}

function writeKml (file, result, scaleName, meta) {
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<kml xmlns="http://www.opengis.net/kml/2.2">');
  out.push('<Document>');
  out.push(`<name>Frontier basemap, 1:${scaleName}</name>`);
  out.push(`<description>${esc(meta.attribution)}</description>`);
  out.push('<Style id="region"><LineStyle><color>ff808080</color><width>0.5</width></LineStyle><PolyStyle><color>ffe0e0e0</color></PolyStyle></Style>');
  out.push('<Style id="border"><LineStyle><color>ff404040</color><width>1</width></LineStyle></Style>');
  out.push('<Style id="internal"><LineStyle><color>ff909090</color><width>1</width></LineStyle></Style>');
  // KML 2.2 schema order: styles before ExtendedData, then the features.
  out.push(`<ExtendedData>${data('source', meta.source)}${data('window', `${WINDOW.lonMin} ${WINDOW.latMin} ${WINDOW.lonMax} ${WINDOW.latMax}`)}${data('generator', 'tools/basemap/make-basemap.mjs')}</ExtendedData>`);

  out.push('<Folder><name>Regions</name>');
  for (const r of result.regions) {
    out.push(`<Placemark id="region-${r.code}"><name>${esc(r.name)}</name><styleUrl>#region</styleUrl>`);
    out.push(`<ExtendedData>${data('kind', 'region')}${data('code', r.code)}${r.iso ? data('iso_numeric', r.iso) : ''}${data('sovereign', r.sovereign)}${data('group', FRONTIER.has(r.code) ? 'frontier' : 'context')}</ExtendedData>`);
    out.push('<MultiGeometry>');
    for (const rings of r.polygons) {
      let s = `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(rings[0], true)}</coordinates></LinearRing></outerBoundaryIs>`;
      for (let h = 1; h < rings.length; h++)
        s += `<innerBoundaryIs><LinearRing><coordinates>${coords(rings[h], true)}</coordinates></LinearRing></innerBoundaryIs>`;
      out.push(s + '</Polygon>');
    }
    out.push('</MultiGeometry></Placemark>');
  }
  out.push('</Folder>');

  out.push('<Folder><name>Land borders</name>');
  for (const b of result.borders) {
    const na = result.regions.find((r) => r.code === b.a).name;
    const nb = result.regions.find((r) => r.code === b.b).name;
    out.push(`<Placemark id="border-${b.a}-${b.b}"><name>${esc(na)} – ${esc(nb)}</name><styleUrl>#${b.internal ? 'internal' : 'border'}</styleUrl>`);
    out.push(`<ExtendedData>${data('kind', 'border')}${data('region_a', b.a)}${data('region_b', b.b)}${data('internal', b.internal ? 'true' : 'false')}</ExtendedData>`);
    out.push('<MultiGeometry>');
    for (const line of b.lines)
      out.push(`<LineString><coordinates>${coords(line, false)}</coordinates></LineString>`);
    out.push('</MultiGeometry></Placemark>');
  }
  out.push('</Folder>');

  out.push('<Folder><name>Labels</name>');
  for (const [name, kind, lon, lat] of LABELS) {
    out.push(`<Placemark><name>${esc(name)}</name><ExtendedData>${data('kind', 'label')}${data('label_kind', kind)}</ExtendedData><Point><coordinates>${lon},${lat}</coordinates></Point></Placemark>`);
  }
  out.push('</Folder>');
  out.push('</Document>');
  out.push('</kml>');
  fs.writeFileSync(file, out.join('\n') + '\n');
}

// --- main ---------------------------------------------------------------------

const args = parseArgs(process.argv);
const pkg = fetchPackage(args.tarball);
const meta = {
  source: `npm ${PACKAGE} (Natural Earth 4.1.0 admin-0 countries), tarball sha256 ${TARBALL_SHA256}`,
  attribution: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain). ' +
    'Packaged as TopoJSON by world-atlas 2.0.2, ISC licence, Copyright 2013-2019 Michael Bostock. ' +
    'Clipped and re-tagged for Frontier: Crimea (UA-43) shown as part of Ukraine per UN GA resolution 68/262; ' +
    'Åland merged into Finland; see tools/basemap/README.md.',
};
fs.mkdirSync(args.out, { recursive: true });
for (const scale of ['10m', '50m']) {
  const topology = JSON.parse(fs.readFileSync(path.join(pkg.dir, `countries-${scale}.json`), 'utf8'));
  const result = build(topology, scale);
  const file = path.join(args.out, `frontier-${scale}.kml`);
  writeKml(file, result, scale, meta);
  const points = result.regions.reduce((s, r) => s + r.polygons.reduce((t, p) => t + p.reduce((u, ring) => u + ring.length, 0), 0), 0);
  process.stdout.write(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes, ` +
    `${result.regions.length} regions (${points} ring points), ${result.borders.length} borders\n`);
  for (const note of result.notes.filter((n, i, all) => all.indexOf(n) === i))
    process.stdout.write(`  note: ${note}\n`);
  for (const b of result.borders)
    if (['RU', 'UA-43', 'BY'].includes(b.a) || ['RU', 'UA-43', 'BY'].includes(b.b) || b.a === 'FI' || b.b === 'UA')
      process.stdout.write(`  ${b.a}–${b.b}${b.internal ? ' (internal)' : ''}: ${b.km.toFixed(1)} km (spherical), ${b.lines.length} line(s)\n`);
}
