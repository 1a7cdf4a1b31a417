#!/usr/bin/env node
// Validates a Teams app manifest (manifest.json) and its icons.
//
//   node manifest/validate.js [manifest.json]        (default: manifest/manifest.json)
//
// 1. Placeholders {{BOT_APP_ID}}, {{HOSTNAME}}, {{APP_VERSION}} are replaced by valid dummy values (a GUID,
//    teamsamdl.example.org, 1.0.0); any other {{...}} is an error. A packaged manifest has none left.
// 2. JSON schema: the schema of the manifest's own manifestVersion, as shipped by the npm package
//    @microsoft/app-manifest (draft-04, validated with ajv-draft-04, allErrors). "$schema" must name the same
//    version.
// 3. Rules Teams enforces on upload that the schema cannot express: version is MAJOR.MINOR.PATCH; tab URLs are
//    https and their hosts are listed in validDomains; webApplicationInfo.resource is api://<valid domain>/<id>;
//    validDomains are bare host names; tab ids are unique; the Outlook add-in's (extensions) page and icon URLs
//    are https on a valid domain and each ribbon button's actionId names an action of a runtime.
// 4. Icons: the files exist next to the manifest, are PNGs (read from the IHDR chunk) of the right pixel size
//    (color 192x192, outline and color32x32 32x32), and the outline icon is white on transparent.
//
// Prints one line per problem ("<file>: <field path>: <message>") and exits 1 if there is any; 0 if the
// manifest is valid; 2 on a usage error. Also usable as a module (see package.js).
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** Placeholders the packaging script substitutes, with the dummy values used to validate the template. */
const PLACEHOLDERS = Object.freeze({
  BOT_APP_ID: '00000000-0000-4000-8000-00000000b07d',
  HOSTNAME: 'teamsamdl.example.org',
  APP_VERSION: '1.0.0',
});

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ICON_SIZES = Object.freeze({ color: 192, outline: 32, color32x32: 32 });

/** Replaces {{NAME}} placeholders. Returns the text and the names that have no value. */
function substitute(text, values) {
  const unknown = new Set();
  const out = text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (m, name) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    unknown.add(name);
    return m;
  });
  return { text: out, unknown: [...unknown] };
}

function schemaPath(manifestVersion) {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json', { paths: [__dirname, process.cwd()] }));
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  return path.join(pkg, 'build', 'json-schemas', 'teams', folder, 'MicrosoftTeams.schema.json');
}

const compiled = new Map();
function schemaValidator(manifestVersion) {
  if (compiled.has(manifestVersion)) return compiled.get(manifestVersion);
  const file = schemaPath(manifestVersion);
  if (!fs.existsSync(file)) return null;
  // Same workaround as @microsoft/app-manifest: "\a" is not a valid escape in a JavaScript regular expression.
  const schema = JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\\\a/g, '\\\\x07'));
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  // strictTypes off: the Microsoft schemas use keywords without "type" next to them (warnings only, not errors).
  const ajv = new Ajv({ allErrors: true, strictTypes: false, logger: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

function preview(value) {
  if (typeof value === 'string') return value.length > 60 ? JSON.stringify(value.slice(0, 57) + '...') : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return null;
}

function valueAt(root, pointer) {
  let v = root;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

/** ajv errors as [field path, message], the path naming the field itself (also for required/unknown ones). */
function describeSchemaError(e, manifest) {
  switch (e.keyword) {
    case 'required':
      return [`${e.instancePath}/${e.params.missingProperty}`, 'is required but missing'];
    case 'additionalProperties':
      return [`${e.instancePath}/${e.params.additionalProperty}`, 'is not allowed here (unknown property)'];
    case 'enum':
      return [e.instancePath || '/', `must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')} (is ${preview(valueAt(manifest, e.instancePath)) ?? 'not a plain value'})`];
    case 'const':
      return [e.instancePath || '/', `must be ${JSON.stringify(e.params.allowedValue)} (is ${preview(valueAt(manifest, e.instancePath)) ?? 'not a plain value'})`];
    default: {
      const v = preview(valueAt(manifest, e.instancePath));
      return [e.instancePath || '/', `${e.message}${v !== null && ['maxLength', 'minLength', 'pattern', 'format', 'type'].includes(e.keyword) ? ` (is ${v})` : ''}`];
    }
  }
}

function hostOf(url) {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function domainAllowed(host, validDomains) {
  return validDomains.some((d) => {
    const domain = String(d).toLowerCase();
    if (domain.startsWith('*.')) return host.endsWith(domain.slice(1)) && host.length > domain.length - 1;
    return host === domain;
  });
}

/** Teams upload rules beyond the JSON schema. Returns [field path, message] pairs. */
function ruleErrors(m) {
  const errors = [];
  const list = (v) => (Array.isArray(v) ? v : []);
  if (typeof m.version === 'string' && !SEMVER.test(m.version)) {
    errors.push(['/version', `must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (is ${preview(m.version)})`]);
  }
  const validDomains = list(m.validDomains).filter((d) => typeof d === 'string');
  list(m.validDomains).forEach((d, i) => {
    if (typeof d !== 'string') return;
    const bare = d.startsWith('*.') ? d.slice(2) : d;
    if (d.includes('://') || d.includes('/') || !HOST.test(bare.toLowerCase().replace(/:\d+$/, ''))) {
      errors.push([`/validDomains/${i}`, `must be a host name without scheme or path, e.g. example.org or *.example.org (is ${preview(d)})`]);
    }
  });
  const checkUrl = (pointer, url) => {
    if (typeof url !== 'string') return;
    if (!/^https:\/\//i.test(url)) {
      errors.push([pointer, `must be an https URL (is ${preview(url)})`]);
      return;
    }
    const host = hostOf(url);
    if (!host) errors.push([pointer, `is not a valid URL (is ${preview(url)})`]);
    else if (!domainAllowed(host, validDomains)) errors.push([pointer, `host ${host} is not listed in validDomains`]);
  };
  const ids = new Map();
  const unique = (pointer, id) => {
    if (typeof id !== 'string') return;
    if (ids.has(id)) errors.push([pointer, `duplicates ${ids.get(id)} (${preview(id)}); tab ids must be unique`]);
    else ids.set(id, pointer);
  };
  list(m.staticTabs).forEach((t, i) => {
    if (!t || typeof t !== 'object') return;
    unique(`/staticTabs/${i}/entityId`, t.entityId);
    checkUrl(`/staticTabs/${i}/contentUrl`, t.contentUrl);
    checkUrl(`/staticTabs/${i}/websiteUrl`, t.websiteUrl);
  });
  list(m.configurableTabs).forEach((t, i) => {
    if (!t || typeof t !== 'object') return;
    unique(`/configurableTabs/${i}/id`, t.id);
    checkUrl(`/configurableTabs/${i}/configurationUrl`, t.configurationUrl);
  });
  // Office add-in (extensions): pages and icons on a valid domain; every ribbon button opens an action a runtime declares.
  list(m.extensions).forEach((x, i) => {
    if (!x || typeof x !== 'object') return;
    const actions = new Set();
    list(x.runtimes).forEach((r, j) => {
      if (!r || typeof r !== 'object') return;
      if (r.code && typeof r.code === 'object') checkUrl(`/extensions/${i}/runtimes/${j}/code/page`, r.code.page);
      list(r.actions).forEach((a) => { if (a && typeof a.id === 'string') actions.add(a.id); });
    });
    const icons = (pointer, v) => list(v).forEach((icon, k) => { if (icon && typeof icon === 'object') checkUrl(`${pointer}/${k}/url`, icon.url); });
    list(x.ribbons).forEach((ribbon, j) => list(ribbon && ribbon.tabs).forEach((tab, k) => list(tab && tab.groups).forEach((group, g) => {
      const at = `/extensions/${i}/ribbons/${j}/tabs/${k}/groups/${g}`;
      if (!group || typeof group !== 'object') return;
      icons(`${at}/icons`, group.icons);
      list(group.controls).forEach((c, n) => {
        if (!c || typeof c !== 'object') return;
        icons(`${at}/controls/${n}/icons`, c.icons);
        if (typeof c.actionId === 'string' && !actions.has(c.actionId)) {
          errors.push([`${at}/controls/${n}/actionId`, `names no action of the extension's runtimes (is ${preview(c.actionId)})`]);
        }
      });
    })));
  });
  const w = m.webApplicationInfo;
  if (w && typeof w === 'object' && typeof w.resource === 'string') {
    const id = typeof w.id === 'string' ? w.id.toLowerCase() : null;
    const resource = w.resource.toLowerCase();
    const r = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
    if (r) {
      // api://<domain>/<id> (tabs): the domain must be one the tabs are served from.
      const [, host, rest] = r;
      if (!GUID.test(host) && !domainAllowed(host, validDomains)) {
        errors.push(['/webApplicationInfo/resource', `host ${host} is not listed in validDomains`]);
      }
      if (id && !rest.endsWith(id)) {
        errors.push(['/webApplicationInfo/resource', `must end with webApplicationInfo.id ${w.id} (is ${preview(w.resource)})`]);
      }
    } else if (!(id && (resource === `api://${id}` || resource === `api://botid-${id}`))) {
      errors.push(['/webApplicationInfo/resource', `must be api://<host>/<application id> for Teams SSO (is ${preview(w.resource)})`]);
    }
  }
  return errors;
}

/** Reads a PNG: signature, IHDR, and (for 8-bit non-interlaced images) the unfiltered pixel rows. */
function readPng(buf) {
  const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIG)) throw new Error('is not a PNG file (bad signature)');
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('is not a valid PNG (IHDR is not the first chunk)');
  const png = {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24],
    colorType: buf[25],
    interlace: buf[28],
    hasTransparencyChunk: false,
    rows: null,
  };
  const idat = [];
  for (let pos = 8; pos + 8 <= buf.length;) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + len > buf.length) throw new Error(`is a truncated PNG (chunk ${type})`);
    if (type === 'IDAT') idat.push(buf.subarray(pos + 8, pos + 8 + len));
    if (type === 'tRNS') png.hasTransparencyChunk = true;
    if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[png.colorType];
  if (png.bitDepth === 8 && png.interlace === 0 && channels) {
    const raw = zlib.inflateSync(Buffer.concat(idat));
    const stride = png.width * channels;
    if (raw.length < png.height * (stride + 1)) throw new Error('is a PNG with too little image data');
    const rows = [];
    let prev = Buffer.alloc(stride);
    for (let y = 0; y < png.height; y++) {
      const filter = raw[y * (stride + 1)];
      const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
      for (let x = 0; x < stride; x++) {
        const a = x >= channels ? line[x - channels] : 0;
        const b = prev[x];
        const c = x >= channels ? prev[x - channels] : 0;
        let add;
        switch (filter) {
          case 0: add = 0; break;
          case 1: add = a; break;
          case 2: add = b; break;
          case 3: add = (a + b) >> 1; break;
          case 4: {
            const p = a + b - c;
            const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
            add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            break;
          }
          default: throw new Error(`is a PNG with an unknown row filter ${filter}`);
        }
        line[x] = (line[x] + add) & 0xff;
      }
      rows.push(line);
      prev = line;
    }
    png.rows = rows;
    png.channels = channels;
  }
  return png;
}

/** Icon checks. Returns { errors: [field path, message][], checked: string[] }. */
function iconErrors(m, baseDir) {
  const errors = [];
  const checked = [];
  const icons = m.icons && typeof m.icons === 'object' ? m.icons : {};
  for (const [field, size] of Object.entries(ICON_SIZES)) {
    const rel = icons[field];
    if (typeof rel !== 'string') continue;
    const pointer = `/icons/${field}`;
    if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
      errors.push([pointer, `must be a path inside the app package (is ${preview(rel)})`]);
      continue;
    }
    const file = path.join(baseDir, rel);
    if (!fs.existsSync(file)) {
      errors.push([pointer, `${rel} does not exist next to the manifest`]);
      continue;
    }
    let png;
    try {
      png = readPng(fs.readFileSync(file));
    } catch (e) {
      errors.push([pointer, `${rel} ${e.message}`]);
      continue;
    }
    if (png.width !== size || png.height !== size) {
      errors.push([pointer, `${rel} must be ${size}x${size} pixels (is ${png.width}x${png.height})`]);
    }
    if (field === 'outline') {
      const alphaChannel = png.colorType === 6 || png.colorType === 4;
      if (!alphaChannel && !png.hasTransparencyChunk) {
        errors.push([pointer, `${rel} must have a transparent background (the PNG has no alpha channel)`]);
      } else if (alphaChannel && png.rows) {
        // Every visible pixel must be white (anti-aliased edges: white with partial alpha); some must be transparent.
        let notWhite = 0;
        let visible = 0;
        for (const row of png.rows) {
          for (let x = 0; x < png.width; x++) {
            const p = x * png.channels;
            const alpha = row[p + png.channels - 1];
            if (alpha === 0) continue;
            visible++;
            const white = png.channels === 4 ? row[p] >= 250 && row[p + 1] >= 250 && row[p + 2] >= 250 : row[p] >= 250;
            if (!white) notWhite++;
          }
        }
        if (notWhite > 0) errors.push([pointer, `${rel} must be white on transparent (${notWhite} visible pixels are not white)`]);
        if (visible === 0) errors.push([pointer, `${rel} is fully transparent`]);
        if (visible === png.width * png.height) errors.push([pointer, `${rel} must have a transparent background (no pixel is transparent)`]);
      }
    }
    checked.push(`${rel} ${png.width}x${png.height}`);
  }
  return { errors, checked };
}

/**
 * Validates manifest text. baseDir is where the icons are. Returns
 * { errors: string[] (formatted "<path>: <message>"), manifestVersion, placeholders: string[], checkedIcons }.
 */
function validateManifestText(text, { baseDir, placeholderValues = PLACEHOLDERS } = {}) {
  const errors = [];
  const found = [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((x) => x[1]))];
  const { text: substituted, unknown } = substitute(text, placeholderValues);
  for (const name of unknown) errors.push(`/: unknown placeholder {{${name}}} (known: ${Object.keys(placeholderValues).map((n) => `{{${n}}}`).join(', ')})`);

  let manifest;
  try {
    manifest = JSON.parse(substituted.replace(/^\uFEFF/, ''));
  } catch (e) {
    errors.push(`/: not valid JSON: ${e.message}`);
    return { errors, manifestVersion: null, placeholders: found, checkedIcons: [] };
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    errors.push('/: the manifest must be a JSON object');
    return { errors, manifestVersion: null, placeholders: found, checkedIcons: [] };
  }

  const version = manifest.manifestVersion;
  const validate = typeof version === 'string' && /^(\d+\.\d+|devPreview)$/.test(version) ? schemaValidator(version) : null;
  if (!validate) {
    errors.push(`/manifestVersion: no Teams manifest schema for ${preview(version) ?? 'a missing manifestVersion'} in @microsoft/app-manifest`);
  } else {
    const expected = `https://developer.microsoft.com/json-schemas/teams/${version === 'devPreview' ? 'vDevPreview' : `v${version}`}/MicrosoftTeams.schema.json`;
    if (manifest.$schema !== expected) {
      errors.push(`/$schema: must be ${expected} to match manifestVersion ${version} (is ${preview(manifest.$schema) ?? 'missing'})`);
    }
    if (!validate(manifest)) {
      const seen = new Set();
      for (const e of validate.errors) {
        const line = describeSchemaError(e, manifest).join(': ');
        if (!seen.has(line)) {
          seen.add(line);
          errors.push(line);
        }
      }
    }
  }
  for (const [p, msg] of ruleErrors(manifest)) errors.push(`${p}: ${msg}`);
  const icons = iconErrors(manifest, baseDir);
  for (const [p, msg] of icons.errors) errors.push(`${p}: ${msg}`);
  return { errors, manifestVersion: validate ? version : null, placeholders: found, checkedIcons: icons.checked };
}

function validateFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  return validateManifestText(text, { baseDir: path.dirname(path.resolve(file)) });
}

function main(argv) {
  const args = argv.slice(2);
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write('usage: node manifest/validate.js [manifest.json]\n');
    return 0;
  }
  if (args.length > 1) {
    process.stderr.write('usage: node manifest/validate.js [manifest.json]\n');
    return 2;
  }
  const file = args[0] || path.join(__dirname, 'manifest.json');
  if (!fs.existsSync(file)) {
    process.stderr.write(`${file}: file not found\n`);
    return 2;
  }
  const result = validateFile(file);
  if (result.errors.length > 0) {
    for (const e of result.errors) process.stderr.write(`${file}: ${e}\n`);
    process.stderr.write(`${file}: ${result.errors.length} problem(s)\n`);
    return 1;
  }
  const notes = [`Teams manifest schema v${result.manifestVersion}`, ...result.checkedIcons];
  if (result.placeholders.length > 0) notes.push(`placeholders ${result.placeholders.map((p) => `{{${p}}}`).join(', ')} checked with dummy values`);
  process.stdout.write(`${file}: OK (${notes.join('; ')})\n`);
  return 0;
}

module.exports = { PLACEHOLDERS, GUID, SEMVER, HOST, substitute, readPng, validateManifestText, validateFile };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv);
  } catch (e) {
    process.stderr.write(`validate.js: ${e.stack || e.message}\n`);
    process.exitCode = 2;
  }
}
