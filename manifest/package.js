// Builds the Teams app package (called by manifest/package.sh, which parses the options):
//
//   node manifest/package.js <bot-app-id> <hostname> <app-version> <out-dir>
//
// Substitutes {{BOT_APP_ID}}, {{HOSTNAME}} and {{APP_VERSION}} in manifest/manifest.json, validates the result
// with validate.js (schema, Teams rules, icons; no placeholder may be left), and writes <out-dir>/TeamsAmdl.zip
// with manifest.json and the icons at the root of the archive. Node's standard library only (zlib for deflate).
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { GUID, SEMVER, HOST, substitute, validateManifestText } = require('./validate');

const PACKAGE_NAME = 'TeamsAmdl.zip';

function fail(code, lines) {
  for (const line of [].concat(lines)) process.stderr.write(`package.sh: ${line}\n`);
  process.exit(code);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive (PKWARE APPNOTE 6.3: local headers, central directory, end record) of [{ name, data }]. */
function zip(entries) {
  // Fixed timestamp (2026-01-01 00:00) so the same input gives the same bytes.
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;
  const dosTime = 0;
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 file names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, fileName, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS attributes, 2.0
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(fileName.length, 28);
    // extra length, comment length, disk, internal and external attributes: 0
    header.writeUInt32LE(offset, 42);
    central.push(header, fileName);

    offset += local.length + fileName.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function main() {
  const [botAppId, hostnameArg, version, outDir] = process.argv.slice(2);
  if (!outDir) fail(2, 'usage: node manifest/package.js <bot-app-id> <hostname> <app-version> <out-dir>');
  const hostname = hostnameArg.toLowerCase();
  const problems = [];
  if (!GUID.test(botAppId)) problems.push(`--bot-app-id must be the app registration's application (client) ID, a GUID (is "${botAppId}")`);
  if (!HOST.test(hostname)) problems.push(`--hostname must be a bare host name such as func-teamsamdl.azurewebsites.net, without https:// or a path (is "${hostnameArg}")`);
  if (!SEMVER.test(version)) problems.push(`--version must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (is "${version}")`);
  if (problems.length > 0) fail(2, problems);

  const manifestDir = __dirname;
  const template = fs.readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8');
  const { text } = substitute(template, { BOT_APP_ID: botAppId.toLowerCase(), HOSTNAME: hostname, APP_VERSION: version });
  // No placeholder values this time: anything still in {{...}} is reported as an error.
  const result = validateManifestText(text, { baseDir: manifestDir, placeholderValues: {} });
  if (result.errors.length > 0) fail(1, result.errors.map((e) => `manifest.json: ${e}`));

  const manifest = JSON.parse(text);
  const entries = [{ name: 'manifest.json', data: Buffer.from(text, 'utf8') }];
  for (const icon of [manifest.icons.color, manifest.icons.outline, manifest.icons.color32x32]) {
    if (icon && !entries.some((e) => e.name === icon)) {
      entries.push({ name: icon.replace(/\\/g, '/'), data: fs.readFileSync(path.join(manifestDir, icon)) });
    }
  }

  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, PACKAGE_NAME);
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, zip(entries));
  fs.renameSync(temp, target);
  process.stdout.write(
    `${target}: Teams app ${manifest.name.short} ${version} (manifest v${result.manifestVersion}, bot ${botAppId.toLowerCase()}, host ${hostname}; ` +
      `${entries.map((e) => e.name).join(', ')})\n`,
  );
}

main();
