/**
 * The participant route's download from the production build: the JavaScript and CSS that
 * /j/:code loads before it can show anything, gzipped (and brotli-compressed, as the server
 * sends them to browsers that accept br).
 *
 * The phone's pages are in the entry chunk (client/src/App.tsx), so the route loads what
 * dist/client/index.html names (its script, modulepreloads and stylesheets) and, per the vite
 * manifest (.vite/manifest.json), the entry's static imports and their CSS, transitively.
 * Dynamic imports (the console, board, report and home pages) are not counted.
 *
 * `npx tsx scripts/bundle-size.ts [distDir]` prints the figures (distDir defaults to dist/client).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleSize {
  /** Gzipped bytes (zlib level 9, as a precompressing server would send them). */
  js: number;
  css: number;
  /** The same files brotli-compressed at quality 11, as server/http/static.ts sends hashed assets. */
  brotliJs: number;
  brotliCss: number;
  /** Uncompressed bytes. */
  rawJs: number;
  rawCss: number;
  /** The files counted, relative to distDir. */
  files: string[];
}

const BROTLI_QUALITY = 11;

/** Asset paths (relative to distDir) that index.html loads: scripts, modulepreloads, stylesheets. */
function htmlAssets(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script');
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1];
    const ref = (isScript ? /\bsrc="([^"]+)"/ : /\bhref="([^"]+)"/).exec(tag)?.[1];
    if (!ref || /^[a-z]+:\/\//i.test(ref)) continue;
    if (isScript || rel === 'modulepreload' || rel === 'stylesheet') out.push(ref.replace(/^\//, ''));
  }
  return out;
}

/** The entry's static import closure in the manifest, with each chunk's CSS. */
function manifestAssets(manifest: Manifest): string[] {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('index.html'));
  if (!entryKey) throw new Error('The vite manifest has no index.html entry');
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = Object.hasOwn(manifest, key) ? manifest[key] : undefined;
    if (!chunk) throw new Error(`The vite manifest names ${key} but has no entry for it`);
    out.push(chunk.file, ...(chunk.css ?? []));
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return out;
}

export function participantBundleSize(distDir: string): BundleSize {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`No ${manifestFile}: build with build.manifest (npx vite build)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const files = [...new Set([...htmlAssets(html), ...manifestAssets(manifest)])].sort();
  const size: BundleSize = { js: 0, css: 0, brotliJs: 0, brotliCss: 0, rawJs: 0, rawCss: 0, files };
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(distDir, file));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }).length;
    if (file.endsWith('.js')) {
      size.js += gz;
      size.brotliJs += br;
      size.rawJs += bytes.length;
    } else if (file.endsWith('.css')) {
      size.css += gz;
      size.brotliCss += br;
      size.rawCss += bytes.length;
    }
  }
  return size;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const distDir = path.resolve(process.argv[2] ?? path.join(repo, 'dist', 'client'));
  const s = participantBundleSize(distDir);
  console.log(`Participant route (/j/:code), from ${path.relative(process.cwd(), distDir) || '.'}:`);
  console.log(`  JavaScript: ${kb(s.js)} gzipped, ${kb(s.brotliJs)} brotli, ${kb(s.rawJs)} raw`);
  console.log(`  CSS:        ${kb(s.css)} gzipped, ${kb(s.brotliCss)} brotli, ${kb(s.rawCss)} raw`);
  for (const f of s.files) console.log(`    ${f}`);
}
