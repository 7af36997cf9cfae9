// Bundles the Electron shell: dist/electron/main.cjs (main process) and dist/electron/preload.cjs (sandboxed
// preload, which may require nothing but 'electron'). Run from apps/desktop: `pnpm build:shell`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

/** esbuild is not a direct dependency of the desktop package; vite depends on it, so borrow vite's copy. */
function loadEsbuild() {
  const require = createRequire(import.meta.url);
  try {
    return require('esbuild');
  } catch {
    return createRequire(import.meta.resolve('vite'))('esbuild');
  }
}

const esbuild = loadEsbuild();

const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 39 ships Node 22
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
};

const builds = [
  {
    entry: 'src/electron/main.ts',
    outfile: 'main.cjs',
    // PGlite loads its .wasm/.data files next to its own package, so it ships as a package in node_modules.
    external: ['electron', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  },
  { entry: 'src/electron/preload.ts', outfile: 'preload.cjs', external: ['electron'] },
];

const allowedRuntimeImports = {
  'main.cjs': (name) => name === 'electron' || name.startsWith('node:') || name.startsWith('@electric-sql/pglite'),
  'preload.cjs': (name) => name === 'electron',
};

for (const build of builds) {
  const result = await esbuild.build({
    ...shared,
    entryPoints: [path.join(root, build.entry)],
    outfile: path.join(outdir, build.outfile),
    external: build.external,
  });
  checkBundle(build.outfile, result.metafile);
}

/** Fails the build if Electron got bundled or a bundle would require something that is not shipped. */
function checkBundle(outfile, metafile) {
  const bundledElectron = Object.keys(metafile.inputs).filter((input) => /(^|\/)node_modules\/electron\//.test(input));
  if (bundledElectron.length > 0) throw new Error(`${outfile} bundles Electron itself: ${bundledElectron.join(', ')}`);
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith(outfile))?.[1];
  const external = [...new Set((output?.imports ?? []).filter((item) => item.external).map((item) => item.path))];
  const unexpected = external.filter((name) => !allowedRuntimeImports[outfile](name));
  if (unexpected.length > 0) throw new Error(`${outfile} would require modules that are not shipped: ${unexpected.join(', ')}`);
  console.log(`built dist/electron/${outfile} (runtime requires: ${external.sort().join(', ')})`);
}
