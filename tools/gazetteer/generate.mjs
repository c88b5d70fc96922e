// Writes the states section of ontology/gazetteer.ttl: the 193 UN member states and the UN's
// observer states, from the npm packages pinned in package.json (world-countries: ISO codes,
// English and Chinese names; @rapideditor/country-coder: Wikidata ids by ISO code) merged
// with the hand-kept states-overlay.json. Only the text between the BEGIN/END GENERATED
// STATES lines is replaced; the same inputs give byte-identical output.
//
//   npm ci && npm run generate [-- path/to/gazetteer.ttl]
//
// Checks that stop the run (exit 1): the UN member count, a Chinese spelling or short name
// given to two states, an overlay entry for a state not written, a dropped spelling the
// sources no longer have. Review aids on stderr, never in the output: Wikidata ids of the
// overlay that country-coder disagrees with, state names inside other state names, and
// Debian's iso-codes zh_CN names that are none of our labels (a cross-check only: those
// strings are LGPL and are not copied into the gazetteer).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TARGET = path.resolve(process.argv[2] ?? path.join(HERE, '..', '..', 'ontology', 'gazetteer.ttl'));
const BEGIN = '# BEGIN GENERATED STATES';
const END = '# END GENERATED STATES';
const UN_MEMBERS = 193;

const readJson = (...p) => JSON.parse(readFileSync(path.join(HERE, ...p), 'utf8'));
const problems = [];
const review = new Set();

const worldCountries = readJson('node_modules', 'world-countries', 'countries.json');
const wcVersion = readJson('node_modules', 'world-countries', 'package.json').version;
const ccVersion = readJson('node_modules', '@rapideditor', 'country-coder', 'package.json').version;
const { borders } = await import('@rapideditor/country-coder');
const overlay = readJson('states-overlay.json');

// ---------------------------------------------------------------- sources
const wikidataByIso3 = new Map();
for (const f of borders.features) {
  const p = f.properties;
  if (p.iso1A3 && p.wikidata) wikidataByIso3.set(p.iso1A3, p.wikidata);
}

const observers = new Set(overlay.unObserverStates);
// world-countries flags the Holy See (VAT) as a UN member; it is an observer.
const members = worldCountries.filter(c => c.unMember && !observers.has(c.cca3));
if (members.length !== UN_MEMBERS) problems.push(`world-countries lists ${members.length} UN members, not ${UN_MEMBERS}`);
const chosen = [...members, ...worldCountries.filter(c => observers.has(c.cca3))];
for (const iso of observers)
  if (!chosen.some(c => c.cca3 === iso)) problems.push(`observer state ${iso} is not in world-countries`);
for (const iso of Object.keys(overlay.states))
  if (!chosen.some(c => c.cca3 === iso)) problems.push(`states-overlay.json: ${iso} is not a UN member or observer state`);

/** A Chinese spelling as the rules read text: no whitespace, simplified script (folded by hand). */
function zh(s) {
  const bare = s.replace(/\s+/gu, '');
  return overlay.spellingFixes[bare] ?? bare;
}

// ---------------------------------------------------------------- one state
function state(c) {
  const o = overlay.states[c.cca3] ?? {};
  const drop = o.dropLabels ?? {};
  const official = zh(c.translations.zho.official);
  const common = zh(c.translations.zho.common);
  const pref = o.prefLabel ?? official;
  for (const d of Object.keys(drop))
    if (d !== official && d !== common) problems.push(`${c.cca3}: dropped spelling ${d} is not in world-countries any more`);
  if (drop[pref]) problems.push(`${c.cca3}: the preferred label ${pref} is dropped`);
  const alt = [];
  const taiwan = overlay.taiwanLabels[c.cca3] ?? [];
  for (const s of [official, common, ...(o.altLabels ?? []), ...taiwan])
    if (s !== pref && !drop[s] && !alt.includes(s)) alt.push(s);
  const en = c.name.official.trim();
  const altEn = [];
  for (const s of [c.name.common.trim(), ...(o.altLabelsEn ?? [])])
    if (s !== en && !altEn.includes(s)) altEn.push(s);

  let wikidata = wikidataByIso3.get(c.cca3) ?? null;
  const comments = [...(o.notes ?? [])];
  if (taiwan.length) comments.push(`Taiwan usage, folded to simplified script character by character as the extractor reads it: ${taiwan.join(', ')}.`);
  for (const [d, why] of Object.entries(drop)) comments.push(`Not a label: ${d}, ${why}.`);
  if (o.wikidata && o.wikidata !== wikidata) {
    review.add(`Wikidata ${c.cca3}: kept ${o.wikidata} from the hand-typed gazetteer; country-coder gives ${wikidata ?? 'none'}`);
    comments.push(`owl:sameAs kept from the hand-typed gazetteer; country-coder ${ccVersion} gives ${wikidata ?? 'no id'}.`);
    wikidata = o.wikidata;
  }
  return { iso: c.cca3, pref, alt, en, altEn, wikidata, comments, o };
}

const states = chosen.map(state);

// ---------------------------------------------------------------- clashes
const owner = new Map();
for (const s of states)
  for (const label of [s.pref, ...s.alt]) {
    if (owner.has(label) && owner.get(label) !== s.iso) problems.push(`"${label}" names both ${owner.get(label)} and ${s.iso}`);
    owner.set(label, s.iso);
  }
const shortOwner = new Map();
for (const s of states.filter(s => s.o.shortName)) {
  if (shortOwner.has(s.o.shortName)) problems.push(`short name ${s.o.shortName} of both ${shortOwner.get(s.o.shortName)} and ${s.iso}`);
  shortOwner.set(s.o.shortName, s.iso);
}
for (const [inner, a] of owner)
  for (const [outer, b] of owner)
    if (a !== b && outer.includes(inner)) review.add(`inside another state's name: ${inner} (${a}) in ${outer} (${b})`);

crossCheckIsoCodes();

if (problems.length) {
  for (const p of problems) console.error(`error: ${p}`);
  process.exit(1);
}

// ---------------------------------------------------------------- Turtle
const q = s => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
// a standing's start: the day where the overlay knows it ("2017-06-09"), else the year
const year = y => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(String(y)) ? `"${y}"^^xsd:date` : `"${y}"^^xsd:gYear`;

function turtle(s) {
  const lines = s.comments.map(c => `# ${c}`);
  const props = [`skos:prefLabel ${q(s.pref)}@zh , ${q(s.en)}@en`];
  const alts = [...s.alt.map(a => `${q(a)}@zh`), ...s.altEn.map(a => `${q(a)}@en`)];
  if (alts.length) props.push(`skos:altLabel ${alts.join(' , ')}`);
  if (s.o.shortName) props.push(`sco:shortName ${q(s.o.shortName)}@zh`);
  if (s.o.memberSince) props.push(`sco:memberSince ${year(s.o.memberSince)}`);
  if (s.o.observerSince) props.push(`sco:observerSince ${year(s.o.observerSince)}`);
  if (s.o.dialoguePartnerSince) props.push(`sco:dialoguePartnerSince ${year(s.o.dialoguePartnerSince)}`);
  if (s.wikidata) props.push(`owl:sameAs wd:${s.wikidata}`);
  props.push(`sco:isoCode ${q(s.iso)}`);
  lines.push(`<state/${s.iso}> a sco:State ;`);
  props.forEach((p, i) => lines.push(`    ${p} ${i === props.length - 1 ? '.' : ';'}`));
  return lines.join('\n');
}

// SCO members (by year of accession), observers, dialogue partners, then every other state; by ISO code within.
const yearOf = y => parseInt(String(y).slice(0, 4), 10);
const standing = s => s.o.memberSince ? [0, yearOf(s.o.memberSince)] : s.o.observerSince ? [1, yearOf(s.o.observerSince)]
  : s.o.dialoguePartnerSince ? [2, yearOf(s.o.dialoguePartnerSince)] : [3, 0];
const order = (a, b) => {
  const [ga, ya] = standing(a), [gb, yb] = standing(b);
  return ga - gb || ya - yb || (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0);
};
const sorted = [...states].sort(order);
const sco = sorted.filter(s => standing(s)[0] < 3);
const others = sorted.filter(s => standing(s)[0] === 3);

const section = [
  `${BEGIN}: written by tools/gazetteer/generate.mjs; edit tools/gazetteer/states-overlay.json and regenerate.`,
  `# ${states.length} states: the ${members.length} UN member states and the UN observer states ${[...observers].join(' and ')}.`,
  `# ISO codes and names: world-countries ${wcVersion} (ODbL 1.0, see the header); Chinese names in`,
  `# simplified script without whitespace; the PRC's official name where it differs, SCO standing,`,
  `# short names and left-out spellings from the overlay. owl:sameAs: the wikidata property that`,
  `# @rapideditor/country-coder ${ccVersion} (ISC) gives for the same ISO 3166-1 alpha-3 code.`,
  '',
  '# ---- SCO member states, observers and dialogue partners',
  '',
  sco.map(turtle).join('\n\n'),
  '',
  '# ---- every other UN member state and observer state',
  '',
  others.map(turtle).join('\n\n'),
  END,
].join('\n');

const text = readFileSync(TARGET, 'utf8');
const from = text.indexOf(BEGIN), to = text.indexOf(END);
if (from < 0 || to < from || text.lastIndexOf(BEGIN) !== from) {
  console.error(`error: ${TARGET} must hold one "${BEGIN}" line and, after it, one "${END}" line`);
  process.exit(1);
}
const updated = text.slice(0, from) + section + text.slice(to + END.length);
writeFileSync(TARGET, updated);
for (const r of review) console.error(`review: ${r}`);
console.error(`wrote ${states.length} states (${states.filter(s => s.wikidata).length} linked to Wikidata) into ${path.relative(process.cwd(), TARGET)}`);

// ---------------------------------------------------------------- iso-codes cross-check
/** Lists, on stderr, Debian iso-codes zh_CN country names that none of our labels spell. */
function crossCheckIsoCodes() {
  const json = '/usr/share/iso-codes/json/iso_3166-1.json';
  const mo = '/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo';
  if (!existsSync(json) || !existsSync(mo)) {
    review.add('iso-codes zh_CN not installed: cross-check skipped');
    return;
  }
  const zhCN = readMo(readFileSync(mo));
  const entries = JSON.parse(readFileSync(json, 'utf8'))['3166-1'];
  for (const s of states) {
    const e = entries.find(x => x.alpha_3 === s.iso);
    if (!e) { review.add(`iso-codes has no ${s.iso}`); continue; }
    const labels = new Set([s.pref, ...s.alt]);
    for (const english of [e.name, e.official_name].filter(Boolean)) {
      const t = zhCN.get(english);
      if (t && !labels.has(t)) review.add(`iso-codes zh_CN ${s.iso}: ${t} is not a label (ours: ${[...labels].join(' / ')})`);
    }
  }
}

/** The msgid -> msgstr table of a GNU .mo file. */
function readMo(buf) {
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = off => (le ? buf.readUInt32LE(off) : buf.readUInt32BE(off));
  const n = u32(8), originals = u32(12), translations = u32(16);
  const str = (table, i) => buf.toString('utf8', u32(table + 8 * i + 4), u32(table + 8 * i + 4) + u32(table + 8 * i));
  const map = new Map();
  for (let i = 0; i < n; i++) map.set(str(originals, i), str(translations, i));
  return map;
}
