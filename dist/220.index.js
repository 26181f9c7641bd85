export const id = 220;
export const ids = [220];
export const modules = {

/***/ 2220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/build/modfile.ts
var modfile = __webpack_require__(1410);
;// CONCATENATED MODULE: ./src/build/gowork.ts
// The `use` directives of a go.work file.

/**
 * The directories a go.work uses, as written (relative to the go.work's directory unless
 * absolute), in file order: `use ./a` and the lines of `use ( … )` blocks. Other directives
 * and their blocks are skipped. Throws GoEnvError on a string that does not end on its line.
 */
function parseUseDirectives(text) {
    return (0,modfile/* statements */.F)(text, 'go.work').flatMap(s => s.verb === 'use' && s.args[0] ? [s.args[0]] : []);
}

// EXTERNAL MODULE: ./src/config/glob.ts
var config_glob = __webpack_require__(3334);
;// CONCATENATED MODULE: ./src/build/walk.ts


/** Directories never searched: vendored and test copies of modules, VCS and JS dependencies. */
const SKIPPED_DIRECTORIES = new Set([
    'vendor',
    'testdata',
    '.git',
    'node_modules'
]);
const MAX_WALK_ENTRIES = 100_000;
/** The walk saw more entries than it may. */
class WalkLimitError extends Error {
    name = 'WalkLimitError';
}
// Directories that vanish or may not be read while we walk are skipped, as if empty.
const UNREADABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM']);
async function entriesOf(dir) {
    try {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    catch (err) {
        if (UNREADABLE.has(err.code ?? ''))
            return [];
        throw err;
    }
}
// A symbolic link counts as the file it points to; links to directories are not followed.
async function isFileEntry(entry, path) {
    return entry.isSymbolicLink() ? isFile(path) : entry.isFile();
}
/**
 * The wanted files under root (absolute paths), depth first with each directory in name order.
 * Skips SKIPPED_DIRECTORIES; throws WalkLimitError after maxEntries entries (100,000).
 */
async function walkFiles(root, options) {
    const max = options.maxEntries ?? MAX_WALK_ENTRIES;
    const found = [];
    let seen = 0;
    const visit = async (relativeDir) => {
        for (const entry of await entriesOf((0,external_node_path_.join)(root, relativeDir))) {
            if (++seen > max)
                throw new WalkLimitError(`more than ${max} files and directories`);
            const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name) && options.descend(relative))
                    await visit(relative);
            }
            else if (options.accept(relative) && (await isFileEntry(entry, (0,external_node_path_.join)(root, relative)))) {
                found.push((0,external_node_path_.join)(root, relative));
            }
        }
    };
    await visit('');
    return found;
}
async function isFile(path) {
    return (0,promises_.stat)(path).then(s => s.isFile(), () => false);
}
async function isDirectory(path) {
    return (0,promises_.stat)(path).then(s => s.isDirectory(), () => false);
}

;// CONCATENATED MODULE: ./src/build/listed.ts
// The go.sum files `go-sum` lists by path or pattern, and the go.mod or go.work next to each.





/**
 * The files of each item, in the order listed, each once: a path must name a file; a pattern
 * must match at least one file under the working directory.
 */
async function expandListed(items, workingDirectory) {
    const files = new Set();
    for (const item of items) {
        const found = item.kind === 'path'
            ? [await listedFile(item.path, workingDirectory)]
            : await matchingFiles(item.glob, workingDirectory);
        for (const file of found)
            files.add(file);
    }
    const goSumFiles = [...files];
    const nextTo = [...new Set(goSumFiles.map(toolchainFileFor))];
    const present = await Promise.all(nextTo.map(isFile));
    return { goSumFiles, toolchainFiles: nextTo.filter((_, i) => present[i]) };
}
async function listedFile(path, workingDirectory) {
    const file = (0,external_node_path_.resolve)(workingDirectory, path);
    if (await isFile(file))
        return file;
    const reason = (await isDirectory(file))
        ? 'is a directory, not a go.sum file'
        : `does not exist (a relative path starts at working-directory ${workingDirectory})`;
    throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, path, reason);
}
async function matchingFiles(glob, workingDirectory) {
    let files;
    try {
        files = await walkFiles(workingDirectory, {
            descend: dir => (0,config_glob/* globMayMatchUnder */.nn)(glob, dir),
            accept: file => (0,config_glob/* globMatches */.mw)(glob, file)
        });
    }
    catch (err) {
        if (!(err instanceof WalkLimitError))
            throw err;
        const reason = `makes the search of ${workingDirectory} visit more than ${MAX_WALK_ENTRIES} files and directories: start it with the directories to search (e.g. services/*/go.sum)`;
        throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, glob.pattern, reason);
    }
    if (files.length === 0) {
        const skipped = [...SKIPPED_DIRECTORIES].join(', ');
        const reason = `matches no file under working-directory ${workingDirectory} (${skipped} are not searched)`;
        throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, glob.pattern, reason);
    }
    return files;
}
/** The go.mod next to a listed go.sum, or the go.work next to a go.work.sum (x.work.sum: x.work). */
function toolchainFileFor(goSumFile) {
    const name = (0,external_node_path_.basename)(goSumFile);
    const dir = (0,external_node_path_.dirname)(goSumFile);
    return name.endsWith('.work.sum') ? (0,external_node_path_.join)(dir, name.slice(0, -'.sum'.length)) : (0,external_node_path_.join)(dir, 'go.mod');
}

;// CONCATENATED MODULE: ./src/build/discover.ts
// Finds the go.sum files of the build, and the files whose `go`/`toolchain` lines pick its
// toolchain: the module or workspace of the working directory as the go command finds it
// (cmd/go/internal/modload init.go: FindGoWork, findWorkspaceFile, findModuleRoot), or the files
// `go-sum` lists.








const nothing = () => ({ goSumFiles: [], toolchainFiles: [], found: false });
/**
 * The build's files, for the plan's `go-sum` selection. `auto`: the go.work in use (GOWORK, else
 * the nearest above the working directory), else the nearest go.mod above it, else nothing
 * (`found: false`, not an error). Throws InputError naming `working-directory` when it is not a
 * directory, and naming `go-sum` where the go command would fail (a relative GOWORK, a go.work
 * that cannot be read or uses a directory without go.mod) or a listed item finds no file.
 */
async function discoverGoSums(options) {
    const { goSum, workingDirectory } = options;
    if (!(await isDirectory(workingDirectory))) {
        throw new errors/* InputError */.d(constants/* Inputs */.G0.WorkingDirectory, workingDirectory, 'is not a directory');
    }
    if (goSum.kind === 'none')
        return nothing();
    if (goSum.kind === 'listed') {
        // Go runs in workspace mode there all the same: what the build fetches follows from it.
        const workspace = await findWorkspace(workingDirectory, options.env).catch(() => undefined);
        const listed = await expandListed(goSum.items, workingDirectory);
        return { ...listed, ...(workspace && { workspace }), found: true };
    }
    const workspace = await findWorkspace(workingDirectory, options.env);
    if (workspace !== undefined)
        return readWorkspace(workspace);
    const goMod = await findUp(workingDirectory, 'go.mod');
    // golang.org/issue/26708: a go.mod left in the temporary directory is not a module root.
    if (goMod === undefined || (0,external_node_path_.dirname)(goMod) === (0,external_node_path_.resolve)(options.tempDir ?? (0,external_node_os_.tmpdir)())) {
        return nothing();
    }
    const goSumFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(goMod), 'go.sum');
    return {
        goSumFiles: (await isFile(goSumFile)) ? [goSumFile] : [],
        toolchainFiles: [goMod],
        found: true
    };
}
function autoError(reason) {
    return new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, 'auto', reason);
}
/** The go.work in use: GOWORK `off` none, empty or `auto` the nearest one up, else its path. */
async function findWorkspace(dir, env) {
    const gowork = env.GOWORK ?? '';
    if (gowork === 'off')
        return undefined;
    if (gowork === '' || gowork === 'auto')
        return findUp(dir, 'go.work');
    if (!(0,external_node_path_.isAbsolute)(gowork)) {
        throw autoError(`cannot find the workspace: GOWORK=${gowork} is not an absolute path`);
    }
    return gowork;
}
/** The go.sum of every module the workspace uses, then its own go.work.sum. */
async function readWorkspace(goWork) {
    const text = await (0,promises_.readFile)(goWork, 'utf8').catch((err) => {
        throw autoError(`cannot read the workspace ${goWork} (${err.code ?? err.message})`);
    });
    let uses;
    try {
        uses = parseUseDirectives(text);
    }
    catch (err) {
        throw autoError(`cannot read the workspace ${goWork}: ${err.message}`);
    }
    const goSumFiles = [];
    for (const dir of new Set(uses.map(use => (0,external_node_path_.resolve)((0,external_node_path_.dirname)(goWork), use)))) {
        if (!(await isFile((0,external_node_path_.join)(dir, 'go.mod')))) {
            throw autoError(`the workspace ${goWork} uses ${dir}, which has no go.mod (go fails too)`);
        }
        goSumFiles.push((0,external_node_path_.join)(dir, 'go.sum'));
    }
    // The workspace's own sums sit next to it: go.work.sum for go.work, x.work.sum for x.work.
    goSumFiles.push(`${goWork}.sum`);
    return {
        goSumFiles: await existing(goSumFiles),
        toolchainFiles: [goWork],
        workspace: goWork,
        found: true
    };
}
/** The file `name` in dir or the nearest directory above it (files only, links followed). */
async function findUp(dir, name) {
    for (let current = (0,external_node_path_.resolve)(dir);; current = (0,external_node_path_.dirname)(current)) {
        const candidate = (0,external_node_path_.join)(current, name);
        if (await isFile(candidate))
            return candidate;
        if ((0,external_node_path_.dirname)(current) === current)
            return undefined;
    }
}
async function existing(files) {
    const present = await Promise.all(files.map(isFile));
    return files.filter((_, i) => present[i]);
}

// EXTERNAL MODULE: ./src/gostd/errors.ts
var gostd_errors = __webpack_require__(3180);
// EXTERNAL MODULE: ./src/goenv/gosumdb.ts
var gosumdb = __webpack_require__(1550);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
// EXTERNAL MODULE: ./src/gostd/gover.ts
var gover = __webpack_require__(8972);
;// CONCATENATED MODULE: ./src/build/gomod.ts
// The toolchain a go.mod or go.work asks for, by the go command's rules (cmd/go/internal/toolchain
// select.go, gover/gomod.go), and the golang.org/toolchain module that delivers it.




/**
 * gover.GoModLookup: the value of the first line that starts with `key` and a space or tab, its
 * `//` comment dropped; '' when there is none. The go command reads go.mod this way to pick a
 * toolchain (before it parses the file), so blocks and other lines never matter.
 */
function goModLookup(text, key) {
    for (const raw of text.split('\n')) {
        const line = (0,strings/* trimSpace */.Pd)(raw);
        if (!line.startsWith(key))
            continue;
        const rest = line.slice(key.length);
        if (rest[0] !== ' ' && rest[0] !== '\t')
            continue;
        return (0,strings/* trimSpace */.Pd)(rest.split('//', 1)[0]);
    }
    return '';
}
// Every go command that switches toolchains is Go 1.21.0 or later: it never needs one up to that.
const FIRST_SWITCHING_GO = '1.21.0';
/**
 * The toolchain a go.mod or go.work needs, as toolchain.Select picks it for a Go older than
 * every requirement: the later of the `toolchain` line and the `go` line (a language version
 * such as `go 1.22` asks for its first release, go1.22.0), the toolchain line on a tie.
 * `toolchain default` means the installed Go, always. Undefined when nothing newer than Go 1.21.0
 * is asked for. Throws GoEnvError on a toolchain line the go command refuses.
 */
function toolchainOf(text) {
    const toolchain = goModLookup(text, 'toolchain');
    if (toolchain === 'default')
        return undefined;
    let need;
    if (toolchain !== '') {
        const version = (0,gover/* versionOfToolchain */.H5)(toolchain);
        if (version === '')
            throw new gostd_errors/* GoEnvError */.O(`invalid toolchain ${(0,strings/* quote */.hD)(toolchain)}`);
        need = { name: toolchain, version, from: 'toolchain' };
    }
    const go = goModLookup(text, 'go');
    if ((0,gover/* isValidGo */.pz)(go) && (0,gover/* compareGo */.Ac)(go, need?.version ?? '') > 0) {
        const release = (0,gover/* isLanguageVersion */.JI)(go) && (0,gover/* compareGo */.Ac)(go, '1.21') >= 0 ? `${go}.0` : go;
        need = { name: `go${release}`, version: release, from: 'go' };
    }
    return need && (0,gover/* compareGo */.Ac)(need.version, FIRST_SWITCHING_GO) > 0 ? need : undefined;
}
/**
 * The module version the go command downloads for a toolchain: `v0.0.1-<name>.<GOOS>-<GOARCH>`,
 * with the GOARCH of the running Go (`arm`, not the `armv6l` of release archive names).
 */
function toolchainModule(name, platform) {
    return {
        path: gosumdb/* TOOLCHAIN_MODULE */.xc,
        version: `v0.0.1-${name}.${platform.goos}-${platform.goarch}`
    };
}

// EXTERNAL MODULE: ./src/xmod/module.ts + 1 modules
var xmod_module = __webpack_require__(4530);
;// CONCATENATED MODULE: ./src/build/gosum.ts
// go.sum files as the go command reads them (cmd/go/internal/modfetch/fetch.go readGoSum and its
// users), into the module versions of the build, each hash with the file and line it came from.





/** What two go.sum lines of one zip say together: fetched if either says so. */
function eitherFetches(a, b) {
    if (a === true || b === true)
        return true;
    return a === 'when-selected' || b === 'when-selected' ? 'when-selected' : false;
}
// An old go command bug wrote this hash (a 0-byte go.mod) for non-modules; Go drops such lines.
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';
// A SHA-256 in standard base64.
const H1 = /^h1:[A-Za-z0-9+/]{43}=$/;
const MOD_SUFFIX = '/go.mod';
const FIELDS = { mod: ['modHash', 'modAt'], zip: ['zipHash', 'zipAt'] };
function malformed(file, line, reason) {
    return new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, file, `line ${line} is malformed: ${reason}`);
}
/**
 * The lines of one go.sum that our checks use. As the go command: blank lines are skipped, a line
 * without exactly three fields is an error, lines with the empty-go.mod hash are dropped, and
 * hashes of other algorithms than `h1:` are ignored (a later Go may add some). Stricter than Go,
 * which would only fail once it used the line: a module version that is not valid, or an `h1:`
 * hash that is not a SHA-256, is an error here, since no proxy could ever match it.
 */
function parseGoSum(text, file) {
    const entries = [];
    for (const [index, content] of text.split('\n').entries()) {
        const line = index + 1;
        const f = (0,strings/* fields */.OA)(content);
        if (f.length === 0)
            continue;
        if (f.length !== 3)
            throw malformed(file, line, `wrong number of fields ${f.length}`);
        const [path, listed, hash] = f;
        if (hash === EMPTY_GO_MOD_HASH || !hash.startsWith('h1:'))
            continue;
        if (!H1.test(hash))
            throw malformed(file, line, `${hash} is not an h1: hash (SHA-256, base64)`);
        const kind = listed.endsWith(MOD_SUFFIX) ? 'mod' : 'zip';
        const version = kind === 'mod' ? listed.slice(0, -MOD_SUFFIX.length) : listed;
        try {
            (0,xmod_module/* checkVersion */.ps)(path, version);
        }
        catch (err) {
            throw malformed(file, line, err.message);
        }
        entries.push({ path, version, kind, hash, file, line });
    }
    return entries;
}
/**
 * One module version per path and version, in the order they first appear. The same hash in
 * several files (a workspace, a monorepo) keeps its first place. Two different `h1:` hashes for
 * the same file of a module version are an error: one of them is wrong whatever a proxy serves,
 * and the go command refuses to go on (checksum mismatch) when it meets both.
 */
function collectModules(entries, fetchesZip = () => true) {
    const modules = new Map();
    for (const entry of entries) {
        const key = `${entry.path}@${entry.version}`;
        const module = modules.get(key) ?? { path: entry.path, version: entry.version };
        modules.set(key, module);
        if (entry.kind === 'zip')
            module.zipFetched = eitherFetches(module.zipFetched, fetchesZip(entry));
        const [hashField, atField] = FIELDS[entry.kind];
        const known = module[hashField];
        const at = module[atField];
        if (known === undefined) {
            module[hashField] = entry.hash;
            module[atField] = { file: entry.file, line: entry.line };
        }
        else if (known !== entry.hash) {
            const what = entry.kind === 'mod' ? `${key}${MOD_SUFFIX}` : key;
            const reason = `line ${entry.line} says ${entry.hash} for ${what}, but ${at?.file}:${at?.line} says ${known}: one of them is wrong`;
            throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, entry.file, reason);
        }
    }
    return [...modules.values()];
}
/** Reads go.sum files, in order, into the build's module versions (see parseGoSum, collectModules). */
async function readGoSumFiles(files, fetchesZip) {
    const entries = [];
    for (const file of files) {
        const text = await (0,promises_.readFile)(file, 'utf8').catch((err) => {
            throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, file, `cannot be read (${err.code ?? err.message})`);
        });
        entries.push(...parseGoSum(text, file));
    }
    return collectModules(entries, fetchesZip);
}

// EXTERNAL MODULE: ./src/build/requires.ts
var build_requires = __webpack_require__(4322);
;// CONCATENATED MODULE: ./src/build/workspace.ts
// The module graph of a workspace (go.work), as modload loads it: each module's requirements, go.work's
// replacements merged with each module's (initWorkspace), and every module's excludes.



/**
 * The module graph of a workspace, from the go.mod of each module it uses, and the go.mod of each
 * replacement directory (`onDisk`, by absolute directory): undefined where this reader does not
 * follow Go, so every line counts: a go.mod it cannot read, replacements Go refuses (a workspace
 * module replaced at all versions, two modules replacing one module differently), a required
 * version a module excludes.
 */
function workspaceGraphOf(goWork, goMods, onDisk = new Map()) {
    try {
        const modFiles = goMods.map(f => (0,modfile/* statements */.F)(f.text, 'go.mod'));
        const workspace = modFiles.map(found => ({
            path: found.find(s => s.verb === 'module')?.args[0] ?? '',
            requires: (0,build_requires/* requirements */.Ln)(found),
            unpruned: !(0,build_requires/* prunes */.Mf)(found)
        }));
        if (workspace.some(m => m.path === ''))
            return undefined;
        const merged = workspaceReplacements(goWork, goMods, modFiles, new Set(workspace.map(m => m.path)));
        // Every workspace module's excludes apply to the whole graph (modload's CheckExclusions).
        const excluded = new Set(modFiles.flatMap(found => (0,build_requires/* requirements */.Ln)(found, 'exclude')).map(m => `${m.path}@${m.version}`));
        const requires = workspace.flatMap(m => m.requires);
        if (!merged || requires.some(m => excluded.has(`${m.path}@${m.version}`)))
            return undefined;
        const replacementsByKey = new Map();
        for (const [key, to] of merged)
            replacementsByKey.set(key, (0,build_requires/* withGoMod */.ZE)(to, onDisk));
        return { unpruned: false, roots: [], replacements: replacementsByKey, excluded, workspace };
    }
    catch {
        return undefined;
    }
}
/**
 * Each replaced module version as the go command resolves it (modload replacementFrom), keyed
 * `path@version` for a version some file names and `path` for any other: go.work's replacement
 * first; else each module's in `use` order, the last match winning, but a later version-specific
 * match that differs is a conflict. Directories are made absolute, each from its own file.
 * Undefined where Go refuses: a workspace module replaced at all versions in go.work, one key
 * replaced two ways by two modules (makeMainModules), a conflict.
 */
function workspaceReplacements(goWork, goMods, modFiles, mainPaths) {
    const absolute = (found, dir) => new Map([...found].map(([key, to]) => [
        key,
        'directory' in to ? { directory: (0,external_node_path_.resolve)(dir, to.directory) } : to
    ]));
    const work = absolute((0,build_requires/* replacements */.qo)((0,modfile/* statements */.F)(goWork.text, 'go.work')), goWork.dir);
    if ([...work.keys()].some(key => mainPaths.has(key)))
        return undefined;
    const own = modFiles.map((found, i) => absolute((0,build_requires/* replacements */.qo)(found), goMods[i].dir));
    if (twoWays(work, own))
        return undefined;
    const merged = new Map();
    for (const key of new Set([work, ...own].flatMap(by => [...by.keys()]))) {
        const to = replacementOf(key, work, own);
        if (to === 'conflict')
            return undefined;
        if (to)
            merged.set(key, to);
    }
    return merged;
}
/** Whether two modules replace one key (a path, or path@version) differently, go.work aside. */
function twoWays(work, own) {
    const byWork = new Set([...work.keys()].map(pathOf));
    const seen = new Map();
    for (const [key, to] of own.flatMap(by => [...by])) {
        if (byWork.has(pathOf(key)))
            continue;
        const before = seen.get(key);
        if (before && !sameTarget(before, to))
            return true;
        seen.set(key, to);
    }
    return false;
}
/** What `key` (path@version, or a path: a version no file names) is replaced by; see above. */
function replacementOf(key, work, own) {
    const path = pathOf(key);
    // replacement(): the version itself first, then the path at any version.
    const match = (by) => {
        const exact = key !== path ? by.get(key) : undefined;
        if (exact)
            return { exact: true, to: exact };
        const any = by.get(path);
        return any && { exact: false, to: any };
    };
    const fromWork = match(work);
    if (fromWork)
        return fromWork.to;
    let found;
    for (const by of own) {
        const next = match(by);
        if (!next)
            continue;
        if (found && next.exact && !sameTarget(found, next.to))
            return 'conflict';
        found = next.to;
    }
    return found;
}
function sameTarget(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function pathOf(key) {
    const at = key.lastIndexOf('@');
    return at < 0 ? key : key.slice(0, at);
}

;// CONCATENATED MODULE: ./src/build/read.ts
// The build: the module versions of the go.sum files found, and the toolchains their go.mod or
// go.work files ask for.









/**
 * Reads what discoverGoSums found. Throws InputError (naming `go-sum`) on a file that cannot be
 * read, a malformed go.sum line, two go.sum lines that disagree, or a toolchain line the go
 * command refuses.
 */
async function readBuild(found, platform) {
    const mains = await mainModules(found);
    const workspace = found.workspace === undefined ? undefined : await workspaceGraph(found.workspace);
    const modules = await readGoSumFiles(found.goSumFiles, workspace ? () => 'when-selected' : zipsFetchedBy(mains));
    const toolchains = new Map();
    for (const file of found.toolchainFiles) {
        const need = await readToolchain(file);
        if (need === undefined || toolchains.has(need.name))
            continue;
        const module = platform && toolchainModule(need.name, platform);
        toolchains.set(need.name, { ...need, file, ...(module && { module }) });
    }
    const modGraphs = found.workspace === undefined ? modGraphsOf(found, mains) : workspace && [workspace];
    return { modules, toolchains: [...toolchains.values()], modGraphs };
}
/**
 * The module graph of the workspace a go.work file describes, from the go.mod of each module it
 * uses; undefined when one cannot be read or the graph cannot be followed (every line counts).
 */
async function workspaceGraph(goWork) {
    const text = await readText(goWork);
    if (text === undefined)
        return undefined;
    try {
        const work = { text, dir: (0,external_node_path_.dirname)(goWork) };
        const dirs = new Set(parseUseDirectives(text).map(use => (0,external_node_path_.resolve)(work.dir, use)));
        const goMods = [];
        for (const dir of dirs) {
            const goMod = await readText((0,external_node_path_.join)(dir, 'go.mod'));
            if (goMod === undefined)
                return undefined;
            goMods.push({ text: goMod, dir });
        }
        const onDisk = new Map();
        for (const file of [
            { ...work, name: 'go.work' },
            ...goMods.map(m => ({ ...m, name: 'go.mod' }))
        ]) {
            for (const [dir, goMod] of await replacementGoMods(file.text, file.name, file.dir))
                onDisk.set((0,external_node_path_.resolve)(file.dir, dir), goMod);
        }
        return workspaceGraphOf(work, goMods, onDisk);
    }
    catch {
        // A string this reader cannot unquote: every line counts.
        return undefined;
    }
}
function readText(file) {
    return (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
}
async function readToolchain(file) {
    const text = await (0,promises_.readFile)(file, 'utf8').catch((err) => {
        throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, file, `cannot be read (${err.code ?? err.message})`);
    });
    try {
        return toolchainOf(text);
    }
    catch (err) {
        const reason = `sets an ${err.message}, so the go command refuses to run there`;
        throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, file, reason);
    }
}
/**
 * The main module of each go.sum: the go.mod beside it, when the go.sum is a module's (not a
 * workspace's, where `go mod download` fetches all of the build list) and that go.mod exists.
 */
async function mainModules(found) {
    const byFile = new Map();
    if (found.workspace !== undefined)
        return byFile;
    for (const file of found.goSumFiles) {
        if ((0,external_node_path_.basename)(file) !== 'go.sum')
            continue;
        const goMod = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), 'go.mod');
        const text = await readText(goMod);
        if (text === undefined)
            continue;
        try {
            const onDisk = await replacementGoMods(text, 'go.mod', (0,external_node_path_.dirname)(goMod));
            byFile.set(file, {
                zips: (0,build_requires/* zipsFetched */.Cx)(text, 'go.mod'),
                graph: (0,build_requires/* modGraphOf */.sh)(text, 'go.mod', onDisk)
            });
        }
        catch {
            // A string this reader cannot unquote (Go's escapes go beyond JSON's): every line counts.
        }
    }
    return byFile;
}
/**
 * The go.mod of each directory a go.mod (or go.work, `name`) replaces a module by, keyed as
 * written (relative to `dir` unless absolute); undefined when it cannot be read.
 */
async function replacementGoMods(text, name, dir) {
    const onDisk = new Map();
    for (const written of (0,build_requires/* replacementDirectories */._f)(text, name)) {
        onDisk.set(written, await readText((0,external_node_path_.join)((0,external_node_path_.resolve)(dir, written), 'go.mod')));
    }
    return onDisk;
}
/**
 * A go.sum's zip line is fetched when its go.mod requires that version; of another version of a
 * required module, or before go 1.17, when the module graph selects it; else when nothing can
 * tell (a graph that cannot be followed walks every 'when-selected' zip too).
 */
function zipsFetchedBy(mains) {
    return entry => {
        const main = mains.get(entry.file);
        if (main?.zips) {
            if (main.zips.keys.has(`${entry.path}@${entry.version}`))
                return true;
            return main.zips.paths.has(entry.path) && 'when-selected';
        }
        return main?.graph ? 'when-selected' : true;
    };
}
/** The graphs to follow for go.mod lines: only when every go.sum has one, else every line counts. */
function modGraphsOf(found, mains) {
    const graphs = found.goSumFiles.map(file => mains.get(file)?.graph);
    return graphs.every(g => g !== undefined) ? graphs : undefined;
}

// EXTERNAL MODULE: ./src/goenv/proxylist.ts
var proxylist = __webpack_require__(2057);
// EXTERNAL MODULE: ./src/credentials/redact.ts
var redact = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/gostd/urlescape.ts
var urlescape = __webpack_require__(9677);
;// CONCATENATED MODULE: ./src/goenv/urlpath.ts
// Escaping of an (already module-escaped) path for a proxy URL, as modfetch's pathEscape does.


/** url.PathEscape with '/' kept: "golang.org/x/text@v1" stays readable, "a b" becomes "a%20b". */
function pathEscape(s) {
    return (0,urlescape/* escape */.ih)(s, 'pathSegment').replaceAll('%2F', '/');
}
/**
 * `<base>/<path>` as the go command builds a proxy request: the path is appended to the base
 * URL's path (one slash between), and the base's query string is kept after it.
 */
function joinUrlPath(base, path) {
    const cut = base.search(/[?#]/);
    const head = cut < 0 ? base : base.slice(0, cut);
    const query = cut < 0 || base[cut] === '#' ? '' : base.slice(cut).replace(/#.*$/, '');
    return `${head.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${query}`;
}
/** The URL of one file of a module version on a proxy: `<base>/<path>/@v/<version>.<ext>`. */
function versionFileUrl(base, path, version, ext) {
    return joinUrlPath(base, `${pathEscape((0,xmod_module/* escapePath */.ft)(path))}/@v/${pathEscape((0,xmod_module/* escapeVersion */.av)(version))}.${ext}`);
}

// EXTERNAL MODULE: ./src/probe/types.ts
var types = __webpack_require__(2367);
;// CONCATENATED MODULE: ./src/checksum/routes.ts





/**
 * The routes Go itself would use: an explicit GOSUMDB URL (it bypasses proxies, as in the go
 * command), else each usable proxy that serves the database — or https://<name> if none does.
 */
function firstRoutes(db, reports) {
    if (db.url)
        return [route('explicit', db.url)];
    const viaProxies = reports
        .filter(r => (0,types/* isUsable */.Ng)(r.verdict) && r.sumdb === 'supported')
        .map(r => proxyRoute(r.candidate, db.name));
    return viaProxies.length > 0 ? viaProxies : [route('direct', (0,gosumdb/* directUrl */.lU)(db))];
}
/**
 * The first of firstRoutes, once it is settled: no candidate before it in the list is still being
 * probed (`reportOf` is undefined for those), so none can come before it.
 */
function settledFirstRoute(db, candidates, reportOf) {
    if (db.url)
        return route('explicit', db.url);
    for (const candidate of candidates) {
        const report = reportOf(candidate);
        if (!report)
            return undefined;
        if ((0,types/* isUsable */.Ng)(report.verdict) && report.sumdb === 'supported')
            return proxyRoute(candidate, db.name);
    }
    return route('direct', (0,gosumdb/* directUrl */.lU)(db));
}
/** Where to turn when those fail: the database's own host (unless a URL was given), then `sumdb-mirrors`. */
function fallbackRoutes(plan, db) {
    return [...(db.url ? [] : [route('direct', (0,gosumdb/* directUrl */.lU)(db))]), ...mirrorRoutes(plan)];
}
function mirrorRoutes(plan) {
    return plan.sumdbMirrors.map(url => route('mirror', url));
}
/**
 * The route the go command will take with this GOPROXY chain: the first proxy that serves the
 * database (Go asks each in turn), else — at the end of the list, or at `direct`/`off` —
 * https://<name>. An explicit URL in GOSUMDB is always used as it is.
 */
function routeForChain(db, chain) {
    if (db.url)
        return route('explicit', db.url);
    for (const report of chain) {
        const { entry } = report.candidate;
        if (!(0,proxylist/* isProxyEntry */.l_)(entry))
            break;
        if (report.sumdb === 'supported')
            return proxyRoute(report.candidate, db.name);
    }
    return route('direct', (0,gosumdb/* directUrl */.lU)(db));
}
function proxyRoute(candidate, name) {
    const url = (0,proxylist/* isProxyEntry */.l_)(candidate.entry) ? candidate.entry.url : '';
    const base = joinUrlPath(url, `sumdb/${name}`);
    return { kind: 'proxy', base, label: (0,redact/* redactUrl */.BO)(base), candidate };
}
function route(kind, url) {
    return { kind, base: url, label: (0,redact/* redactUrl */.BO)(url) };
}

// EXTERNAL MODULE: ./src/goenv/patterns.ts
var patterns = __webpack_require__(4130);
;// CONCATENATED MODULE: ./src/probe/findings.ts

/**
 * The finding a verdict rests on: the worst level; within a level the earliest stage in STAGES;
 * within a stage the one recorded first. Stages record in a fixed order of their own (never in
 * the order answers arrive), so the choice does not depend on which stage finished first.
 */
function decidingFinding(findings) {
    let deciding;
    for (const finding of findings) {
        if (!deciding || rank(finding) < rank(deciding))
            deciding = finding;
    }
    return deciding;
}
function rank(finding) {
    return types/* LEVELS */.A_.indexOf(finding.level) * types/* STAGES */.an.length + types/* STAGES */.an.indexOf(finding.stage);
}
/**
 * Sets a report's verdict and reason from its findings: the one place a verdict is decided. The
 * findings are put in stage order, so the report reads the same however the stages interleaved.
 */
function settleVerdict(report) {
    report.findings.sort((a, b) => types/* STAGES */.an.indexOf(a.stage) - types/* STAGES */.an.indexOf(b.stage));
    const deciding = decidingFinding(report.findings);
    report.verdict = deciding?.level ?? 'healthy';
    report.reason = deciding?.reason ?? `${report.checksPassed} checks passed`;
}
/** Adds what a stage established; the verdict changes only when the run settles it. */
function recordFinding(report, finding) {
    report.findings.push(finding);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/xmod/sumdb/dirhash.ts
// The "h1:" directory hash of golang.org/x/mod/sumdb/dirhash, as recorded in go.sum and the
// checksum database: SHA-256 over the lines "<hex sha256 of content>  <name>\n", names sorted.

/** A file name the h1 summary cannot represent (Go refuses names with a newline). */
class DirHashError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DirHashError';
    }
}
const NEWLINE = 0x0a;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
/** The SHA-256 of some bytes as lower-case hex, the form a Hash1 line carries. */
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/**
 * Builds an h1 hash one file at a time, so a zip reader can stream each entry through SHA-256
 * and keep only its digest. Names are sorted by their UTF-8 bytes (Go's string order), not by
 * JavaScript's UTF-16 order; a name given as bytes is used as is (zip names need not be UTF-8).
 */
class Hash1Builder {
    lines = [];
    add(name, sha256hex) {
        const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : Buffer.from(name);
        if (bytes.includes(NEWLINE)) {
            throw new DirHashError(`dirhash: filenames with newlines are not supported: ${JSON.stringify(bytes.toString())}`);
        }
        if (!HEX_SHA256.test(sha256hex)) {
            throw new DirHashError(`dirhash: not a lower-case hex SHA-256: ${JSON.stringify(sha256hex)}`);
        }
        this.lines.push({ name: bytes, sha256hex });
    }
    digest() {
        const sorted = [...this.lines].sort((a, b) => Buffer.compare(a.name, b.name));
        const summary = (0,external_node_crypto_.createHash)('sha256');
        for (const { name, sha256hex } of sorted) {
            summary.update(`${sha256hex}  `);
            summary.update(name);
            summary.update('\n');
        }
        return 'h1:' + summary.digest('base64');
    }
}
/** Go's dirhash.Hash1 over files held in memory. */
function hash1(files) {
    const builder = new Hash1Builder();
    for (const { name, data } of files)
        builder.add(name, sha256Hex(data));
    return builder.digest();
}
/** The go.sum hash of a go.mod file (recorded under `<version>/go.mod`), as the go command's goModSum. */
function hashGoMod(gomod) {
    return hash1([{ name: 'go.mod', data: gomod }]);
}

;// CONCATENATED MODULE: ./src/checksum/compare.ts



/**
 * Records a `tampered` finding on every usable candidate whose served .mod or .zip hashes differ
 * from the signed record, naming the module version, both hashes and the candidate.
 */
function compareServed(reports, records) {
    const byVersion = new Map(records.map(r => [`${r.path}@${r.version}`, r]));
    for (const report of reports) {
        if (!(0,types/* isUsable */.Ng)(report.verdict))
            continue;
        for (const served of report.served) {
            const record = byVersion.get(`${served.path}@${served.version}`);
            if (!record)
                continue;
            const mismatch = findMismatch(served.goMod && hashGoMod(served.goMod), record.modHash, 'go.mod') ??
                findMismatch(served.zipHash, record.zipHash, 'zip');
            // Each comparison with the database is a check of its own in the report's count.
            report.checksTotal++;
            if (!mismatch) {
                report.checksPassed++;
                continue;
            }
            const reason = `${served.path}@${served.version}: ${mismatch}, served by ${report.candidate.display}`;
            recordFinding(report, { stage: 'sumdb', level: 'tampered', reason });
            break;
        }
    }
}
function findMismatch(served, recorded, what) {
    if (!served || !recorded || served === recorded)
        return undefined;
    return `${what} hashes to ${served} but the checksum database says ${recorded}`;
}

// EXTERNAL MODULE: ./src/http/types.ts
var http_types = __webpack_require__(5853);
// EXTERNAL MODULE: ./node_modules/cockatiel/dist/index.js
var dist = __webpack_require__(6090);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
;// CONCATENATED MODULE: ./src/resilience/retry.ts
// Retries with exponential backoff and full jitter, or as long as the server asked (Retry-After).
// cockatiel's RetryPolicy is not used: its backoff sleep cannot be cancelled, and after an abort it
// still starts one more attempt; its ExponentialBackoff and fullJitterGenerator compute the delays.
// The breaker judges the whole retried request, so it wraps withRetry rather than each attempt.


/**
 * Runs `attempt`, retrying transient errors up to `opts.retries` times. The delay before retry n
 * is the one the server asked for, else uniform in [0, min(maxDelayMs, baseDelayMs·2^(n-1))).
 * Rejects with the attempt's error when it is not transient or retries are used up, and with the
 * signal's reason as soon as it aborts. `attemptNo` counts from 1; `onRetry` gets the number of
 * the attempt that failed and the delay before the next.
 */
async function withRetry(opts, attempt, signal = new AbortController().signal, onRetry) {
    checkOptions(opts);
    const delays = new dist.ExponentialBackoff({
        generator: dist.fullJitterGenerator,
        initialDelay: opts.baseDelayMs,
        maxDelay: opts.maxDelayMs
    });
    let backoff;
    for (let attemptNo = 1;; attemptNo++) {
        signal.throwIfAborted();
        try {
            return await attempt(signal, attemptNo);
        }
        catch (err) {
            signal.throwIfAborted();
            if (!opts.isTransient(err) || attemptNo > opts.retries)
                throw err;
            backoff = backoff ? backoff.next(undefined) : delays.next();
            const delayMs = opts.serverDelayMs?.(err) ?? backoff.duration;
            onRetry?.(err, attemptNo, delayMs);
            await (opts.clock ?? clock/* systemClock */.m).sleep(delayMs, signal);
        }
    }
}
function checkOptions({ retries, baseDelayMs, maxDelayMs }) {
    if (!Number.isSafeInteger(retries) || retries < 0) {
        throw new RangeError(`retries must be an integer ≥ 0, got ${retries}`);
    }
    if (!(Number.isFinite(baseDelayMs) && baseDelayMs >= 0)) {
        throw new RangeError(`baseDelayMs must be a finite number ≥ 0, got ${baseDelayMs}`);
    }
    if (!(Number.isFinite(maxDelayMs) && maxDelayMs >= baseDelayMs)) {
        throw new RangeError(`maxDelayMs must be a finite number ≥ baseDelayMs (${baseDelayMs}), got ${maxDelayMs}`);
    }
}

;// CONCATENATED MODULE: ./src/http/probe-errors.ts

/** Why a probe failed, worded for the verdict's reason. */
class ProbeError extends Error {
    transient;
    status;
    retryAfter;
    name = 'ProbeError';
    constructor(message, 
    /** Worth another attempt (and a strike for the breaker): the server failed, not the content. */
    transient, status, 
    /** How long a 429 or 503 asked us to wait before asking again (its Retry-After). */
    retryAfter) {
        super(message);
        this.transient = transient;
        this.status = status;
        this.retryAfter = retryAfter;
    }
}
/** A 429 or 503 whose Retry-After is longer than a request may take: not worth waiting for. */
class RateLimitError extends ProbeError {
    name = 'RateLimitError';
    constructor(retryAfter, status) {
        super(`rate limited: Retry-After ${retryAfter.seconds} s is longer than timeout`, false, status, retryAfter);
    }
}
/** The answer was wrong rather than missing: bad JSON, a captive portal, a mismatched version. */
class ContentError extends ProbeError {
    name = 'ContentError';
    constructor(message, status = 200) {
        super(message, false, status);
    }
}
// A bad certificate or a malformed answer does not mend on a second try; the rest are answers.
const PERMANENT_HTTP_FAILURES = new Set([
    'tls',
    'protocol',
    'too-large',
    'too-many-redirects',
    'insecure-redirect',
    'bad-redirect',
    'insecure-credentials',
    'decode'
]);
/** Connection-level failures and 429/5xx answers are transient; wrong content and 4xx are not. */
function isTransient(err) {
    if (err instanceof ProbeError)
        return err.transient;
    if (err instanceof http_types/* HttpError */.j$)
        return !PERMANENT_HTTP_FAILURES.has(err.kind) && err.kind !== 'aborted';
    return false;
}
/**
 * What the breaker counts as a failed request: an outage that outlived its retries, or a rate
 * limit too long to wait out (one failed request, like any other).
 */
function isFailedRequest(err) {
    return isTransient(err) || err instanceof RateLimitError;
}

;// CONCATENATED MODULE: ./src/http/retry-after.ts
// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date in any of the three formats a
// recipient must accept (§5.6.7), as Go's net/http.ParseTime does.
const DAYS = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", rfc850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994"; capture groups: day, month, year, h, m, s.
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
const RFC850 = new RegExp(`^${LONG_DAYS}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
const ASCTIME = new RegExp(`^${DAYS} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');
const MAX_MS = Number.MAX_SAFE_INTEGER;
/**
 * The wait a Retry-After value asks for, measured from `now` when it is a date (a date in the
 * past asks for none); undefined when the value is absent or malformed.
 */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text)) {
        const seconds = text.replace(/^0+(?=\d)/, '');
        return { ms: Math.min(Number(seconds) * 1000, MAX_MS), seconds };
    }
    const date = parseHttpDate(text, now);
    if (date === undefined)
        return undefined;
    const ms = Math.min(Math.max(0, date - now), MAX_MS);
    return { ms, seconds: String(Math.ceil(ms / 1000)) };
}
/** An HTTP-date as ms since the epoch; `now` places a two-digit rfc850 year. */
function parseHttpDate(text, now) {
    let m = IMF_FIXDATE.exec(text);
    if (m)
        return utc(m[3], m[2], m[1], m.slice(4));
    m = RFC850.exec(text);
    if (m)
        return utc(String(fullYear(Number(m[3]), now)), m[2], m[1], m.slice(4));
    m = ASCTIME.exec(text);
    if (m)
        return utc(m[6], m[1], m[2].trim(), m.slice(3, 6));
    return undefined;
}
/** A two-digit year more than 50 years ahead is the latest past year with those digits. */
function fullYear(twoDigits, now) {
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + twoDigits;
    if (year > thisYear + 50)
        year -= 100;
    return year;
}
function utc(year, month, day, [h, m, s]) {
    const [y, mo, d] = [Number(year), MONTHS.indexOf(month.toLowerCase()), Number(day)];
    const [hour, minute, second] = [Number(h), Number(m), Number(s)];
    // Second 60 is a leap second (RFC 9110 allows it): it carries into the next minute.
    if (hour > 23 || minute > 59 || second > 60)
        return undefined;
    const date = new Date(0); // setUTCFullYear, unlike Date.UTC, does not read 0094 as 1994
    date.setUTCFullYear(y, mo, d);
    // A day the month does not have (31 Feb) would roll over into the next month.
    if (date.getUTCMonth() !== mo || date.getUTCDate() !== d)
        return undefined;
    return date.setUTCHours(hour, minute, second);
}

;// CONCATENATED MODULE: ./src/http/judge.ts


/**
 * A 200's content, or the error the answer stands for. A 429 or 503 may say how long to wait
 * (Retry-After): when that fits in a request's timeout the retry waits so long, else it is over.
 */
async function judge(res, accept, timeoutMs, now) {
    if (res.status === 200)
        return accept(res);
    const transient = res.status === 429 || res.status >= 500;
    const retryAfter = res.status === 429 || res.status === 503
        ? parseRetryAfter(headerText(res.headers['retry-after']), now)
        : undefined;
    if (retryAfter && retryAfter.ms > timeoutMs)
        throw new RateLimitError(retryAfter, res.status);
    throw new ProbeError(`${res.status} ${statusText(res)}`, transient, res.status, retryAfter);
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** The status line plus, as the go command does, the start of a text/plain answer. */
function statusText(res) {
    const words = res.status === 404 || res.status === 410 ? 'not found' : 'error';
    if (!/^text\/plain/i.test(res.contentType))
        return words;
    const text = res.body.subarray(0, 200).toString('utf8').split('\n')[0].trim();
    return text ? `${words}: ${JSON.stringify(text)}` : words;
}

;// CONCATENATED MODULE: ./src/resilience/breaker-state.ts
// The breaker's saved form: what the verdict cache keeps between runs, and how it is read back.
/**
 * The state to restore from `saved`, or a closed breaker with an empty window when there is none
 * or it does not fit (another snapshot version, a longer window, a damaged value). An `openedAt`
 * in the future (clock skew between runners) is clamped to `now`, so an open breaker waits at most
 * one cooldown.
 */
function restoreStart(saved, windowSize, now) {
    const fresh = { outcomes: [] };
    if (!isRecord(saved) || saved.version !== 2)
        return fresh;
    const { outcomes, openedAt } = saved;
    if (!Array.isArray(outcomes) || outcomes.length > windowSize)
        return fresh;
    if (!outcomes.every(o => o === 'ok' || o === 'failed'))
        return fresh;
    if (openedAt === undefined)
        return { outcomes: [...outcomes] };
    if (typeof openedAt !== 'number' || !Number.isFinite(openedAt) || openedAt < 0)
        return fresh;
    // A breaker opens on a failed request, so an open one without any is damaged.
    if (!outcomes.includes('failed'))
        return fresh;
    return { outcomes: [...outcomes], openedAt: Math.min(openedAt, now) };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/resilience/breaker.ts

class BreakerOpenError extends Error {
    failed;
    total;
    retryAt;
    name = 'BreakerOpenError';
    constructor(message, 
    /** Failed and counted requests in the window that opened the breaker. */
    failed, total, 
    /** When the breaker lets a trial through; undefined while a trial is in flight. */
    retryAt) {
        super(message);
        this.failed = failed;
        this.total = total;
        this.retryAt = retryAt;
    }
}
const DEFAULT_MINIMUM_CALLS = 2;
const DEFAULT_WINDOW_SIZE = 10;
// A snapshot holds the whole window, and the verdict cache keeps one per candidate.
const MAX_WINDOW_SIZE = 1000;
/**
 * A breaker over the last `windowSize` requests, timed by `clock`. `saved` (from snapshot(),
 * possibly in another process) is restored when it fits these options; an unusable one is ignored.
 */
function createBreaker(opts, clock, saved) {
    const windowSize = opts.windowSize ?? DEFAULT_WINDOW_SIZE;
    const minimumCalls = opts.minimumCalls ?? DEFAULT_MINIMUM_CALLS;
    breaker_checkOptions(opts.threshold, opts.cooldownMs, windowSize, minimumCalls);
    return new CountBreaker({ ...opts, windowSize, minimumCalls }, clock, saved);
}
function breaker_checkOptions(threshold, cooldownMs, windowSize, minimumCalls) {
    if (!(threshold > 0 && threshold <= 1)) {
        throw new RangeError(`breaker threshold must be a ratio in (0, 1], got ${threshold}`);
    }
    if (!(Number.isFinite(cooldownMs) && cooldownMs >= 0)) {
        throw new RangeError(`breaker cooldownMs must be a finite number ≥ 0, got ${cooldownMs}`);
    }
    if (!Number.isSafeInteger(windowSize) || windowSize < 1 || windowSize > MAX_WINDOW_SIZE) {
        throw new RangeError(`breaker windowSize must be an integer in [1, ${MAX_WINDOW_SIZE}], got ${windowSize}`);
    }
    if (!Number.isSafeInteger(minimumCalls) || minimumCalls < 1 || minimumCalls > windowSize) {
        throw new RangeError(`breaker minimumCalls must be an integer in [1, ${windowSize}], got ${minimumCalls}`);
    }
}
const everyError = () => true;
class CountBreaker {
    o;
    clock;
    outcomes;
    openedAt;
    trialInFlight = false;
    constructor(o, clock, saved) {
        this.o = o;
        this.clock = clock;
        const start = restoreStart(saved, o.windowSize, clock.now());
        this.outcomes = start.outcomes;
        this.openedAt = start.openedAt;
    }
    get state() {
        if (this.trialInFlight)
            return 'half-open';
        return this.openedAt === undefined ? 'closed' : 'open';
    }
    async execute(fn, signal, countsAsFailure = everyError) {
        const isTrial = this.admit();
        const admission = {
            throwIfOpened: () => {
                if (!isTrial && this.openedAt !== undefined)
                    throw this.refusal('open');
            }
        };
        try {
            const value = await fn(admission);
            this.settle(isTrial, 'ok');
            return value;
        }
        catch (err) {
            // An aborted request proves nothing about the server; an answer such as a 404 is no outage.
            const counted = countsAsFailure(err) ? 'failed' : 'answered';
            this.settle(isTrial, signal?.aborted ? 'aborted' : counted);
            throw err;
        }
    }
    snapshot() {
        const outcomes = [...this.outcomes];
        return this.openedAt === undefined
            ? { version: 2, outcomes }
            : { version: 2, outcomes, openedAt: this.openedAt };
    }
    retryAt() {
        if (this.trialInFlight || this.openedAt === undefined)
            return undefined;
        return this.openedAt + this.o.cooldownMs;
    }
    /** Lets a request in, or throws; returns whether it is the half-open trial. */
    admit() {
        if (this.trialInFlight)
            throw this.refusal('trial');
        const retryAt = this.retryAt();
        if (retryAt === undefined)
            return false;
        if (this.clock.now() < retryAt)
            throw this.refusal('open');
        this.trialInFlight = true;
        return true;
    }
    settle(isTrial, ending) {
        if (isTrial)
            return this.settleTrial(ending);
        // A request that ends after the breaker opened was already judged with its siblings.
        if (this.openedAt !== undefined)
            return;
        if (ending !== 'ok' && ending !== 'failed')
            return;
        this.count(ending);
        const failed = this.failed();
        const total = this.outcomes.length;
        if (total >= this.o.minimumCalls && failed / total >= this.o.threshold) {
            this.openedAt = this.clock.now();
        }
    }
    settleTrial(ending) {
        this.trialInFlight = false;
        if (ending === 'failed' || ending === 'aborted') {
            // The trial proved nothing good (an aborted one stays cautious): another cooldown.
            if (ending === 'failed')
                this.count('failed');
            this.openedAt = this.clock.now();
            return;
        }
        // Any answer but an outage means the server is back: close with a fresh window.
        this.outcomes = ending === 'ok' ? ['ok'] : [];
        this.openedAt = undefined;
    }
    count(outcome) {
        this.outcomes.push(outcome);
        if (this.outcomes.length > this.o.windowSize)
            this.outcomes.shift();
    }
    failed() {
        return this.outcomes.filter(o => o === 'failed').length;
    }
    refusal(why) {
        const failed = this.failed();
        const total = this.outcomes.length;
        if (why === 'trial') {
            const message = 'circuit breaker half-open: its one trial request is in flight';
            return new BreakerOpenError(message, failed, total);
        }
        const message = `circuit breaker open after ${failed} of ${total} requests failed`;
        return new BreakerOpenError(message, failed, total, this.retryAt());
    }
}

;// CONCATENATED MODULE: ./src/http/trace.ts



/**
 * How a failed request is worded: the breaker refused it or stopped its retries; the candidate
 * was stopped before it was sent, or before its retry; else its own failure. When the breaker or
 * an abort cut the retries short, the last attempt's failure is what it met; a probe that never
 * got to send is named as such, not with its sibling's failure.
 */
function failure(trace, thrown, candidate) {
    const aborted = candidate.aborted;
    const byBreaker = thrown instanceof BreakerOpenError;
    const err = (byBreaker || aborted) && trace.error !== undefined ? trace.error : thrown;
    const stopped = aborted ? stopReason(candidate) : undefined;
    let problem;
    if (byBreaker)
        problem = breakerProblem(thrown, trace);
    else if (stopped && trace.attempts === 0)
        problem = `not sent: ${stopped}`;
    else if (stopped && awaitedRetry(trace))
        problem = `not retried: ${stopped} (${lastAttempt(trace)})`;
    else
        problem = describe(err, stopped);
    return { problem, err, byBreaker };
}
/** Names the breaker: it refused the request, or stopped its retries after the attempts made. */
function breakerProblem(err, trace) {
    if (trace.attempts === 0)
        return `not asked: ${err.message}`;
    return `not retried: ${err.message} (${lastAttempt(trace)})`;
}
function lastAttempt(trace) {
    const last = trace.error instanceof Error ? trace.error.message : String(trace.error);
    return `attempt ${trace.attempts}: ${last}`;
}
/** Its last attempt ended in a failure worth a retry (not a timeout: that stops the candidate). */
function awaitedRetry(trace) {
    return isTransient(trace.error) && !isTimeout(trace.error);
}
/** Why the candidate gets no further request: its first contact failed. */
class CandidateStopped extends Error {
    name = 'CandidateStopped';
}
/** Why a candidate's requests were cut short: a timeout, or a stop with its reason. */
function stopReason(signal) {
    return signal.reason instanceof CandidateStopped
        ? signal.reason.message
        : 'another request to this candidate timed out';
}
function isTimeout(err) {
    return err instanceof http_types/* HttpError */.j$ && err.kind === 'timeout';
}
/** The failure in words; `stopped` says why the candidate's requests were cut short, if they were. */
function describe(err, stopped) {
    if (isTimeout(err))
        return `timed out: ${err.message}`;
    if (stopped && !(err instanceof ProbeError))
        return `not completed: ${stopped}`;
    if (err instanceof Error)
        return err.message;
    return String(err);
}

;// CONCATENATED MODULE: ./src/http/first-contact.ts

/**
 * A candidate's first contact while it is in flight, and when the requests riding beside it may
 * move (see CandidateRequester.contact).
 */
class FirstContact {
    url;
    pending = true;
    /** An attempt of the contact failed: riders not yet sent wait until it has settled. */
    stumbled = false;
    /** Settles once the contact has (after the candidate is stopped, if it failed). */
    settled;
    /** Settles once the contact's connection is up, or it has settled: riders may be sent. */
    boarding;
    /** Settles once the contact has gone unanswered for `overdueMs`; never if it answers sooner. */
    overdue;
    /** Told by the transport once the contact's connection is up. */
    connected;
    settle;
    constructor(url, overdueMs, stopped) {
        this.url = url;
        let connected = () => undefined;
        let settle = () => undefined;
        const connecting = new Promise(resolve => (connected = resolve));
        this.settled = new Promise(resolve => (settle = resolve));
        this.connected = connected;
        this.settle = settle;
        this.boarding = Promise.race([connecting, this.settled]);
        const answered = new AbortController();
        void this.settled.then(() => answered.abort());
        // Real time, not the run's clock: this only schedules requests, and a test clock that ends
        // every sleep at once would have every rider give way at once.
        this.overdue = clock/* systemClock */.m
            .sleep(overdueMs, AbortSignal.any([answered.signal, stopped]))
            .catch(() => new Promise(() => undefined));
    }
    end() {
        this.pending = false;
        this.settle();
    }
}

;// CONCATENATED MODULE: ./src/http/requester.ts







const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 2000;
/**
 * Runs a candidate's probes: each through the overall concurrency limit, the candidate's breaker
 * (which judges the request once its retries are over) and the retry policy. The first timeout
 * aborts the candidate, so it gets no further requests.
 */
class CandidateRequester {
    o;
    abort = new AbortController();
    shared = new Map();
    retriesUsed = 0;
    firstContact;
    constructor(o) {
        this.o = o;
    }
    /** Attempts sent beyond each request's first, over all requests so far. */
    get retries() {
        return this.retriesUsed;
    }
    get signal() {
        return this.abort.signal;
    }
    /**
     * Runs a probe whose answer has no side effects at most once per URL: the first contact and
     * the same request made again by a module's probes share one request and one record.
     */
    runShared(probe) {
        let outcome = this.shared.get(probe.url);
        if (!outcome) {
            outcome = this.run(probe);
            this.shared.set(probe.url, outcome);
        }
        return outcome;
    }
    /**
     * The candidate's first contact. Requests started while it is in flight ride beside it: they
     * are sent once its connection is up (so an unreachable candidate gets nothing else), take only
     * request slots nobody waits for, and retry only once it has settled; once one of its attempts
     * has failed, riders not yet sent wait for it too. When it fails the candidate is stopped: a
     * dead candidate costs the contact's attempts and one attempt of each rider already sent, and
     * a slow one gets its next requests one round trip sooner. Once the contact has gone
     * unanswered for `overdueMs` (slow at best), a rider still waiting for its answer gives its
     * slot to a request that is due, and is sent again once the contact has settled.
     */
    contact(probe, overdueMs) {
        const first = new FirstContact(probe.url, overdueMs, this.abort.signal);
        this.firstContact = first;
        return this.runShared({ ...probe, onConnected: first.connected }).then(o => {
            if (!o.ok)
                this.abort.abort(new CandidateStopped('its first contact failed'));
            first.end();
            return o;
        });
    }
    async run(probe) {
        const first = this.firstContact;
        const beside = first?.pending && first.url !== probe.url ? first : undefined;
        const trace = { attempts: 0, startedAt: this.o.clock.now(), beside };
        try {
            const value = await this.o.breaker.execute(admission => this.attempts(probe, trace, admission), this.abort.signal, isFailedRequest);
            return { ok: true, value, record: this.record(probe, trace) };
        }
        catch (thrown) {
            // The runner's own failure (its disk) is no answer of the proxy's: it ends the run.
            if (thrown instanceof http_types/* LocalError */.il)
                throw thrown;
            return this.failed(probe, trace, thrown);
        }
    }
    /**
     * The request's attempts, each in a request slot of its own (a backoff holds none); each asks
     * the breaker, once it has its slot, whether it opened meanwhile.
     */
    attempts(probe, trace, admission) {
        const policy = {
            retries: this.o.retries,
            baseDelayMs: RETRY_BASE_MS,
            maxDelayMs: RETRY_MAX_MS,
            isTransient: isTransient,
            serverDelayMs: (err) => (err instanceof ProbeError ? err.retryAfter?.ms : undefined),
            clock: this.o.clock
        };
        const attempt = async (signal, attemptNo) => {
            const { beside } = trace;
            // A rider is sent once the contact is connected, and retries once it has settled.
            await (attemptNo > 1 ? beside?.settled : beside?.boarding);
            let riding = attemptNo === 1 && beside?.pending;
            for (;;) {
                const outcome = await this.inSlot(probe, trace, admission, signal, attemptNo, riding);
                if (outcome.done)
                    return outcome.value;
                // Held back or given way: asked again, as due, once the contact has settled.
                await beside?.settled;
                riding = false;
            }
        };
        return withRetry(policy, attempt, this.abort.signal);
    }
    /**
     * One attempt in a request slot. A rider (`riding`) takes an idle slot; it is held back, unsent,
     * if the contact stumbled meanwhile, and may be cut short to give its slot away: then it is
     * not done, and no attempt is counted.
     */
    async inSlot(probe, trace, admission, signal, attemptNo, riding) {
        const beside = riding ? trace.beside : undefined;
        let cutShort = false;
        try {
            const value = await this.o.limit(taken => {
                admission.throwIfOpened();
                if (beside?.stumbled)
                    throw HELD_BACK;
                if (attemptNo > 1)
                    this.retriesUsed++;
                let ended = false;
                taken?.addEventListener('abort', () => (cutShort = !ended), { once: true });
                const sending = this.attempt(probe, trace, taken ? AbortSignal.any([signal, taken]) : signal);
                const end = () => void (ended = true);
                void sending.then(end, end);
                return sending;
            }, { signal, idleUntil: beside?.settled, giveableFrom: beside?.overdue });
            return { done: true, value };
        }
        catch (err) {
            if (err === HELD_BACK)
                return { done: false };
            if (!cutShort || signal.aborted)
                throw err;
            gaveWay(trace);
            return { done: false };
        }
    }
    async attempt(probe, trace, signal) {
        trace.attempts++;
        trace.startedAt = this.o.clock.now();
        trace.response = undefined;
        try {
            trace.response = await this.o.http({
                url: probe.url,
                timeoutMs: this.o.timeoutMs,
                maxBytes: probe.maxBytes,
                firstBytes: probe.firstBytes,
                spoolTo: probe.spoolTo,
                onConnected: probe.onConnected,
                signal
            });
            return await judge(trace.response, probe.accept, this.o.timeoutMs, this.o.clock.now());
        }
        catch (err) {
            trace.error = err;
            if (err instanceof ProbeError && err.retryAfter)
                trace.retryAfter = err.retryAfter;
            if (probe.url === this.firstContact?.url)
                this.firstContact.stumbled = true;
            // A timeout ends the candidate: no retry, and its other requests are cancelled; a rider's
            // only once the contact has settled, so that it never decides the contact's outcome.
            if (isTimeout(err)) {
                const { beside } = trace;
                if (beside?.pending)
                    void beside.settled.then(() => this.abort.abort(err));
                else
                    this.abort.abort(err);
            }
            throw err;
        }
    }
    failed(probe, trace, thrown) {
        const { problem, err, byBreaker } = failure(trace, thrown, this.abort.signal);
        const record = this.record(probe, trace, problem);
        record.timedOut = (!byBreaker && trace.attempts > 0 && isTimeout(err)) || undefined;
        if (byBreaker)
            record.breakerOpen = true;
        const notFound = err instanceof ProbeError && (err.status === 404 || err.status === 410);
        return { ok: false, record, notFound };
    }
    record(probe, trace, problem) {
        const { attempts, startedAt, response, retryAfter, gaveWay } = trace;
        return {
            endpoint: probe.endpoint,
            module: probe.module,
            url: (0,redact/* redactUrl */.BO)(probe.url),
            status: response?.status,
            latencyMs: response?.timing.headersMs,
            ...(response?.timing.phases && { phases: response.timing.phases }),
            totalMs: attempts === 0 ? 0 : this.o.clock.now() - startedAt,
            attempts,
            ok: problem === undefined,
            problem,
            ...(retryAfter && { rateLimited: { retryAfterMs: retryAfter.ms } }),
            ...(gaveWay && { gaveWay })
        };
    }
}
/** A send cut short to free its slot is no attempt: the request is sent again, whole. */
function gaveWay(trace) {
    trace.attempts--;
    trace.gaveWay = (trace.gaveWay ?? 0) + 1;
    trace.error = undefined;
    trace.response = undefined;
}
/** Thrown in a slot by a rider whose contact stumbled: it waits, unsent, for the contact. */
const HELD_BACK = new Error('held back until the first contact settles');

;// CONCATENATED MODULE: ./src/resilience/plan-breaker.ts

/**
 * A candidate's breaker as the plan asks, on the run's clock. It counts requests once their
 * retries are over, so a failure that a retry mends never trips it, while a candidate whose first
 * request fails every attempt is out at once: at most retries + 1 attempts.
 */
function planBreaker(plan, clock, saved) {
    return createBreaker({ ...plan.breaker, minimumCalls: 1, windowSize: BREAKER_WINDOW }, clock, saved);
}
/** Requests the failure ratio is taken over. */
const BREAKER_WINDOW = 10;

// EXTERNAL MODULE: ./src/xmod/sumdb/errors.ts
var sumdb_errors = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/xmod/sumdb/note-keys.ts
var note_keys = __webpack_require__(1453);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/xmod/sumdb/note-text.ts
// The text rule Go applies to signed notes and log records: valid UTF-8 (as utf8.DecodeRune sees
// it: no surrogates, no overlong forms) with no ASCII control character other than newline.

const note_text_NEWLINE = 0x0a;
const FIRST_PRINTABLE = 0x20;
/** Why `bytes` breaks the rule, or undefined if it does not. */
function textProblem(bytes) {
    if (!(0,external_node_buffer_.isUtf8)(bytes))
        return 'not valid UTF-8';
    // In UTF-8 a byte below 0x20 is always that ASCII character itself.
    if (bytes.some(b => b < FIRST_PRINTABLE && b !== note_text_NEWLINE)) {
        return 'control character other than newline';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-hash.ts
// RFC 6962 Merkle tree hashing and the dense "stored hash index" order in which x/mod's tlog
// keeps every complete subtree hash (Crosby & Wallach, §3.3). Sizes are JavaScript numbers, so
// the arithmetic avoids 32-bit bit operators.

const HASH_SIZE = 32;
/**
 * The largest tree we handle. Stored hash indexes reach about twice the tree size and must stay
 * exact as numbers; real logs are many orders of magnitude smaller.
 */
const MAX_TREE_SIZE = 2 ** 50;
/** The root hash of the empty tree: SHA-256 of nothing. */
const EMPTY_TREE_HASH = (0,external_node_crypto_.createHash)('sha256').digest();
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);
/** SHA-256(0x00 ‖ data): the leaf hash of a record. */
function recordHash(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(LEAF_PREFIX).update(data).digest();
}
/** SHA-256(0x01 ‖ left ‖ right): an interior node. */
function nodeHash(left, right) {
    return (0,external_node_crypto_.createHash)('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
/** floor(x / 2^k) for non-negative integers beyond 32 bits. */
function tlog_hash_shiftDown(x, k) {
    return Math.floor(x / 2 ** k);
}
function trailingOnes(n) {
    let count = 0;
    for (let x = n; x % 2 === 1; x = tlog_hash_shiftDown(x, 1))
        count++;
    return count;
}
/** Where the hash of node `n` at `level` sits in the dense storage order. */
function tlog_hash_storedHashIndex(level, n) {
    // Node (level, n) is stored right after node (level-1, 2n+1), its right child.
    let leaf = n;
    for (let l = level; l > 0; l--)
        leaf = 2 * leaf + 1;
    // Leaf m is stored after m + m/2 + m/4 + ... hashes.
    let index = 0;
    for (let m = leaf; m > 0; m = tlog_hash_shiftDown(m, 1))
        index += m;
    return index + level;
}
/** The inverse of storedHashIndex. */
function splitStoredHashIndex(index) {
    // Leaf n's index is below 2n, so the leaf stored last before `index` is at most a few past index/2.
    let n = tlog_hash_shiftDown(index, 1);
    let leafIndex = tlog_hash_storedHashIndex(0, n);
    for (;;) {
        // Writing leaf n stores the leaf hash plus one hash per subtree it completes.
        const next = leafIndex + 1 + trailingOnes(n);
        if (next > index)
            break;
        n++;
        leafIndex = next;
    }
    const level = index - leafIndex;
    return { level, n: tlog_hash_shiftDown(n, level) };
}
/** How many hashes a log of `size` records stores. */
function storedHashCount(size) {
    return size === 0 ? 0 : tlog_hash_storedHashIndex(0, size - 1) + 1 + trailingOnes(size - 1);
}
/**
 * The hashes to store, from index storedHashIndex(0, n) on, when appending record `n`: its leaf
 * hash, then one hash per subtree it completes (reading the left siblings through `hashAt`).
 */
function storedHashes(n, data, hashAt) {
    let hash = recordHash(data);
    const hashes = [hash];
    for (let level = 0; level < trailingOnes(n); level++) {
        hash = nodeHash(hashAt(tlog_hash_storedHashIndex(level, tlog_hash_shiftDown(n, level) - 1)), hash);
        hashes.push(hash);
    }
    return hashes;
}
/**
 * The stored indexes of the complete subtrees that make up the first `size` records, largest
 * (leftmost) first: the hashes from which the tree's RFC 6962 root is folded.
 */
function subtreeIndexes(size) {
    const indexes = [];
    for (let start = 0; start < size;) {
        let level = 0;
        while (2 ** (level + 1) <= size - start)
            level++;
        indexes.push(tlog_hash_storedHashIndex(level, start / 2 ** level));
        start += 2 ** level;
    }
    return indexes;
}
/** Folds the subtree hashes of subtreeIndexes (in that order) into one hash, right to left. */
function foldSubtreeHashes(hashes) {
    if (hashes.length === 0)
        return EMPTY_TREE_HASH;
    let hash = hashes[hashes.length - 1];
    for (let i = hashes.length - 2; i >= 0; i--)
        hash = nodeHash(hashes[i], hash);
    return hash;
}
/** The root hash of the first `size` records, from stored hashes read in one call. */
function treeHash(size, readHashes) {
    if (size === 0)
        return EMPTY_TREE_HASH;
    const indexes = subtreeIndexes(size);
    const hashes = readHashes(indexes);
    if (hashes.length !== indexes.length) {
        throw new Error(`treeHash: asked for ${indexes.length} hashes, got ${hashes.length}`);
    }
    return foldSubtreeHashes(hashes);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/note-tree.ts
// The text a checksum database signs for its tree head (x/mod sumdb/tlog note.go):
// "go.sum database tree\n<size>\n<base64 root hash>\n", later lines ignored for forward
// compatibility.




const TREE_PREFIX = 'go.sum database tree\n';
// Go refuses longer tree notes outright.
const MAX_TREE_NOTE_BYTES = 1e6;
function note_tree_malformed(why) {
    return new sumdb_errors/* SumdbError */.q('bad-note', `malformed tree note: ${why}`);
}
/** Parses a tree note's text with tlog.ParseTree's rules. */
function parseTreeNote(text) {
    if (!text.startsWith(TREE_PREFIX))
        throw note_tree_malformed(`does not start with ${(0,strings/* quote */.hD)(TREE_PREFIX)}`);
    if (Buffer.byteLength(text, 'utf8') > MAX_TREE_NOTE_BYTES)
        throw note_tree_malformed('longer than 1e6 bytes');
    const lines = text.split('\n');
    // Three newline-terminated lines at least: prefix, size, hash.
    if (lines.length < 4)
        throw note_tree_malformed('fewer than three lines');
    const [, sizeText, hashText] = lines;
    if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || sizeText.length > 19) {
        throw note_tree_malformed(`bad tree size ${(0,strings/* quote */.hD)(sizeText)}`);
    }
    const size = Number(sizeText);
    if (size > MAX_TREE_SIZE) {
        throw new sumdb_errors/* SumdbError */.q('bad-note', `tree size ${sizeText} is beyond what a real log can hold`);
    }
    const hash = (0,note_keys/* decodeStdBase64 */.tL)(hashText);
    if (!hash || hash.length !== HASH_SIZE)
        throw note_tree_malformed(`bad root hash ${(0,strings/* quote */.hD)(hashText)}`);
    return { size, hash };
}
/** tlog.FormatTree: the text a server signs for `tree`. */
function formatTreeNote(tree) {
    return `${TREE_PREFIX}${tree.size}\n${tree.hash.toString('base64')}\n`;
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/note.ts
// Signed notes (golang.org/x/mod/sumdb/note): a text ending in "\n", a blank line, then one line
// "— <name> <base64(4-byte key hash ‖ signature)>\n" per signature. The signature covers the
// text bytes including their final newline.







// Go stops reading a note after this many signature lines.
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '— ';
const KEY_HASH_SIZE = 4;
function note_malformed(why) {
    return new sumdb_errors/* SumdbError */.q('bad-note', `malformed note: ${why}`);
}
function parseSignatureLine(line) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw note_malformed(`signature line ${(0,strings/* quote */.hD)(line)} does not start with "— "`);
    }
    const body = line.slice(SIGNATURE_PREFIX.length);
    const space = body.indexOf(' ');
    const name = space < 0 ? body : body.slice(0, space);
    const encoded = space < 0 ? '' : body.slice(space + 1);
    const raw = (0,note_keys/* decodeStdBase64 */.tL)(encoded);
    if (!(0,note_keys/* isValidKeyName */.Rb)(name) || encoded === '' || !raw || raw.length <= KEY_HASH_SIZE) {
        throw note_malformed(`bad signature line ${(0,strings/* quote */.hD)(line)}`);
    }
    return { name, keyHash: raw.readUInt32BE(0), sig: raw.subarray(KEY_HASH_SIZE) };
}
function parseNote(msg) {
    const problem = textProblem(msg);
    if (problem)
        throw note_malformed(problem);
    const split = msg.lastIndexOf('\n\n');
    if (split < 0)
        throw note_malformed('no blank line before the signatures');
    const signedBytes = msg.subarray(0, split + 1);
    const block = msg.subarray(split + 2).toString('utf8');
    if (!block.endsWith('\n'))
        throw note_malformed('signature block does not end in a newline');
    const lines = block.slice(0, -1).split('\n');
    const signatures = [];
    for (const line of lines) {
        signatures.push(parseSignatureLine(line));
        if (signatures.length > MAX_SIGNATURES) {
            throw note_malformed(`more than ${MAX_SIGNATURES} signatures`);
        }
    }
    return { note: { text: signedBytes.toString('utf8'), signatures }, signedBytes };
}
/** Parses a signed note by all of note.Open's format rules, without checking any signature. */
function parseSignedNote(msg) {
    return parseNote(msg).note;
}
/**
 * Parses a signed note and requires a valid signature by `verifier`. As in Go, only the first
 * signature line by the key (same name and key hash) counts, and other keys are ignored.
 */
function openNote(msg, verifier) {
    const { note, signedBytes } = parseNote(msg);
    const ours = note.signatures.find(s => s.name === verifier.name && s.keyHash === verifier.keyHash);
    const want = (0,note_keys/* keyLabel */.w8)(verifier.name, verifier.keyHash);
    if (!ours) {
        const found = note.signatures.map(s => (0,note_keys/* keyLabel */.w8)(s.name, s.keyHash)).join(', ');
        throw new sumdb_errors/* SumdbError */.q('unknown-key', `note has no verifiable signatures: want a signature by ${want}, found ${found}`);
    }
    if (!verifier.verify(signedBytes, ours.sig)) {
        throw new sumdb_errors/* SumdbError */.q('bad-signature', `invalid signature for key ${want}`);
    }
    return note;
}
/** Signs `text` (which must end in "\n") as note.Sign does with a single signer. */
function signNote(text, signer) {
    if (!text.endsWith('\n'))
        throw new SumdbError('bad-note', 'malformed note: text must end in \\n');
    if (!isValidKeyName(signer.name)) {
        throw new SumdbError('bad-key', `invalid signer name ${quote(signer.name)}`);
    }
    const textBytes = Buffer.from(text, 'utf8');
    const hash = Buffer.alloc(KEY_HASH_SIZE);
    hash.writeUInt32BE(signer.keyHash);
    const sig = cryptoSign(null, textBytes, signer.privateKey);
    const line = `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([hash, sig]).toString('base64')}\n`;
    return Buffer.concat([textBytes, Buffer.from(`\n${line}`, 'utf8')]);
}

;// CONCATENATED MODULE: ./src/http/record.ts
/** One line naming the request and what was wrong with it. */
function probeReason(record) {
    return `GET ${record.url} → ${record.problem ?? `${record.status ?? ''} ok`.trim()}`;
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tiles.ts
// Hash tiles (x/mod sumdb/tlog tile.go): a tile of height H at level L, number N lists W
// consecutive hashes of tree level H·L starting at hash N·2^H; W = 2^H is a full tile, fewer is
// the partial tile at the right edge. Level -1 ("data") holds the records themselves.



/** The tile height the go command reads. */
const TILE_HEIGHT = 8;
const MAX_HEIGHT = 30;
const PATH_GROUP = 1000;
const TILE_PATH = /^tile\/([0-9]+)\/(data|[0-9]+)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([0-9]+))?$/;
function threeDigits(n) {
    return String(n % PATH_GROUP).padStart(3, '0');
}
/** "tile/H/L/NNN[.p/W]", N in groups of three digits with "x" before all but the last group. */
function tilePath(tile) {
    let rest = tile.n;
    let digits = threeDigits(rest);
    while (rest >= PATH_GROUP) {
        rest = Math.floor(rest / PATH_GROUP);
        digits = `x${threeDigits(rest)}/${digits}`;
    }
    const partial = tile.width === 2 ** tile.height ? '' : `.p/${tile.width}`;
    const level = tile.level === -1 ? 'data' : String(tile.level);
    return `tile/${tile.height}/${level}/${digits}${partial}`;
}
function badPath(path) {
    return new SumdbError('bad-tile', `malformed tile path ${quote(path)}`);
}
/** The inverse of tilePath; only the canonical spelling of a tile is accepted, as in Go. */
function parseTilePath(path) {
    const match = TILE_PATH.exec(path);
    if (!match)
        throw badPath(path);
    const [, heightText, levelText, digits, widthText] = match;
    const height = Number(heightText);
    if (height < 1 || height > MAX_HEIGHT)
        throw badPath(path);
    const data = levelText === 'data';
    const n = digits
        .split('/')
        .reduce((sum, group) => sum * PATH_GROUP + Number(group.replace('x', '')), 0);
    const width = widthText === undefined ? 2 ** height : Number(widthText);
    if (!Number.isSafeInteger(n) || width < 1 || width > 2 ** height)
        throw badPath(path);
    const tile = { height, level: data ? -1 : Number(levelText), n, width };
    // Leading zeros, an empty "x000" group or ".p/2^H" are not the canonical form.
    if (tilePath(tile) !== path)
        throw badPath(path);
    return { ...tile, data };
}
// The tile of least width that stores `index`, and where that hash's subtree lies in its data.
function locate(height, index) {
    const { level, n } = splitStoredHashIndex(index);
    const tileLevel = Math.floor(level / height);
    const levelInTile = level - tileLevel * height;
    const tileN = tlog_hash_shiftDown(n * 2 ** levelInTile, height);
    const nInTile = n - tileN * 2 ** (height - levelInTile);
    const width = (nInTile + 1) * 2 ** levelInTile;
    const tile = { height, level: tileLevel, n: tileN, width };
    return { tile, start: nInTile * 2 ** levelInTile * HASH_SIZE, end: width * HASH_SIZE };
}
/** The tile of least width that stores the hash with this stored hash index. */
function tileForIndex(height, index) {
    return locate(height, index).tile;
}
/** The hash of the complete subtree whose leaves are the hashes in `data` (2^k of them). */
function tileHash(data) {
    if (data.length === HASH_SIZE)
        return data;
    const half = data.length / 2;
    return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}
/** The hash with stored index `index`, read from `tile` (tileForIndex's tile or a wider one). */
function hashFromTile(tile, data, index) {
    const fullWidth = 2 ** tile.height;
    const badWidth = tile.width < 1 || tile.width > fullWidth;
    if (tile.height < 1 || tile.height > MAX_HEIGHT || tile.level < 0 || badWidth) {
        throw new RangeError(`invalid tile ${tilePath(tile)}`);
    }
    if (data.length < tile.width * HASH_SIZE) {
        throw new sumdb_errors/* SumdbError */.q('bad-tile', `tile ${tilePath(tile)} has ${data.length} bytes, want ${tile.width * HASH_SIZE}`);
    }
    const { tile: home, start, end } = locate(tile.height, index);
    if (home.level !== tile.level || home.n !== tile.n || home.width > tile.width) {
        throw new RangeError(`hash index ${index} is in ${tilePath(home)}, not ${tilePath(tile)}`);
    }
    return tileHash(data.subarray(start, end));
}
/**
 * The tile `levelsUp` tile levels above `tile` (0: the tile itself), as wide as a tree of
 * `treeSize` records fills it; undefined if that tree has no hashes there.
 */
function tileInTree(tile, levelsUp, treeSize) {
    const level = tile.level + levelsUp;
    const n = tlog_hash_shiftDown(tile.n, levelsUp * tile.height);
    const available = tlog_hash_shiftDown(treeSize, level * tile.height);
    const first = n * 2 ** tile.height;
    if (first >= available)
        return undefined;
    return { height: tile.height, level, n, width: Math.min(2 ** tile.height, available - first) };
}
/** The tiles a server publishes when its log grows from `oldTreeSize` to `newTreeSize`. */
function newTiles(height, oldTreeSize, newTreeSize) {
    const tiles = [];
    const full = 2 ** height;
    for (let level = 0; shiftDown(newTreeSize, height * level) > 0; level++) {
        const oldCount = shiftDown(oldTreeSize, height * level);
        const newCount = shiftDown(newTreeSize, height * level);
        if (oldCount === newCount)
            continue;
        for (let n = shiftDown(oldCount, height); n < shiftDown(newCount, height); n++) {
            tiles.push({ height, level, n, width: full });
        }
        const last = shiftDown(newCount, height);
        const width = newCount - last * full;
        if (width > 0)
            tiles.push({ height, level, n: last, width });
    }
    return tiles;
}
/** A hash tile's bytes, from the log's stored hashes (what a server sends for tilePath(tile)). */
function readTileData(tile, readHashes) {
    const first = tile.n * 2 ** tile.height;
    const indexes = Array.from({ length: tile.width }, (_, i) => storedHashIndex(tile.height * tile.level, first + i));
    const hashes = readHashes(indexes);
    if (hashes.length !== indexes.length) {
        throw new Error(`readTileData: asked for ${indexes.length} hashes, got ${hashes.length}`);
    }
    return Buffer.concat(hashes);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-proof.ts
// Checking a signed tree with hash tiles, as the go command's sumdb client does: the tiles that
// hold the tree's complete-subtree hashes must fold into the signed root; every other tile must
// hash to the entry its parent tile holds. Only then is a hash read from a tile trusted.
// The caller fetches the tiles (tilesForProof says which) and hands them in by tilePath.



// The tile, as wide as the tree fills it, that holds the hash with this stored index.
function homeTile(index, treeSize) {
    const tile = tileInTree(tileForIndex(TILE_HEIGHT, index), 0, treeSize);
    if (!tile)
        throw new RangeError(`hash index ${index} is not in a tree of size ${treeSize}`);
    return tile;
}
// From each target's home tile, climb to the first tile already planned: every tile passed on
// the way is full and is authenticated by the hash its parent tile holds for it.
function planTiles(treeSize, targets) {
    const tiles = [];
    const planned = new Set();
    const add = (tile) => {
        if (!planned.has(tilePath(tile))) {
            planned.add(tilePath(tile));
            tiles.push(tile);
        }
    };
    const rootIndexes = subtreeIndexes(treeSize);
    for (const index of rootIndexes)
        add(homeTile(index, treeSize));
    const rootTileCount = tiles.length;
    for (const index of targets) {
        const base = tileForIndex(TILE_HEIGHT, index);
        const chain = [];
        for (let up = 0;; up++) {
            const tile = tileInTree(base, up, treeSize);
            if (!tile)
                throw new RangeError(`hash index ${index} is not in a tree of size ${treeSize}`);
            if (planned.has(tilePath(tile)))
                break;
            chain.push(tile);
        }
        chain.reverse().forEach(add);
    }
    return { rootIndexes, tiles, rootTileCount };
}
function tileBytes(tile, tiles) {
    const path = tilePath(tile);
    const data = tiles.get(path);
    if (!data)
        throw new sumdb_errors/* SumdbError */.q('bad-tile', `missing tile ${path}`);
    if (data.length !== tile.width * HASH_SIZE) {
        throw new sumdb_errors/* SumdbError */.q('bad-tile', `tile ${path} has ${data.length} bytes, want ${tile.width * HASH_SIZE}`);
    }
    return data;
}
// Authenticates the planned tiles against the signed tree; returns a reader of trusted hashes.
function authenticateTiles(tree, plan, tiles) {
    const data = new Map(plan.tiles.map(tile => [tilePath(tile), tileBytes(tile, tiles)]));
    const readFrom = (tile, index) => hashFromTile(tile, data.get(tilePath(tile)), index);
    const read = (index) => readFrom(homeTile(index, tree.size), index);
    const root = foldSubtreeHashes(plan.rootIndexes.map(read));
    if (!root.equals(tree.hash)) {
        const paths = plan.tiles.slice(0, plan.rootTileCount).map(tilePath).join(', ');
        throw new sumdb_errors/* SumdbError */.q('bad-tree', `downloaded inconsistent tile: ${paths} do not hash to the signed root ` +
            `${tree.hash.toString('base64')} of the tree of size ${tree.size}`);
    }
    for (const tile of plan.tiles.slice(plan.rootTileCount)) {
        const parent = tileInTree(tile, 1, tree.size);
        const expected = readFrom(parent, tlog_hash_storedHashIndex(parent.level * parent.height, tile.n));
        if (!tileHash(data.get(tilePath(tile))).equals(expected)) {
            throw new sumdb_errors/* SumdbError */.q('bad-tree', `downloaded inconsistent tile: ${tilePath(tile)} does not hash to the entry for it in ` +
                `${tilePath(parent)} in the signed tree of size ${tree.size}`);
        }
    }
    return read;
}
function checkRecordId(id, treeSize) {
    if (!Number.isSafeInteger(id) || id < 0 || id >= treeSize) {
        throw new sumdb_errors/* SumdbError */.q('bad-record', `cannot validate record ${id} in tree of size ${treeSize}`);
    }
}
function checkOrder(older, newerSize) {
    if (older && older.size > newerSize) {
        throw new RangeError(`older tree (size ${older.size}) is larger than the newer (${newerSize})`);
    }
}
// The older tree's subtree hashes that must be read from the newer tree; none when the sizes
// alone settle it (an empty older tree, or equal sizes).
function olderTargets(older, newerSize) {
    if (!older || older.size === 0 || older.size === newerSize)
        return [];
    return subtreeIndexes(older.size);
}
/**
 * Every tile needed to authenticate a tree of `treeSize` records, read the leaf hash of each of
 * `recordIds`, and prove `olderTree` a prefix of it: the tiles the go command would fetch.
 */
function tilesForProof(treeSize, recordIds, olderTree) {
    recordIds.forEach(id => checkRecordId(id, treeSize));
    checkOrder(olderTree, treeSize);
    const targets = recordIds.map(id => tlog_hash_storedHashIndex(0, id));
    return planTiles(treeSize, [...targets, ...olderTargets(olderTree, treeSize)]).tiles;
}
/** Checks that each record is the leaf with its id in the signed tree, using the given tiles. */
function verifyRecordsInTree(tree, records, tiles) {
    records.forEach(record => checkRecordId(record.id, tree.size));
    const leaves = records.map(record => tlog_hash_storedHashIndex(0, record.id));
    const read = authenticateTiles(tree, planTiles(tree.size, leaves), tiles);
    records.forEach((record, i) => {
        if (!read(leaves[i]).equals(recordHash(record.data))) {
            throw new sumdb_errors/* SumdbError */.q('not-in-tree', `cannot authenticate record data in server response: record ${record.id} is not ` +
                `the leaf the signed tree of size ${tree.size} holds`);
        }
    });
}
function forkError(older, newer, olderHashInNewer) {
    return new sumdb_errors/* SumdbError */.q('fork', 'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n' +
        `old database: tree of size ${older.size}, hash ${older.hash.toString('base64')}\n` +
        `new database: tree of size ${newer.size}, hash ${newer.hash.toString('base64')}\n` +
        `proof of misbehavior: the new tree's hash of its first ${older.size} records is ` +
        olderHashInNewer.toString('base64'));
}
/** Checks that `older` is a prefix of `newer` (equal sizes must have equal hashes). */
function verifyConsistency(older, newer, tiles) {
    checkOrder(older, newer.size);
    const targets = olderTargets(older, newer.size);
    let hashInNewer;
    if (older.size === newer.size) {
        hashInNewer = newer.hash;
    }
    else if (older.size === 0) {
        hashInNewer = EMPTY_TREE_HASH;
    }
    else {
        const read = authenticateTiles(newer, planTiles(newer.size, targets), tiles);
        hashInNewer = foldSubtreeHashes(targets.map(read));
    }
    if (!hashInNewer.equals(older.hash))
        throw forkError(older, newer, hashInNewer);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-record.ts
// The checksum database's /lookup answer (x/mod sumdb/tlog note.go FormatRecord, ParseRecord):
// "<id>\n", the record (go.sum lines, each ending in "\n", no blank line), a blank line, then the
// signed tree note.




// An HTML page answering /lookup would otherwise fill the message with its first line.
const MAX_SHOWN_ID = 40;
function tlog_record_malformed(why) {
    return new sumdb_errors/* SumdbError */.q('bad-record', `malformed record data: ${why}`);
}
// Go's strconv.ParseInt accepts a sign and leading zeros; ids are never negative.
function parseRecordId(text) {
    if (!/^[+-]?[0-9]+$/.test(text)) {
        const shown = text.length > MAX_SHOWN_ID ? `${text.slice(0, MAX_SHOWN_ID)}…` : text;
        throw tlog_record_malformed(`bad record id ${(0,strings/* quote */.hD)(shown)}`);
    }
    const id = Number(text) + 0;
    if (id < 0 || id > MAX_TREE_SIZE)
        throw tlog_record_malformed(`record id ${text} out of range`);
    return id;
}
/** Splits a /lookup answer into record id, record text and signed tree note. */
function parseLookup(body) {
    const idEnd = body.indexOf(0x0a);
    if (idEnd < 0)
        throw tlog_record_malformed('no record id line');
    const id = parseRecordId(body.subarray(0, idEnd).toString('utf8'));
    const rest = body.subarray(idEnd + 1);
    const blank = rest.indexOf('\n\n');
    if (blank < 0)
        throw tlog_record_malformed('no blank line after the record');
    const record = rest.subarray(0, blank + 1);
    // tlog's isValidRecordText; the split above already keeps blank lines out.
    const problem = textProblem(record);
    if (problem)
        throw tlog_record_malformed(`record text: ${problem}`);
    return { id, record, note: rest.subarray(blank + 2) };
}
// The hash of the first "<path> <version> h1:" line: the one the go command compares with.
function h1For(lines, path, version) {
    const prefix = `${path} ${version} `;
    const line = lines.find(l => l.startsWith(`${prefix}h1:`));
    return line?.slice(prefix.length);
}
/**
 * The h1: hashes a record holds for `path`@`version`: `zipHash` from "<path> <version> h1:…",
 * `modHash` from "<path> <version>/go.mod h1:…". A record with neither is for another module.
 */
function parseRecordLines(record, path, version) {
    const lines = record.toString('utf8').split('\n');
    const zipHash = h1For(lines, path, version);
    const modHash = h1For(lines, path, `${version}/go.mod`);
    if (zipHash === undefined && modHash === undefined) {
        throw new sumdb_errors/* SumdbError */.q('bad-record', `record holds no go.sum lines for ${path}@${version}`);
    }
    return {
        ...(modHash === undefined ? {} : { modHash }),
        ...(zipHash === undefined ? {} : { zipHash })
    };
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog.ts
// The transparency log as the go command's checksum database client uses it: RFC 6962 hashing,
// height-8 hash tiles, checking records and tree growth against a signed tree, /lookup answers.





;// CONCATENATED MODULE: ./src/checksum/route-proof.ts







/** A lookup answer is a record and a note: a few hundred bytes; 100 signatures fit in 64 KiB. */
const LOOKUP_CAP = 64 << 10;
/** A full tile: 2 ** TILE_HEIGHT hashes. */
const FULL_WIDTH = 2 ** TILE_HEIGHT;
const TILE_CAP = FULL_WIDTH * HASH_SIZE;
/**
 * Proves what one route to the checksum database says about some module versions: each lookup's
 * note is signed by the key, each record sits in the signed tree (hash tiles up to the root), and
 * every tree seen is a prefix of the newest (`seen`: trees the run proved before). `base` is
 * `<proxy>/sumdb/<name>` or the database URL.
 */
async function checkRoute(base, versions, verifier, requester, seen = []) {
    const outcomes = await Promise.all(versions.map(v => lookup(base, v, verifier, requester)));
    const probes = outcomes.map(o => o.record);
    // A request's own failure names the route's problem, not one the breaker then cut short.
    const failures = outcomes.filter(o => !o.ok && !o.notFound);
    const failed = failures.find(o => !o.record.breakerOpen) ?? failures[0];
    if (failed)
        return { ok: false, problem: probeReason(failed.record), records: [], unknown: [], probes };
    const looked = outcomes.flatMap(o => (o.ok ? [o.value] : []));
    const unknown = versions.filter((_, i) => !outcomes[i].ok);
    if (looked.length === 0) {
        // A route that knows none of them proves nothing: it may be a proxy that does not really
        // serve the database. Another route, or the database itself, must say so.
        return {
            ok: false,
            problem: noRecordOf(unknown),
            records: [],
            unknown,
            probes
        };
    }
    // Every tree seen must be a prefix of the newest: these lookups' and the run's earlier ones.
    const trees = [...looked.map(l => l.tree), ...seen];
    const newest = trees.reduce((a, b) => (b.size > a.size ? b : a));
    const olderTrees = uniqueTrees(trees).filter(t => t.size < newest.size || !t.hash.equals(newest.hash));
    try {
        const tiles = await fetchTiles(base, newest, looked, olderTrees, requester, probes);
        // A fork first: a record missing from a forked tree is a symptom, the fork is the cause.
        for (const older of olderTrees)
            verifyConsistency(older, newest, tiles);
        verifyRecordsInTree(newest, looked.map(l => ({ id: l.id, data: l.data })), tiles);
    }
    catch (err) {
        return { ok: false, problem: route_proof_describe(err), tree: newest, records: [], unknown, probes };
    }
    const records = looked.map(l => ({ path: l.path, version: l.version, ...l.hashes }));
    return { ok: true, tree: newest, records, unknown, probes };
}
/** Why a route proves nothing of versions it has no record of. */
function noRecordOf(versions) {
    const names = versions.map(v => `${v.path}@${v.version}`).join(', ');
    return `no record of ${names} (if private, add to GONOSUMDB)`;
}
/** Asked at most once a route (the requester shares it), so a lookup started early is reused. */
function lookup(base, v, verifier, requester) {
    return requester.runShared({
        endpoint: 'lookup',
        module: `${v.path}@${v.version}`,
        url: joinUrlPath(base, `lookup/${pathEscape((0,xmod_module/* escapePath */.ft)(v.path))}@${pathEscape((0,xmod_module/* escapeVersion */.av)(v.version))}`),
        maxBytes: LOOKUP_CAP,
        accept: res => asContent(() => {
            const answer = parseLookup(res.body);
            const note = openNote(answer.note, verifier);
            const tree = parseTreeNote(note.text);
            const hashes = parseRecordLines(answer.record, v.path, v.version);
            return { ...v, id: answer.id, data: answer.record, tree, hashes };
        })
    });
}
/** Fetches the tiles the proofs need; a missing partial tile is read from its full tile, as Go does. */
async function fetchTiles(base, newest, looked, olderTrees, requester, probes) {
    const needed = new Map();
    const ids = looked.map(l => l.id);
    for (const tile of tilesForProof(newest.size, ids))
        needed.set(tilePath(tile), tile);
    for (const older of olderTrees) {
        for (const tile of tilesForProof(newest.size, [], older))
            needed.set(tilePath(tile), tile);
    }
    const tiles = new Map();
    await Promise.all([...needed].map(async ([path, tile]) => {
        const data = await fetchTile(base, path, tile, requester, probes);
        if (data)
            tiles.set(path, data);
    }));
    return tiles;
}
async function fetchTile(base, path, tile, requester, probes) {
    const get = (p) => requester.runShared({
        endpoint: 'tile',
        module: p,
        url: joinUrlPath(base, p),
        maxBytes: TILE_CAP,
        accept: res => res.body
    });
    const partial = await get(path);
    probes.push(partial.record);
    if (partial.ok)
        return partial.value;
    if (!partial.notFound || tile.width === FULL_WIDTH)
        throw new sumdb_errors/* SumdbError */.q('bad-tile', probeReason(partial.record));
    // The log grew past this partial tile and the server dropped it: its prefix is in the full tile.
    const full = await get(tilePath({ ...tile, width: FULL_WIDTH }));
    probes.push(full.record);
    if (!full.ok)
        throw new sumdb_errors/* SumdbError */.q('bad-tile', probeReason(full.record));
    return full.value.subarray(0, tile.width * HASH_SIZE);
}
function uniqueTrees(trees) {
    const seen = new Map();
    for (const t of trees)
        seen.set(`${t.size}:${t.hash.toString('base64')}`, t);
    return [...seen.values()];
}
/** Turns a verification error into a content error, so the probe is judged wrong, not retried. */
function asContent(check) {
    try {
        return check();
    }
    catch (err) {
        if (err instanceof sumdb_errors/* SumdbError */.q)
            throw new ContentError(err.message);
        throw err;
    }
}
function route_proof_describe(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./src/checksum/route-checker.ts




/**
 * The run's routes to one database, each with one requester (and breaker) for the whole run: the
 * lookups started while candidates are still probed and the proofs made later share its answers.
 */
class RouteSessions {
    plan;
    db;
    deps;
    verifier;
    requesters = new Map();
    constructor(plan, db, deps) {
        this.plan = plan;
        this.db = db;
        this.deps = deps;
        this.verifier = (0,note_keys/* parseVerifierKey */.z$)(db.verifierKey);
    }
    requester(route) {
        const key = `${route.kind} ${route.base}`;
        let requester = this.requesters.get(key);
        if (!requester) {
            requester = new CandidateRequester({
                ...this.deps,
                breaker: planBreaker(this.plan, this.deps.clock),
                timeoutMs: this.plan.timeoutMs,
                retries: this.plan.retries
            });
            this.requesters.set(key, requester);
        }
        return requester;
    }
    /**
     * Starts the lookups of `versions` on `route` for a proof to come, which finds them answered
     * (the requester shares them). Tiles are left to the proof: which it needs depends on the
     * newest tree of all its lookups, and one it does not need must not fail its route.
     */
    lookUpAhead(route, versions) {
        const requester = this.requester(route);
        for (const v of versions)
            void lookup(route.base, v, this.verifier, requester);
    }
}
/** Proves routes to the database on demand, each at most once a run. */
class RouteChecker {
    sessions;
    versions;
    proved = new Map();
    constructor(sessions, versions) {
        this.sessions = sessions;
        this.versions = versions;
    }
    check(route) {
        const key = `${route.kind} ${route.base}`;
        let report = this.proved.get(key);
        if (!report) {
            report = this.prove(route);
            this.proved.set(key, report);
        }
        return report;
    }
    /** Every route checked so far, in the order they were asked for. */
    async reports() {
        return Promise.all(this.proved.values());
    }
    async prove(route) {
        const { verifier } = this.sessions;
        const requester = this.sessions.requester(route);
        return { route, verdict: await checkRoute(route.base, this.versions, verifier, requester) };
    }
}

;// CONCATENATED MODULE: ./src/checksum/integrity.ts







/**
 * Proves the probed content against the checksum database: a candidate whose .mod or .zip differs
 * from the signed record gets a `tampered` finding, one that served a version the database does
 * not know an `unhealthy` one. One route that passes gives the truth: the routes Go would use first (an explicit
 * URL, else the proxies that serve the database), then https://<name> and the sumdb mirrors only
 * when those fail. Whether the chosen chain's own route works is decided later, in decideGosumdb.
 * Modules matching GONOSUMDB are never looked up: the database must not learn private paths.
 * `alsoLookUp` names versions to prove that no candidate served yet (the build's toolchain).
 * `sessions` carries the answers of lookups started ahead (see lookupsAhead), if any.
 */
async function checkIntegrity(plan, reports, deps, alsoLookUp = [], sessions) {
    const none = { records: [], unknown: [] };
    if (plan.checks === 'quick')
        return { status: 'not-checked', reason: 'checks: quick does not verify content', ...none };
    const db = plan.gosumdb;
    if (db.kind === 'off')
        return { status: 'off', reason: 'GOSUMDB=off: content is not verified', ...none };
    const served = versionsToCheck(plan, reports);
    if (served.length === 0)
        return { status: 'not-checked', reason: 'no fresh content to verify', db, ...none };
    // Looked up alongside what was served (the build's toolchain), never on their own: a warm run
    // that proves nothing fresh asks the database nothing.
    const extra = notPrivate(plan, alsoLookUp);
    const routes = sessions ?? new RouteSessions(plan, db, deps);
    const checker = new RouteChecker(routes, [...served, ...extra]);
    const trusted = (await findTruth(checker, firstRoutes(db, reports))) ??
        (await firstPassing(checker, fallbackRoutes(plan, db)));
    if (!trusted)
        return {
            status: 'checked',
            reason: 'no route to the checksum database passed',
            db,
            checker,
            ...none
        };
    compareServed(reports, trusted.verdict.records);
    failUnknown(reports, trusted.verdict.unknown);
    const { records, unknown } = trusted.verdict;
    return {
        status: 'checked',
        reason: `${records.length} module versions proved`,
        db,
        checker,
        records,
        unknown,
        trusted: trusted.route,
        tree: trusted.verdict.tree
    };
}
/**
 * Signed records are the same whichever route serves them, so one route that passes is enough:
 * the first (the one Go most likely takes) alone, and the others side by side only if it fails.
 * A slow proxy's route is then not waited for unless the go command would use it, and the
 * database's own host and the sumdb mirrors are asked only when no proxy route passes.
 */
async function findTruth(checker, routes) {
    const [first, ...rest] = routes;
    const report = first && (await checker.check(first));
    return report?.verdict.ok ? report : firstPassing(checker, rest);
}
/** Checks the routes side by side and returns the first (in order) that passed. */
async function firstPassing(checker, routes) {
    const reports = await Promise.all(routes.map(r => checker.check(r)));
    return reports.find(r => r.verdict.ok);
}
/** The module versions usable candidates served this run, except private ones. */
function versionsToCheck(plan, reports) {
    const seen = new Map();
    for (const report of reports) {
        if (!(0,types/* isUsable */.Ng)(report.verdict))
            continue;
        for (const { path, version } of report.served) {
            if (!(0,patterns/* matchPrefixPatterns */.J8)(plan.patterns.gonosumdb, path))
                seen.set(`${path}@${version}`, { path, version });
        }
    }
    return [...seen.values()];
}
/**
 * Versions the database may be asked about: those GONOSUMDB does not keep from it, and every
 * toolchain, which the go command looks up whatever GONOSUMDB says (modfetch useSumDB: a toolchain
 * has no go.sum line to check it against).
 */
function notPrivate(plan, versions) {
    return versions.filter(v => v.path === gosumdb/* TOOLCHAIN_MODULE */.xc || !(0,patterns/* matchPrefixPatterns */.J8)(plan.patterns.gonosumdb, v.path));
}
/** A proxy whose /sumdb/ route fails would fail the go command's verification: unhealthy. */
function failProxyRoute(reports, route, problem) {
    const report = reports.find(r => r.candidate.id === route.candidate?.id);
    if (!report || !(0,types/* isUsable */.Ng)(report.verdict))
        return;
    const reason = `its checksum database proxy ${route.label} failed: ${problem ?? 'unknown error'}`;
    recordFinding(report, { stage: 'route', level: 'unhealthy', reason });
    settleVerdict(report);
}
/**
 * A candidate that served a version the database has no record of cannot be used: the go command
 * would refuse to download it (a mirror inventing versions, or a private module missing from
 * GONOSUMDB).
 */
function failUnknown(reports, unknown) {
    const missing = new Set(unknown.map(v => `${v.path}@${v.version}`));
    for (const report of reports.filter(r => (0,types/* isUsable */.Ng)(r.verdict))) {
        const served = report.served.find(s => missing.has(`${s.path}@${s.version}`));
        if (!served)
            continue;
        const reason = `served ${served.path}@${served.version}, of which the checksum database has no record ` +
            '(the go command would refuse it; if it is private, add it to GONOSUMDB or GOPRIVATE)';
        recordFinding(report, { stage: 'sumdb', level: 'unhealthy', reason });
    }
}

;// CONCATENATED MODULE: ./src/checksum/gosumdb-outcome.ts


/**
 * Decides GOSUMDB for the chosen chain: the route the go command will take with it must pass
 * (it is proved now if the integrity stage did not need it). A proxy route that fails is handed
 * back (`brokenProxy`) for the chain to be chosen without it; when the database's own URL fails,
 * the first sumdb mirror that passes is exported in Go's `name+key url` form. GOSUMDB=off only
 * ever comes from the user.
 */
async function decideGosumdb(plan, check, chain) {
    const keep = { gosumdb: plan.gosumdb.raw, mirrorUsed: false };
    const { checker, db } = check;
    if (check.status !== 'checked' || !checker || !db)
        return { ok: true, reason: check.reason, routes: [], ...keep };
    const want = routeForChain(db, chain);
    const proved = await checker.check(want);
    if (proved.verdict.ok) {
        return {
            ok: true,
            reason: `${check.reason} via ${want.label}`,
            route: want.label,
            routes: await checker.reports(),
            ...keep
        };
    }
    const failure = `${want.label} failed: ${proved.verdict.problem ?? 'unknown error'}`;
    if (want.kind === 'proxy') {
        return {
            ok: false,
            reason: proved.verdict.problem ?? 'unknown error',
            routes: await checker.reports(),
            brokenProxy: want,
            ...keep
        };
    }
    const mirror = await firstPassing(checker, mirrorRoutes(plan));
    const routes = await checker.reports();
    if (!mirror)
        return { ok: false, reason: failure, routes, ...keep };
    return {
        ok: true,
        gosumdb: `${db.verifierKey} ${mirror.route.base}`,
        reason: `${failure}; using sumdb mirror ${mirror.route.label}`,
        route: mirror.route.label,
        mirrorUsed: true,
        routes
    };
}

// EXTERNAL MODULE: ./src/cache/sumdb.ts
var sumdb = __webpack_require__(2275);
;// CONCATENATED MODULE: ./src/checksum/lookups-ahead.ts


/**
 * Told each candidate's report as its probes end, starts the database's lookups for what it
 * served, on the route checkIntegrity will try first, as soon as that route is settled: the proof
 * then finds them answered instead of starting once the slowest candidate has ended. They are
 * requests the proof makes anyway, on the requester it uses, so what it decides is unchanged;
 * only when they are sent. The build's toolchain (`alsoLookUp`) is looked up with the first
 * versions served, as checkIntegrity does.
 */
function lookupsAhead(plan, sessions, alsoLookUp) {
    if (!sessions || plan.checks === 'quick')
        return () => undefined;
    const reports = new Map();
    let pending = [];
    let extra = notPrivate(plan, alsoLookUp);
    return report => {
        reports.set(report.candidate.id, report);
        pending.push(...versionsToCheck(plan, [report]));
        const route = settledFirstRoute(sessions.db, plan.candidates, c => reports.get(c.id));
        if (!route || pending.length === 0)
            return;
        sessions.lookUpAhead(route, [...pending, ...extra]);
        pending = [];
        extra = [];
    };
}

;// CONCATENATED MODULE: ./src/checksum/record-lookup.ts



/**
 * Looks versions up, each at most once a run, once checkIntegrity is done: on the route that gave
 * it its truth (its records and unknowns answer without a request), else, when it proved nothing
 * fresh (every verdict came from the cache), on the routes Go would take, in its order.
 */
function recordLookup(plan, integrity, context) {
    const asked = new Map();
    return version => {
        if (notPrivate(plan, [version]).length === 0)
            return Promise.resolve(undefined);
        const key = `${version.path}@${version.version}`;
        let answer = asked.get(key);
        if (!answer) {
            answer = integrity.then(check => lookUpOn(plan, check, context, version));
            asked.set(key, answer);
        }
        return answer;
    };
}
async function lookUpOn(plan, check, { sessions, reports }, v) {
    const same = (w) => w.path === v.path && w.version === v.version;
    const known = check.records.find(same);
    if (known)
        return { record: known };
    const noRecord = `the checksum database has ${noRecordOf([v])}`;
    if (check.unknown.some(same))
        return { problem: noRecord };
    const routes = routesFor(plan, check, reports);
    if (!sessions || routes.length === 0)
        return undefined;
    const seen = check.tree ? [check.tree] : [];
    const problems = [];
    for (const route of routes) {
        const requester = sessions.requester(route);
        const verdict = await checkRoute(route.base, [v], sessions.verifier, requester, seen);
        if (verdict.records[0])
            return { record: verdict.records[0] };
        if (verdict.unknown.length > 0)
            return { problem: noRecord };
        problems.push(`${route.label}: ${verdict.problem ?? 'unknown error'}`);
    }
    const name = `${v.path}@${v.version}`;
    return {
        problem: `the checksum database could not be asked about ${name} (${problems.join('; ')})`
    };
}
/**
 * The route the integrity check trusted; when it checked nothing fresh, the routes it would have
 * tried. None when content is not verified (`checks: quick`, GOSUMDB=off) or no route passed.
 */
function routesFor(plan, check, reports) {
    if (check.trusted)
        return [check.trusted];
    if (check.status !== 'not-checked' || !check.db || plan.checks === 'quick')
        return [];
    return [...firstRoutes(check.db, reports), ...fallbackRoutes(plan, check.db)];
}

// EXTERNAL MODULE: ./src/xmod/semver.ts
var semver = __webpack_require__(1090);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/http/file.ts



/**
 * Serves a `file://` GOPROXY from disk as the go command reads one: a missing file is "not found"
 * (404), anything else readable is the answer. Lets file candidates take the same probes.
 */
const fileGet = async (request) => {
    const started = performance.now();
    const path = (0,external_node_url_.fileURLToPath)(request.url);
    let status = 200;
    let body;
    try {
        body = await readAnswer(path, request);
    }
    catch (err) {
        const code = err.code;
        if (err instanceof http_types/* HttpError */.j$ || err instanceof http_types/* LocalError */.il)
            throw err;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
            throw new http_types/* HttpError */.j$('protocol', `cannot read ${path}: ${code ?? String(err)}`);
        }
        status = 404;
        body = Buffer.from(`not found: ${path}\n`);
    }
    const ms = Math.round(performance.now() - started);
    const contentType = status === 404 ? 'text/plain; charset=utf-8' : '';
    return {
        status,
        contentType,
        headers: {},
        body,
        timing: { headersMs: ms }
    };
};
/**
 * The file's bytes as an answer, reading no more than the request needs: its first bytes, or a
 * copy to the spool file, or the whole file within the cap.
 */
async function readAnswer(path, request) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const { size } = await file.stat();
        if (request.firstBytes !== undefined) {
            const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(request.firstBytes) });
            return buffer.subarray(0, bytesRead);
        }
        if (size > request.maxBytes)
            throw new http_types/* HttpError */.j$('too-large', `${path} is larger than ${request.maxBytes} bytes`);
        if (request.spoolTo === undefined)
            return await file.readFile({ signal: request.signal });
        // The proxy's file opened and sized, a failing copy is the runner's side: the spool folder.
        const to = request.spoolTo;
        await (0,promises_.copyFile)(path, to).catch(err => {
            throw (0,http_types/* cannotWrite */.zz)(to, err);
        });
        return Buffer.alloc(0);
    }
    finally {
        await file.close();
    }
}
/**
 * Sends file:// requests to disk and everything else to the network. The scheme is matched in
 * any case, as Go's url.Parse lowercases it: GOPROXY=FILE:///srv/proxy is a file proxy to Go.
 */
function withFileUrls(network) {
    return request => (/^file:/i.test(request.url) ? fileGet(request) : network(request));
}

// EXTERNAL MODULE: ./src/resilience/limiter.ts
var limiter = __webpack_require__(2742);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
;// CONCATENATED MODULE: ./src/xmod/zipnames.ts
// The name rules of a module zip, as golang.org/x/mod/zip's checkZip applies them to each entry:
// the module@version/ prefix, clean paths, module.CheckFilePath, case-fold collisions and where
// go.mod may be. Messages are Go's, so a report reads like the go command's error.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');
/** Whether Go's path.Clean(p) == p (Clean keeps a leading ".." of a relative path). */
function isCleanPath(p) {
    if (p === '')
        return false;
    if (p === '/' || p === '.')
        return true;
    const rooted = p.startsWith('/');
    let sawName = rooted;
    for (const elem of (rooted ? p.slice(1) : p).split('/')) {
        if (elem === '' || elem === '.')
            return false;
        if (elem !== '..')
            sawName = true;
        else if (sawName)
            return false;
    }
    return true;
}
const FILE_NAME_PUNCTUATION = '!#$%&()+,-.=@[]^_{}~ ';
const WINDOWS_RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL']);
const WINDOWS_NUMBERED = /^(COM|LPT)[1-9]$/;
/**
 * module.CheckFilePath's rule for one character of a file name. JavaScript's Unicode tables may
 * be newer than Go's: a letter added since Go's version passes here but fails in Go.
 */
function fileNameCharOK(ch) {
    if (/^[0-9A-Za-z]$/.test(ch))
        return true;
    if (ch.charCodeAt(0) < 0x80)
        return FILE_NAME_PUNCTUATION.includes(ch);
    return /^\p{L}$/u.test(ch);
}
function checkElement(elem) {
    if (elem === '')
        return 'empty path element';
    if (/^\.+$/.test(elem))
        return `invalid path element ${(0,strings/* quote */.hD)(elem)}`;
    if (elem.endsWith('.'))
        return 'trailing dot in path element';
    for (const ch of elem) {
        if (!fileNameCharOK(ch))
            return `invalid char ${(0,strings/* quoteRune */.Zx)(ch)}`;
    }
    // Windows refuses these device names, with or without an extension.
    const short = elem.split('.', 1)[0];
    const upper = short.toUpperCase();
    if (WINDOWS_RESERVED.has(upper) || WINDOWS_NUMBERED.test(upper)) {
        return `${(0,strings/* quote */.hD)(short)} disallowed as path element component on Windows`;
    }
    return undefined;
}
/** module.CheckFilePath: undefined when `p` is a valid file path inside a module. */
function checkFilePath(p, validUtf8 = true) {
    const reason = (() => {
        if (!validUtf8)
            return 'invalid UTF-8';
        if (p === '')
            return 'empty string';
        if (p.includes('//'))
            return 'double slash';
        if (p.endsWith('/'))
            return 'trailing slash';
        for (const elem of p.split('/')) {
            const bad = checkElement(elem);
            if (bad !== undefined)
                return bad;
        }
        return undefined;
    })();
    return reason === undefined ? undefined : `malformed file path ${(0,strings/* quote */.hD)(p)}: ${reason}`;
}
/**
 * A key equal for two strings exactly when Go's strings.EqualFold says they are equal (simple
 * case folding). JavaScript exposes that folding only through case-insensitive Unicode regular
 * expressions, so each non-ASCII character is mapped to the lower case of its upper case when
 * such a regular expression agrees they fold together (that excludes dotless i and other special
 * cases), else to its own lower case when that folds with it, else to itself.
 */
function foldKey(s) {
    if (!/\P{ASCII}/u.test(s))
        return s.toLowerCase();
    let key = '';
    for (const ch of s)
        key += foldChar(ch);
    return key;
}
/** Bounded: only letters get here, as other characters fail checkFilePath first. */
const foldCache = new Map();
function foldChar(ch) {
    if (ch.charCodeAt(0) < 0x80)
        return ch.toLowerCase();
    let folded = foldCache.get(ch);
    if (folded === undefined) {
        const escaped = `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
        const foldsWith = (other) => [...other].length === 1 && new RegExp(`^${escaped}$`, 'iu').test(other);
        const viaUpper = ch.toUpperCase().toLowerCase();
        const lower = ch.toLowerCase();
        folded = foldsWith(viaUpper) ? viaUpper : foldsWith(lower) ? lower : ch;
        foldCache.set(ch, folded);
    }
    return folded;
}
/** Finds names equal under case folding, and names used both as a file and as a directory. */
class CollisionChecker {
    seen = new Map();
    /** Records `p` and its parent directories; returns the problem, if any, as Go words it. */
    check(p, isDir) {
        const key = foldKey(p);
        const other = this.seen.get(key);
        if (other === undefined) {
            this.seen.set(key, { path: p, isDir });
        }
        else if (other.path !== p) {
            const message = `case-insensitive file name collision: ${(0,strings/* quote */.hD)(other.path)} and ${(0,strings/* quote */.hD)(p)}`;
            return { code: 'case-collision', message };
        }
        else if (other.isDir !== isDir) {
            return { code: 'duplicate', message: `entry ${(0,strings/* quote */.hD)(p)} is both a file and a directory` };
        }
        else if (!isDir) {
            return { code: 'duplicate', message: `multiple entries for file ${(0,strings/* quote */.hD)(p)}` };
        }
        const slash = p.lastIndexOf('/');
        return slash > 0 ? this.check(p.slice(0, slash), true) : undefined;
    }
}
/** The go.mod placement rules: only at the root, spelled in lower case. */
function checkGoModPlacement(rel) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (foldKey(base) !== 'go.mod')
        return undefined;
    if (base !== rel)
        return { code: 'gomod-not-at-root', message: 'go.mod file not in module root directory' };
    if (rel !== 'go.mod')
        return { code: 'gomod-case', message: 'go.mod files must have lowercase names' };
    return undefined;
}
/**
 * Applies checkZip's name rules to one entry. Returns the name inside the module, null for the
 * `<module>@<version>/` entry itself (which Go skips), or the problem.
 */
function checkEntryName(raw, prefix, collisions) {
    const file = lossyUtf8.decode(raw);
    const problem = (p) => ({
        code: p.code,
        file,
        message: `${file}: ${p.message}`
    });
    const prefixBytes = Buffer.from(prefix);
    if (!raw.subarray(0, prefixBytes.length).equals(prefixBytes)) {
        return problem({ code: 'bad-prefix', message: `path does not have prefix ${(0,strings/* quote */.hD)(prefix)}` });
    }
    let rel = file.slice(prefix.length);
    if (rel === '')
        return null;
    const isDir = rel.endsWith('/');
    if (isDir)
        rel = rel.slice(0, -1);
    if (!isCleanPath(rel))
        return problem({ code: 'unsafe-path', message: 'file path is not clean' });
    const malformed = checkFilePath(rel, isValidUtf8(raw));
    if (malformed !== undefined)
        return problem({ code: 'unsafe-path', message: malformed });
    const collision = collisions.check(rel, isDir);
    if (collision !== undefined)
        return problem(collision);
    const goMod = isDir ? undefined : checkGoModPlacement(rel);
    return goMod === undefined ? { rel, isDir } : problem(goMod);
}
function isValidUtf8(raw) {
    try {
        utf8.decode(raw);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/abort.ts
var abort = __webpack_require__(6885);
;// CONCATENATED MODULE: ./src/xmod/zip-entries.ts

/** The zip's next entry, undefined at the end; rejects when `signal` aborts. */
function nextEntry(zipfile, signal) {
    return new Promise((resolve, reject) => {
        const cleanup = () => {
            zipfile.removeListener('entry', onEntry);
            zipfile.removeListener('end', onEnd);
            zipfile.removeListener('error', onError);
            stopListening();
        };
        const onEntry = (entry) => (cleanup(), resolve(entry));
        const onEnd = () => (cleanup(), resolve(undefined));
        const onError = (err) => (cleanup(), reject(err));
        zipfile.on('entry', onEntry);
        zipfile.on('end', onEnd);
        zipfile.on('error', onError);
        // The signal is a candidate's, shared by all its zips: one real listener for all (abort.ts).
        const stopListening = signal
            ? (0,abort/* onAbort */.u)(signal, () => (cleanup(), reject(signal.reason)))
            : () => undefined;
        zipfile.readEntry();
    });
}
function openEntry(zipfile, entry) {
    return new Promise((resolve, reject) => {
        zipfile.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
    });
}
/**
 * Feeds the stream to `onChunk` until it ends; stops early, destroying the stream, when
 * `onChunk` returns a problem (rejecting with LimitReached) or when `signal` aborts.
 */
function consume(stream, signal, onChunk) {
    return new Promise((resolve, reject) => {
        const stop = (reason) => {
            stopListening();
            stream.destroy();
            reject(reason);
        };
        const stopListening = signal ? (0,abort/* onAbort */.u)(signal, () => stop(signal.reason)) : () => undefined;
        stream.on('data', (chunk) => {
            const problem = onChunk(chunk);
            if (problem !== undefined)
                stop(new LimitReached(problem));
        });
        stream.on('error', err => stop(err));
        stream.on('end', () => {
            stopListening();
            resolve();
        });
    });
}
/** Ends the reading of an entry that went past a limit. */
class LimitReached extends Error {
    problem;
    constructor(problem) {
        super(problem.message);
        this.problem = problem;
        this.name = 'LimitReached';
    }
}

;// CONCATENATED MODULE: ./src/xmod/zip.ts
// Checks a module zip the way the go command does before it trusts one: x/mod zip's CheckZip
// rules and limits, and the h1: hash of every entry (modfetch hashZip → dirhash.HashZip).
// Nothing in the zip's headers is trusted: sizes are counted as the bytes are inflated.








/** x/mod zip's MaxZipFile: the most bytes of a module zip, and of its content once inflated. */
const MAX_ZIP_FILE = 500 << 20;
/** x/mod zip's limits: MaxZipFile for the zip and its content, MaxGoMod and MaxLICENSE. */
const GO_ZIP_LIMITS = Object.freeze({
    maxUncompressed: MAX_ZIP_FILE,
    maxGoModOrLicense: 16 << 20,
    maxZipBytes: MAX_ZIP_FILE
});
const EMPTY_SHA256 = sha256Hex(Buffer.alloc(0));
const DATA_DESCRIPTOR_FLAG = 0x8;
/**
 * Checks `zip` (in memory or on disk) as the module zip of `path`@`version` (both unescaped). Bad
 * input never throws: it is reported in `problems` (bytes that are not a zip give 'bad-zip'). Rejects only with
 * `signal.reason` when `signal` aborts.
 */
async function checkModuleZip(zip, path, version, limits, signal) {
    signal?.throwIfAborted();
    const scan = {
        prefix: `${path}@${version}/`,
        limits,
        signal,
        problems: [],
        collisions: new CollisionChecker(),
        hashed: [],
        files: 0,
        declaredBytes: 0,
        uncompressedBytes: 0,
        reading: true
    };
    const bytes = Buffer.isBuffer(zip) ? zip.length : (await (0,promises_.stat)(zip.file)).size;
    if (limits.maxZipBytes !== undefined && bytes > limits.maxZipBytes) {
        const message = `module zip file is too large (${bytes} bytes; limit is ${limits.maxZipBytes} bytes)`;
        return result(scan, { code: 'too-large', message });
    }
    let zipfile;
    try {
        const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true };
        zipfile = Buffer.isBuffer(zip)
            ? await yauzl.fromBufferPromise(zip, options)
            : await yauzl.openPromise(zip.file, { ...options, autoClose: false });
    }
    catch (err) {
        return result(scan, { code: 'bad-zip', message: `not a valid zip file: ${(0,logger/* messageOf */.b)(err)}` });
    }
    // Errors outside a read are not ours to report (reads report their own); never let one crash.
    zipfile.on('error', () => { });
    try {
        if (limits.maxEntries !== undefined && zipfile.entryCount > limits.maxEntries) {
            const message = `zip has ${zipfile.entryCount} entries (limit is ${limits.maxEntries})`;
            return result(scan, { code: 'too-many-entries', message });
        }
        await scanEntries(zipfile, scan);
        return result(scan);
    }
    finally {
        zipfile.close();
    }
}
function result(scan, problem) {
    if (problem !== undefined) {
        scan.problems.push(problem);
        scan.reading = false;
    }
    return {
        ok: scan.problems.length === 0,
        problems: scan.problems,
        files: scan.files,
        uncompressedBytes: scan.uncompressedBytes,
        h1: scan.reading ? hashEntries(scan.hashed) : undefined,
        goMod: scan.reading ? scan.goMod : undefined
    };
}
/**
 * Go's HashZip hashes every entry, directories included, by its full name; when a name occurs
 * twice its file map keeps the last entry, so every line for that name uses the last content.
 * A name with a newline makes Go's hash fail, so there is no hash (the name is reported anyway).
 */
function hashEntries(hashed) {
    if (hashed.some(entry => entry.name.includes(0x0a)))
        return undefined;
    const key = (name) => name.toString('latin1'); // one string per byte sequence
    const last = new Map(hashed.map(entry => [key(entry.name), entry.sha256hex]));
    const builder = new Hash1Builder();
    for (const { name, sha256hex } of hashed)
        builder.add(name, last.get(key(name)) ?? sha256hex);
    return builder.digest();
}
async function scanEntries(zipfile, scan) {
    for (;;) {
        scan.signal?.throwIfAborted();
        let entry;
        try {
            entry = await nextEntry(zipfile, scan.signal);
        }
        catch (err) {
            scan.signal?.throwIfAborted();
            failRead(scan, { code: 'bad-zip', message: `not a valid zip file: ${(0,logger/* messageOf */.b)(err)}` });
            return;
        }
        if (entry === undefined)
            return;
        await scanEntry(zipfile, entry, scan);
    }
}
async function scanEntry(zipfile, entry, scan) {
    const named = checkEntryName(entry.fileNameRaw, scan.prefix, scan.collisions);
    const isDir = entry.fileNameRaw.at(-1) === 0x2f; // '/': Go's test for a directory entry
    const file = entry.fileNameRaw.toString();
    if (named !== null && 'code' in named)
        scan.problems.push(named);
    if (!isDir)
        scan.files++;
    const rel = named !== null && !('code' in named) ? named.rel : undefined;
    checkDeclaredSize(scan, file, rel, entry.uncompressedSize);
    if (!scan.reading)
        return;
    if (isDir) {
        if (entry.uncompressedSize !== 0) {
            const message = `${file}: directory entry has ${entry.uncompressedSize} bytes of data`;
            return failRead(scan, { code: 'bad-zip', file, message });
        }
        scan.hashed.push({ name: entry.fileNameRaw, sha256hex: EMPTY_SHA256 });
        return;
    }
    await readEntry(zipfile, entry, scan, file, rel);
}
/** x/mod's limits on the sizes the headers declare: the total, the root go.mod and LICENSE. */
function checkDeclaredSize(scan, file, rel, size) {
    const { maxUncompressed, maxGoModOrLicense } = scan.limits;
    scan.declaredBytes += size;
    if (scan.declaredBytes > maxUncompressed && scan.reading) {
        failRead(scan, totalTooLarge(maxUncompressed));
    }
    if (hasOwnLimit(rel) && size > maxGoModOrLicense) {
        failRead(scan, fileTooLarge(file, rel, maxGoModOrLicense));
    }
}
function hasOwnLimit(rel) {
    return rel === 'go.mod' || rel === 'LICENSE';
}
function totalTooLarge(max) {
    const message = `total uncompressed size of module contents too large (max size is ${max} bytes)`;
    return { code: 'too-large', message };
}
function fileTooLarge(file, rel, max) {
    return {
        code: 'too-large',
        file,
        message: `${file}: ${rel} file too large (max size is ${max} bytes)`
    };
}
/** Records a problem after which the content is no longer read (so there will be no hash). */
function failRead(scan, problem) {
    scan.problems.push(problem);
    scan.reading = false;
}
/**
 * Streams one entry through SHA-256 and CRC-32, counting the inflated bytes against the limits
 * again (yauzl also stops an entry that inflates past its declared size). Keeps go.mod's bytes.
 */
async function readEntry(zipfile, entry, scan, file, rel) {
    const { maxUncompressed, maxGoModOrLicense } = scan.limits;
    const sha = (0,external_node_crypto_.createHash)('sha256');
    const kept = [];
    let crc = 0;
    let size = 0;
    try {
        const stream = await openEntry(zipfile, entry);
        await consume(stream, scan.signal, chunk => {
            size += chunk.length;
            scan.uncompressedBytes += chunk.length;
            sha.update(chunk);
            crc = (0,external_node_zlib_.crc32)(chunk, crc);
            if (rel === 'go.mod')
                kept.push(chunk);
            if (scan.uncompressedBytes > maxUncompressed)
                return totalTooLarge(maxUncompressed);
            if (hasOwnLimit(rel) && size > maxGoModOrLicense) {
                return fileTooLarge(file, rel, maxGoModOrLicense);
            }
            return undefined;
        });
    }
    catch (err) {
        scan.signal?.throwIfAborted();
        if (err instanceof LimitReached)
            return failRead(scan, err.problem);
        return failRead(scan, { code: 'bad-zip', file, message: `${file}: ${(0,logger/* messageOf */.b)(err)}` });
    }
    // As Go's zip reader: a CRC of 0 without a data descriptor means "not recorded".
    const crcRecorded = entry.crc32 !== 0 || (entry.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) !== 0;
    if (crcRecorded && crc >>> 0 !== entry.crc32 >>> 0) {
        return failRead(scan, { code: 'bad-zip', file, message: `${file}: zip: checksum error` });
    }
    scan.hashed.push({ name: entry.fileNameRaw, sha256hex: sha.digest('hex') });
    if (rel === 'go.mod')
        scan.goMod = Buffer.concat(kept);
}

;// CONCATENATED MODULE: ./src/probe/content.ts
/**
 * What a correct answer to each proxy-protocol request looks like, as the go command reads it
 * (modfetch/proxy.go), plus what Go lets through but a probe must not: an HTML page.
 */


const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Rejects HTML and anything that is not UTF-8 text without NUL bytes. */
function requireText(body, contentType, what) {
    const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
    if (/text\/html/i.test(contentType) ||
        head.startsWith('<!doctype html') ||
        head.startsWith('<html')) {
        throw new ContentError(`${what} is an HTML page: not a Go module proxy (captive portal?)`);
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
    if (text.includes('\uFFFD') || text.includes('\0')) {
        throw new ContentError(`${what} is not valid UTF-8 text`);
    }
    return text;
}
/** The versions of an @v/list answer: Go keeps lines whose first field is a semver release or pre-release. */
function parseList(body, contentType) {
    const text = requireText(body, contentType, '@v/list');
    const versions = [];
    for (const line of text.split('\n')) {
        const version = line.trim().split(/\s+/)[0];
        if (version && semver/* isValid */.fn(version) && !semver/* isPseudoVersion */.Dv(version))
            versions.push(version);
    }
    return versions;
}
/** An .info or @latest answer; `requested` is checked as Go checks it for .info. */
function parseInfo(body, contentType, requested) {
    const what = requested ? `${requested}.info` : '@latest';
    const text = requireText(body, contentType, what);
    let info;
    try {
        info = JSON.parse(text);
    }
    catch (err) {
        throw new ContentError(`invalid JSON in ${what}: ${err.message}`);
    }
    const version = info?.Version;
    if (typeof version !== 'string' || !semver/* isValid */.fn(version)) {
        throw new ContentError(`${what} has no valid "Version" field`);
    }
    if (requested && version !== requested) {
        throw new ContentError(`proxy returned info for version ${version} instead of requested version ${requested}`);
    }
    const time = info.Time;
    if (time !== undefined && (typeof time !== 'string' || !RFC3339.test(time))) {
        throw new ContentError(`${what} has an invalid "Time" field`);
    }
    return { Version: version, Time: time };
}
/** The newest release in a list, else the newest pre-release, as Go picks @latest from a list. */
function newestFromList(versions) {
    const sorted = [...versions].sort(semver/* compare */.UD);
    const releases = sorted.filter(v => !semver/* prerelease */.Rt(v));
    return releases.at(-1) ?? sorted.at(-1);
}
/** A go.mod whose module directive names `path`. */
function checkGoMod(body, contentType, path) {
    const text = requireText(body, contentType, 'go.mod');
    const match = /^\s*module\s+(?:"([^"]+)"|(\S+))/m.exec(text.replace(/\/\/[^\n]*/g, ''));
    const declared = match?.[1] ?? match?.[2];
    if (!declared)
        throw new ContentError('go.mod has no module directive');
    if (declared !== path)
        throw new ContentError(`go.mod declares module ${declared}, want ${path}`);
}

;// CONCATENATED MODULE: ./src/probe/module-probe.ts





/** Caps far below Go's 500 MiB: enough for any probe module, small enough for a runner. */
const TEXT_CAP = 4 << 20;
const ZIP_CAP = 64 << 20;
const ZIP_LIMITS = { maxUncompressed: 256 << 20, maxGoModOrLicense: 16 << 20 };
/**
 * Probes one module on one candidate: list and @latest side by side, and .info, .mod and .zip of
 * the version as soon as it is known (at once when it is pinned, else when the list names one).
 */
async function probeModule(base, module, checks, requester) {
    const name = `${module.path}@${module.version}`;
    const list = requester.runShared(listRequest(base, module));
    const latest = requester.run({
        endpoint: 'latest',
        module: name,
        url: moduleUrl(base, module.path, '@latest'),
        maxBytes: TEXT_CAP,
        accept: res => parseInfo(res.body, res.contentType)
    });
    const pinned = module.version === 'latest' ? undefined : module.version;
    const resolving = pinned ? Promise.resolve(pinned) : versionToProbe(list, latest);
    const probing = resolving.then(version => version ? probeVersion(base, module.path, version, checks, requester) : undefined);
    const [listOutcome, latestOutcome, version, files] = await Promise.all([
        list,
        latest,
        resolving,
        probing
    ]);
    const records = [listOutcome.record, latestOutcome.record];
    acceptMissingLatest(listOutcome, latestOutcome);
    if (pinned)
        records.forEach(tolerateRefusal);
    if (!files) {
        if (listOutcome.ok && latestOutcome.record.ok) {
            listOutcome.record.ok = false;
            listOutcome.record.problem = '@v/list and @latest name no version of this module';
        }
        return { records };
    }
    return { records: [...records, ...files.records], version, served: files.served };
}
/** `<base>/<escaped module path>/<rest>`, e.g. rest `@v/list` or `@latest`. */
function moduleUrl(base, path, rest) {
    return joinUrlPath(base, `${pathEscape((0,xmod_module/* escapePath */.ft)(path))}/${rest}`);
}
/**
 * A candidate's first request, asked alone: what the go command asks first for this module —
 * the .info of a pinned version (`go mod download m@v` never lists), else the version list.
 */
function firstContact(base, module) {
    if (module.version === 'latest')
        return listRequest(base, module);
    return infoRequest(base, module.path, module.version);
}
function listRequest(base, module) {
    return {
        endpoint: 'list',
        module: `${module.path}@${module.version}`,
        url: moduleUrl(base, module.path, '@v/list'),
        maxBytes: TEXT_CAP,
        accept: res => parseList(res.body, res.contentType)
    };
}
/** @latest is optional in the protocol: on 404/410 the go command reads the list instead. */
function acceptMissingLatest(list, latest) {
    if (!latest.ok && latest.notFound && list.ok) {
        latest.record.ok = true;
        latest.record.problem = undefined;
    }
}
/**
 * For a pinned module, a proxy that refuses to list versions (403, 404, 410: allow-listing
 * mirrors do) still serves the builds that pin it; it is degraded, not unusable.
 */
function tolerateRefusal(record) {
    const status = record.status ?? 0;
    if (!record.ok && status >= 400 && status < 500 && status !== 429)
        record.tolerated = true;
}
/**
 * The version `go get M@latest` picks: the newest release (else pre-release) of the list, known
 * as soon as the list is; the @latest answer only when the list has none.
 */
async function versionToProbe(list, latest) {
    const listed = await list;
    const fromList = listed.ok ? newestFromList(listed.value) : undefined;
    if (fromList)
        return fromList;
    const answer = await latest;
    return answer.ok ? answer.value.Version : undefined;
}
async function probeVersion(base, path, version, checks, requester) {
    const module = `${path}@${version}`;
    const served = { path, version };
    const probes = [
        requester.runShared(infoRequest(base, path, version))
    ];
    if (checks !== 'quick') {
        probes.push(requester.run({
            endpoint: 'mod',
            module,
            url: versionFileUrl(base, path, version, 'mod'),
            maxBytes: TEXT_CAP,
            accept: res => {
                checkGoMod(res.body, res.contentType, path);
                served.goMod = res.body;
            }
        }));
    }
    if (checks === 'full') {
        probes.push(requester.run({
            endpoint: 'zip',
            module,
            url: versionFileUrl(base, path, version, 'zip'),
            maxBytes: ZIP_CAP,
            accept: async (res) => {
                served.zipHash = await readZipHash(res.body, path, version, requester.signal);
            }
        }));
    }
    const outcomes = await Promise.all(probes);
    return { records: outcomes.map(o => o.record), served };
}
function infoRequest(base, path, version) {
    return {
        endpoint: 'info',
        module: `${path}@${version}`,
        url: versionFileUrl(base, path, version, 'info'),
        maxBytes: TEXT_CAP,
        accept: res => parseInfo(res.body, res.contentType, version)
    };
}
/** The h1: of a module zip that passes x/mod's checks; a ContentError names the first problem. */
async function readZipHash(zip, path, version, signal, limits = ZIP_LIMITS) {
    const check = await checkModuleZip(zip, path, version, limits, signal);
    const problem = check.problems[0];
    if (problem)
        throw new ContentError(`invalid module zip: ${problem.message}`);
    if (!check.h1)
        throw new ContentError('invalid module zip: could not be read whole');
    return check.h1;
}

;// CONCATENATED MODULE: ./src/probe/verdict.ts



/** Counts and the median time to headers over a candidate's successful probes. */
function tallyProbes(records) {
    const passed = records.filter(r => r.ok);
    const latencies = passed.map(r => r.latencyMs).filter((n) => n !== undefined);
    return { checksPassed: passed.length, checksTotal: records.length, latencyMs: median(latencies) };
}
/**
 * What a candidate's probes established, worst first. Failures (unhealthy): a timeout, then real
 * answers, then requests cut short; when the circuit breaker cut requests off, the reason says so.
 * Then what still works but costs builds (degraded): rate limits, a refusal to list a pinned
 * module, slow answers, retries.
 */
function probeFindings(records, limits) {
    return [...failureFindings(records), ...degradedFindings(records, limits)];
}
function failureFindings(records) {
    const failed = records.filter(r => !r.ok && !r.tolerated);
    const answered = failed.filter(r => r.attempts > 0 && !r.breakerOpen);
    const ordered = [
        ...answered.filter(r => r.timedOut),
        ...answered.filter(r => !r.timedOut),
        ...failed.filter(r => r.attempts === 0 || r.breakerOpen)
    ];
    const cutOff = failed.filter(r => r.breakerOpen).length;
    const breakerNote = cutOff > 0 ? `; then the circuit breaker opened and ${cutOff} request(s) were not asked` : '';
    return ordered.map((record, i) => ({
        stage: 'probe',
        level: 'unhealthy',
        reason: probeReason(record) + (i === 0 && record.attempts > 0 ? breakerNote : '')
    }));
}
function degradedFindings(records, { timeoutMs, slowMs }) {
    const degraded = (reason) => ({ stage: 'probe', level: 'degraded', reason });
    const passed = records.filter(r => r.ok);
    const findings = [];
    const limited = passed.find(r => r.rateLimited);
    if (limited?.rateLimited) {
        const wait = seconds(limited.rateLimited.retryAfterMs);
        findings.push(degraded(`rate limited: GET ${limited.url} asked to wait ${wait} (Retry-After), then answered`));
    }
    const refused = records.find(r => r.tolerated);
    if (refused) {
        findings.push(degraded(`${probeReason(refused)}: builds that pin versions work, resolving new versions through it does not`));
    }
    const slow = passed.find(r => r.totalMs > slowMs);
    if (slow) {
        const bound = `slow-threshold ${seconds(slowMs)}, timeout ${seconds(timeoutMs)}`;
        findings.push(degraded(`slow: GET ${slow.url} took ${seconds(slow.totalMs)} (${bound})`));
    }
    const retried = passed.filter(r => r.attempts > 1);
    if (retried.length > 0) {
        const sent = records.filter(r => r.attempts > 0).length;
        const example = `GET ${retried[0].url} took ${retried[0].attempts} attempts`;
        findings.push(degraded(`needed retries on ${retried.length} of ${sent} requests: ${example}`));
    }
    return findings;
}
/**
 * Records a staleness finding on each usable candidate whose @latest resolved older than another
 * usable candidate's: its cache is behind, and `go get -u` through it would miss the newest
 * release. Only usable candidates set the bar — a broken or tampered mirror's "newer" version
 * proves nothing.
 */
function staleFindings(reports, compare) {
    const usable = reports.filter(r => (0,types/* isUsable */.Ng)(r.verdict));
    const newest = new Map();
    for (const report of usable) {
        for (const [path, version] of Object.entries(report.latest)) {
            const best = newest.get(path);
            if (!best || compare(version, best) > 0)
                newest.set(path, version);
        }
    }
    for (const report of usable) {
        const behind = Object.entries(report.latest).find(([path, v]) => compare(v, newest.get(path) ?? v) < 0);
        if (!behind)
            continue;
        const [path, version] = behind;
        recordFinding(report, {
            stage: 'staleness',
            level: 'degraded',
            reason: `stale: @latest of ${path} is ${version}, another candidate serves ${newest.get(path)}`
        });
    }
}
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/probe/candidate.ts






/** Probes one proxy (http, https or file, at `base`) with every probe module, side by side. */
async function probeCandidate(candidate, base, o) {
    const requester = new CandidateRequester(o);
    // A breaker an earlier run left open gets exactly one half-open trial: the contact, alone.
    const halfOpen = o.breaker.state !== 'closed';
    // A contact unanswered for half the slow threshold is slow at best: what rides beside it may
    // then give its slot to a request that is due (see contact()).
    const first = requester.contact(firstContact(base, o.modules[0]), o.slowMs / 2);
    if (halfOpen)
        await first;
    // Every probe starts now: what needs no answer rides beside the first contact (see contact()),
    // the lists first, as they name the versions whose files are asked next.
    for (const m of o.modules)
        void requester.runShared(listRequest(base, m));
    const asking = o.sumdbName ? askSumdbSupported(base, o.sumdbName, requester) : undefined;
    const probing = Promise.all(o.modules.map(m => probeModule(base, m, o.checks, requester)));
    const contact = await first;
    if (!contact.ok) {
        const reason = `${halfOpen ? 'half-open trial failed: ' : ''}${probeReason(contact.record)}`;
        // Judged on the contact alone: which riders were sent, and how far they got, is timing.
        const probes = [contact.record, ...(await ridersSent(probing, asking, contact.record))];
        return {
            ...verdictOnly(candidate, 'unhealthy', reason, 'contact'),
            ...tallyProbes([contact.record]),
            probes,
            retries: requester.retries,
            breaker: o.breaker.state
        };
    }
    const [results, sumdb] = await Promise.all([probing, asking]);
    const probes = [
        ...results.flatMap(r => r.records),
        ...(sumdb ? [sumdb.record] : [])
    ];
    const latest = {};
    const served = [];
    results.forEach((result, i) => {
        if (o.modules[i].version === 'latest' && result.version)
            latest[o.modules[i].path] = result.version;
        if (result.served)
            served.push(result.served);
    });
    const report = {
        candidate,
        verdict: 'healthy',
        reason: '',
        findings: probeFindings(probes, o),
        ...tallyProbes(probes),
        retries: requester.retries,
        probes,
        latest,
        served,
        breaker: o.breaker.state,
        sumdb: sumdb?.support
    };
    settleVerdict(report);
    return report;
}
/** The requests that rode beside a failed first contact and reached the candidate. */
async function ridersSent(probing, asking, contact) {
    const [results, sumdb] = await Promise.all([probing, asking]);
    const records = [...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])];
    return records.filter(r => r !== contact && (r.attempts > 0 || r.gaveWay));
}
/** 200: the proxy serves the database; 404/410: it does not (Go then goes direct). */
async function askSumdbSupported(base, name, requester) {
    const outcome = await requester.run({
        endpoint: 'supported',
        module: name,
        url: joinUrlPath(base, `sumdb/${name}/supported`),
        maxBytes: TEXT_CAP,
        accept: () => true
    });
    if (outcome.ok)
        return { record: outcome.record, support: 'supported' };
    if (!outcome.notFound)
        return { record: outcome.record };
    return { record: { ...outcome.record, ok: true, problem: undefined }, support: 'unsupported' };
}
/**
 * A report with one finding and no probe behind it: a skipped entry, or a verdict reached before
 * any answer (first contact failed, or the breaker is open).
 */
function verdictOnly(candidate, level, reason, stage = 'contact') {
    return {
        candidate,
        verdict: level,
        reason,
        findings: level === 'healthy' ? [] : [{ stage, level, reason }],
        checksPassed: 0,
        checksTotal: 0,
        retries: 0,
        probes: [],
        latest: {},
        served: []
    };
}

;// CONCATENATED MODULE: ./src/probe/engine.ts





/**
 * Probes every candidate side by side and returns one report each, in the plan's order. A
 * candidate whose verdict the cache still holds gets no request.
 */
async function probeAll(plan, run) {
    const modules = plan.modules.filter(m => !(0,patterns/* matchPrefixPatterns */.J8)(plan.patterns.gonoproxy, m.path));
    const skippedModules = plan.modules
        .filter(m => !modules.includes(m))
        .map(m => ({
        module: m.text,
        reason: 'matches GONOPROXY: the go command fetches it direct, never from a proxy'
    }));
    // Candidates enter a few at a time: a list of a thousand holds the state of a handful at once,
    // while each candidate's requests still wait only for the overall request limit.
    const admit = (0,limiter/* createLimiter */.z)(Math.max(4, 2 * plan.concurrency));
    const probeOne = (candidate) => {
        if (!(0,proxylist/* isProxyEntry */.l_)(candidate.entry)) {
            const reason = `${candidate.entry.kind}: not a proxy, nothing to probe`;
            return { report: verdictOnly(candidate, 'skipped', reason) };
        }
        if (modules.length === 0) {
            const reason = 'every probe module matches GONOPROXY: nothing to ask this proxy';
            return { report: verdictOnly(candidate, 'skipped', reason) };
        }
        const base = candidate.entry.url;
        return admit(() => probeWithCache(candidate, base, plan, modules, run));
    };
    const probed = await Promise.all(plan.candidates.map(async (candidate) => {
        const one = await probeOne(candidate);
        run.onProbed?.(one.report);
        return one;
    }));
    const fresh = probed.flatMap(p => (p.breaker ? [{ report: p.report, breaker: p.breaker }] : []));
    return { reports: probed.map(p => p.report), modules, skippedModules, fresh };
}
async function probeWithCache(candidate, base, plan, modules, run) {
    const { clock, log } = run;
    const recalled = (await run.recall?.(candidate, modules)) ?? {};
    if (recalled.report) {
        log.debug(`${candidate.display}: verdict from cache (${Math.round((recalled.report.cached?.ageMs ?? 0) / 1000)} s old)`);
        return { report: recalled.report };
    }
    const breaker = planBreaker(plan, clock, recalled.breaker);
    const retryAt = breaker.retryAt();
    if (breaker.state === 'open' && retryAt !== undefined && retryAt > clock.now()) {
        const reason = `circuit breaker open after repeated failures; next trial at ${new Date(retryAt).toISOString()}`;
        return { report: { ...verdictOnly(candidate, 'unhealthy', reason), breaker: 'open' } };
    }
    const report = await probeCandidate(candidate, base, {
        http: run.http,
        clock,
        limit: run.limit,
        breaker,
        modules,
        checks: plan.checks,
        timeoutMs: plan.timeoutMs,
        slowMs: plan.slowThresholdMs,
        retries: plan.retries,
        sumdbName: sumdbToAsk(plan)
    });
    return { report, breaker: breaker.snapshot() };
}
/** The database name to ask proxies about, when content is verified and no URL bypasses them. */
function sumdbToAsk(plan) {
    const db = plan.gosumdb;
    return plan.checks !== 'quick' && db.kind === 'db' && !db.url ? db.name : undefined;
}

// EXTERNAL MODULE: ./src/cache/verdicts.ts
var cache_verdicts = __webpack_require__(4270);
;// CONCATENATED MODULE: ./src/select/chain.ts


/**
 * Chooses the GOPROXY to export. Only entries that passed are kept, with the user's separators;
 * `direct` and `off` stay where the user put them but never count as a proxy that passed. Mirrors
 * are exported only when no proxy of `proxies` passed.
 */
function selectChain(reports, strategy, onFailure) {
    for (const role of ['primary', 'mirror']) {
        const chain = usableChain(reports, role, strategy);
        if (chain.some(r => (0,types/* isUsable */.Ng)(r.verdict))) {
            const outcome = role === 'primary' ? 'proxies' : 'mirrors';
            return {
                outcome,
                goproxy: format(chain),
                chain,
                fallbackUsed: role === 'mirror',
                healthy: true
            };
        }
    }
    const primaries = reports.filter(r => r.candidate.role === 'primary');
    if (primaries.every(r => r.verdict === 'skipped')) {
        return {
            outcome: 'nothing-to-probe',
            goproxy: format(primaries),
            chain: primaries,
            fallbackUsed: false,
            healthy: false
        };
    }
    return failureSelection(onFailure);
}
/** What `on-failure` asks for when nothing usable was found. */
function failureSelection(onFailure) {
    if (onFailure === 'direct') {
        return {
            outcome: 'on-failure-direct',
            goproxy: 'direct',
            chain: [],
            fallbackUsed: true,
            healthy: false
        };
    }
    const outcome = onFailure === 'keep' ? 'on-failure-keep' : 'failed';
    return { outcome, chain: [], fallbackUsed: false, healthy: false };
}
function usableChain(reports, role, strategy) {
    const kept = keepWithSeparators(reports.filter(r => r.candidate.role === role));
    const proxies = kept.filter(r => (0,types/* isUsable */.Ng)(r.verdict));
    const ends = kept.filter(r => !(0,proxylist/* isProxyEntry */.l_)(r.candidate.entry));
    if (strategy === 'fastest')
        proxies.sort((a, b) => (a.latencyMs ?? Infinity) - (b.latencyMs ?? Infinity));
    return [...proxies, ...ends];
}
/**
 * The usable entries and the user's direct/off, each with the separator that keeps Go's walk no
 * more permissive than the user's list: dropping X from `A|X,B` gives `A,B` — the user let Go
 * reach B after X only on 404/410, so A may not fall through to B on any error either.
 */
function keepWithSeparators(own) {
    const kept = [];
    for (const report of own) {
        const { entry } = report.candidate;
        const previous = kept.at(-1);
        if (previous && !entry.fallBackOnError && !staysInChain(report)) {
            kept[kept.length - 1] = withSeparator(previous, false);
        }
        if (staysInChain(report))
            kept.push(report);
    }
    return kept;
}
/** Whether an entry stays in the chain: it passed, or it is the user's own direct/off. */
function staysInChain(report) {
    return (0,types/* isUsable */.Ng)(report.verdict) || !(0,proxylist/* isProxyEntry */.l_)(report.candidate.entry);
}
function withSeparator(report, fallBackOnError) {
    if (report.candidate.entry.fallBackOnError === fallBackOnError)
        return report;
    const entry = { ...report.candidate.entry, fallBackOnError };
    return { ...report, candidate: { ...report.candidate, entry } };
}
function format(chain) {
    return (0,proxylist/* formatProxyList */.QE)(chain.map(r => r.candidate.entry));
}

// EXTERNAL MODULE: ./src/select/gate.ts
var gate = __webpack_require__(8233);
;// CONCATENATED MODULE: ./src/select/exported.ts

function exportedOf(selection, reports, failOn, sumdbMirrorUsed) {
    const { goproxy, chain } = selection;
    const probed = reports.filter(r => r.verdict !== 'skipped' || r.cached);
    return {
        goproxy,
        shown: goproxy === undefined ? undefined : displayChain(chain) || goproxy,
        selected: chain[0]?.candidate.display ?? (goproxy === 'direct' ? 'direct' : undefined),
        healthy: (0,gate/* headPassed */.jI)(selection, failOn),
        fallbackUsed: selection.fallbackUsed || sumdbMirrorUsed,
        cacheHit: probed.length > 0 && probed.every(r => r.cached)
    };
}
/** A chain as GOPROXY spells it, each entry by its display (redacted URL, or direct/off). */
function displayChain(chain) {
    return chain
        .map((r, i) => r.candidate.display +
        (i < chain.length - 1 ? (r.candidate.entry.fallBackOnError ? '|' : ',') : ''))
        .join('');
}

// EXTERNAL MODULE: ./src/walk/types.ts
var walk_types = __webpack_require__(5676);
;// CONCATENATED MODULE: ./src/walk/file-request.ts







/**
 * The build's zips, a toolchain's (a whole Go release) included, get the go command's own limits
 * (x/mod/zip MaxZipFile: 500 MiB for the zip and for its content): a smaller cap would fail real
 * modules Go downloads (google.golang.org/api unpacks to some 400 MB).
 */
const BUILD_ZIP_CAP = MAX_ZIP_FILE;
/** Every zip starts with a local file header: enough to know the proxy is sending one. */
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
/**
 * The request for one file: a .mod is read whole, hashed and summarized; a .zip at `checks: full`
 * is downloaded whole (to `spoolTo`, a file, when given) and hashed, else only its first bytes
 * are read, to see it is being served (a build downloads it whole later).
 */
function fileRequest(base, module, file, checks, signal, spoolTo) {
    const request = {
        endpoint: file,
        module: `${module.path}@${module.version}`,
        url: versionFileUrl(base, module.path, module.version, file)
    };
    if (file === 'info') {
        const accept = (res) => {
            parseInfo(res.body, res.contentType, module.version);
            return {};
        };
        return { ...request, maxBytes: TEXT_CAP, accept };
    }
    if (file === 'mod') {
        const accept = (res) => ({
            hash: hashGoMod(res.body),
            goMod: (0,build_requires/* summarizeGoMod */.I7)(res.body.toString('utf8'))
        });
        return { ...request, maxBytes: TEXT_CAP, accept };
    }
    if (checks === 'full') {
        const { path, version } = module;
        return {
            ...request,
            maxBytes: BUILD_ZIP_CAP,
            spoolTo,
            accept: async (res) => ({
                hash: await readZipHash(spoolTo ? { file: spoolTo } : res.body, path, version, signal, GO_ZIP_LIMITS)
            })
        };
    }
    return {
        ...request,
        maxBytes: BUILD_ZIP_CAP,
        firstBytes: ZIP_MAGIC.length,
        accept: res => {
            if (!res.body.equals(ZIP_MAGIC))
                throw new ContentError('answer is not a zip file');
            return {};
        }
    };
}

;// CONCATENATED MODULE: ./src/walk/ask.ts







/**
 * The questions of one run, each asked once: a candidate's answers are remembered (and may come
 * from its cached report), so walking the chain again after a candidate is dropped only asks
 * what the new walk needs. A file no go.sum line hashes is checked against the checksum
 * database's record (`lookUpRecord`), as the go command checks it.
 */
function createAsker(plan, run, { known, lookUpRecord, spool }) {
    const requesters = new Map();
    const answers = new Map();
    const settled = new Map();
    const requesterFor = (candidate) => {
        let requester = requesters.get(candidate.id);
        if (!requester) {
            requester = new CandidateRequester({
                http: run.http,
                clock: run.clock,
                limit: run.limit,
                breaker: planBreaker(plan, run.clock),
                timeoutMs: plan.timeoutMs,
                retries: plan.retries
            });
            requesters.set(candidate.id, requester);
        }
        return requester;
    };
    const ask = (candidate, module, file) => {
        const { entry } = candidate;
        if (entry.kind !== 'proxy' && entry.kind !== 'file')
            throw new Error(`${entry.kind} is asked`);
        const key = (0,walk_types/* answerKey */.q)(module, file);
        const own = answers.get(candidate.id) ?? new Map();
        answers.set(candidate.id, own);
        let answer = own.get(key);
        if (!answer) {
            const remembered = known(candidate)?.[key];
            answer = remembered
                ? Promise.resolve(remembered)
                : askFile(entry.url, module, file, plan.checks, {
                    requester: requesterFor({ ...candidate, entry }),
                    spool
                }).then(asked => checkUnlisted(module, file, asked, lookUpRecord));
            answer = answer.then(a => {
                // Filled in place: copying the record for every answer grew quadratically with the build.
                const record = settled.get(candidate.id) ?? {};
                record[key] = a;
                settled.set(candidate.id, record);
                return a;
            });
            own.set(key, answer);
        }
        return answer;
    };
    return { ask, answersOf: candidate => ({ ...settled.get(candidate.id) }) };
}
async function askFile(base, module, file, checks, { requester, spool }) {
    const expected = file === 'mod' ? module.modHash : module.zipHash;
    const spoolTo = file === 'zip' && checks === 'full' ? await spool.file() : undefined;
    const request = fileRequest(base, module, file, checks, requester.signal, spoolTo);
    const outcome = await requester
        .run(request)
        .finally(() => spoolTo && (0,promises_.rm)(spoolTo, { force: true }).catch(() => undefined));
    if (!outcome.ok) {
        const problem = probeReason(outcome.record);
        return { kind: outcome.notFound ? 'missing' : 'failed', problem };
    }
    const { hash, goMod } = outcome.value;
    const served = goMod ? { kind: 'served', goMod } : { kind: 'served' };
    if (hash === undefined || hash === expected)
        return served;
    if (expected === undefined)
        return { ...served, hash };
    // A toolchain has no go.sum line: its hashes are the checksum database's.
    const source = module.path === gosumdb/* TOOLCHAIN_MODULE */.xc ? 'the checksum database' : 'go.sum';
    return { kind: 'contradicts', problem: mismatch(module, file, hash, expected, source) };
}
/**
 * A served file with no go.sum line, checked as the go command checks it: against the checksum
 * database's record. Content that differs contradicts it; no record, no answer, or a record with
 * no hash for the file leaves it unverified, and Go fails the download (modfetch checkSumDB)
 * whichever entry served it. Without a database to ask (GOSUMDB=off, GONOSUMDB) serving it is
 * enough.
 */
async function checkUnlisted(module, file, asked, lookUpRecord) {
    const { hash, ...served } = asked;
    if (hash === undefined)
        return served;
    const said = await lookUpRecord(module);
    if (!said)
        return served;
    if ('problem' in said)
        return { kind: 'unverified', problem: said.problem };
    const what = file === 'mod' ? 'go.mod' : 'zip';
    const expected = file === 'mod' ? said.record.modHash : said.record.zipHash;
    if (expected === undefined) {
        const problem = `the checksum database's record of ${module.path}@${module.version} has no hash for its ${what}`;
        return { kind: 'unverified', problem };
    }
    if (expected === hash)
        return served;
    const problem = mismatch(module, file, hash, expected, 'the checksum database');
    return { kind: 'contradicts', problem };
}
function mismatch(module, file, hash, expected, source) {
    const what = file === 'mod' ? 'go.mod' : 'zip';
    return `${module.path}@${module.version} ${what} hashes to ${hash} but ${source} says ${expected}`;
}

;// CONCATENATED MODULE: ./src/walk/breaks.ts


/**
 * Records a `build` finding on each candidate that breaks the walk: `tampered` for content that
 * contradicts go.sum, `unhealthy` for a file it cannot serve while the walk would stop at it. Per
 * candidate the first of each kind in go.sum order, so the reason does not depend on which
 * answer came first. Returns whether any candidate is now out of the chain.
 */
function recordBreaks(walks, reports) {
    const byId = new Map(reports.map(r => [r.candidate.id, r]));
    const recorded = new Set();
    for (const walk of walks) {
        const at = walk.breaksAt;
        const report = at && byId.get(at.id);
        const answer = walk.asked.at(-1)?.answer;
        if (!at || !report || !answer)
            continue;
        const level = answer.kind === 'contradicts' ? 'tampered' : 'unhealthy';
        if (recorded.has(`${at.id} ${level}`))
            continue;
        recorded.add(`${at.id} ${level}`);
        const where = (0,walk_types/* placeOf */.$)(walk);
        const listed = walk.file === 'zip' ? walk.module.zipAt : walk.module.modAt;
        const reason = level === 'tampered'
            ? `${listed ? 'go.sum: ' : ''}${answer.problem} (${where}), served by ${at.display}`
            : `cannot serve the build's ${walk.module.path}@${walk.module.version} .${walk.file} (${where}): ${answer.problem}`;
        recordFinding(report, { stage: 'build', level, reason });
    }
    const touched = [...recorded].map(key => byId.get(key.split(' ')[0]));
    touched.forEach(report => report && settleVerdict(report));
    return touched.length > 0;
}

// EXTERNAL MODULE: ./src/walk/result.ts
var walk_result = __webpack_require__(7164);
// EXTERNAL MODULE: ./src/walk/toolchain.ts
var toolchain = __webpack_require__(7562);
// EXTERNAL MODULE: ./src/walk/walk.ts + 1 modules
var walk = __webpack_require__(6566);
;// CONCATENATED MODULE: ./src/walk/spool.ts



/**
 * The run's folder for build zips on their way to being hashed (`checks: full`): on disk, a zip of
 * Go's 500 MiB limit costs no memory, however many are downloaded at once. Made when first needed
 * (under `root`, the system's temporary folder), removed with everything in it at the run's end.
 */
class ZipSpool {
    root;
    dir;
    count = 0;
    constructor(root) {
        this.root = root;
    }
    /** A new file name in the folder; the caller removes the file once it is read. */
    async file() {
        this.dir ??= (0,promises_.mkdtemp)((0,external_node_path_.join)(this.root, 'validate-goproxy-zips-')).catch((err) => {
            const reason = err.code ?? String(err);
            throw new http_types/* LocalError */.il(`cannot make a folder for the build's zips under ${this.root}: ${reason}`);
        });
        return (0,external_node_path_.join)(await this.dir, `${++this.count}.zip`);
    }
    /** Best effort: a file still open elsewhere (Windows) must not fail a finished run. */
    async remove() {
        const dir = await this.dir?.catch(() => undefined);
        if (dir)
            await (0,promises_.rm)(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/validate.ts
























/**
 * One run: find and read the build (go.sum, go.mod), probe every candidate, prove their content
 * against the checksum database, choose the GOPROXY chain that serves the whole build and the
 * GOSUMDB route Go will take with it, then remember the verdicts.
 */
async function validate(plan, effects) {
    const spool = new ZipSpool(effects.tempDir || (0,external_node_os_.tmpdir)());
    try {
        return await validateWith(plan, effects, spool);
    }
    finally {
        await spool.remove();
    }
}
async function validateWith(plan, effects, spool) {
    const startedAt = effects.clock.now();
    const build = await readTheBuild(plan);
    const verdicts = effects.store &&
        (0,cache_verdicts/* verdictCache */.Un)(effects.store, plan, {
            scope: (0,cache_verdicts/* verdictScope */.kQ)(plan, build),
            clock: effects.clock,
            credentialsOf: effects.credentialsOf
        });
    const run = {
        ...effects,
        http: withFileUrls(effects.http),
        limit: (0,limiter/* createLimiter */.z)(plan.concurrency),
        recall: verdicts?.recall
    };
    const toolchains = build.toolchains.flatMap(t => (t.module ? [t.module] : []));
    const { probed, sessions } = await probeAndLookUp(plan, run, toolchains);
    const { reports } = probed;
    // Started now, judged below: the build's files with no go.sum line wait for its route.
    const checked = checkIntegrity(plan, reports, run, toolchains, sessions);
    const lookUpRecord = recordLookup(plan, checked, { sessions, reports });
    const known = (c) => cachedAnswers(reports, c.id);
    const asker = createAsker(plan, run, { known, lookUpRecord, spool });
    const answered = () => reports.map(r => ({
        candidate: r.candidate,
        answers: { ...r.buildAnswers, ...asker.answersOf(r.candidate) }
    }));
    const state = { plan, run, reports, build, ask: asker.ask, answered };
    // The build is asked of the chain the probes point to while the database is consulted; those
    // answers are only remembered here, and judged once every candidate's verdict is settled.
    const [integrity] = await Promise.all([
        checked,
        (0,walk/* walkBuild */.gN)(plan, build, selectChain(reports, plan.strategy, plan.onFailure).chain, asker.ask)
    ]);
    reports.forEach(settleVerdict);
    const fresh = reports.filter(r => !r.cached);
    staleFindings(fresh, semver/* compare */.UD);
    fresh.forEach(settleVerdict);
    const chosen = await chooseChain(state, integrity);
    for (const report of fresh)
        report.buildAnswers = ownAnswers(asker.answersOf(report.candidate));
    // Verdicts are kept once, now that every stage has had its say.
    await verdicts?.keep(probed.fresh, probed.modules);
    const { selection, sumdb } = chosen;
    return {
        plan,
        reports,
        skippedModules: probed.skippedModules,
        ...chosen,
        exported: exportedOf(selection, reports, plan.failOn, sumdb.mirrorUsed),
        integrity,
        startedAt,
        durationMs: effects.clock.now() - startedAt
    };
}
/**
 * Probes every candidate. The database lookups for what each served start as its probes end (see
 * lookupsAhead); their answers wait in `sessions` for checkIntegrity.
 */
async function probeAndLookUp(plan, run, toolchains) {
    const sessions = plan.gosumdb.kind === 'db' ? new RouteSessions(plan, plan.gosumdb, run) : undefined;
    const lookUpServed = lookupsAhead(plan, sessions, toolchains);
    const onProbed = (report) => {
        lookUpServed(report);
        run.onProbed?.(report);
    };
    return { probed: await probeAll(plan, { ...run, onProbed }), sessions };
}
/** The go.sum and go.mod files of the working directory (or those `go-sum` lists), read whole. */
async function readTheBuild(plan) {
    const { goSum, workingDirectory, gowork, platform } = plan.build;
    const found = await discoverGoSums({ goSum, workingDirectory, env: { GOWORK: gowork } });
    return { ...(await readBuild(found, platform)), found };
}
/** What a candidate's cached report keeps: its own answers, not the database's (`unverified`). */
function ownAnswers(answers) {
    return Object.fromEntries(Object.entries(answers).filter(([, a]) => a.kind !== 'unverified'));
}
function cachedAnswers(reports, id) {
    return reports.find(r => r.candidate.id === id && r.cached)?.buildAnswers;
}
/**
 * The chain and the database route Go will take with it. Each round walks the whole build along
 * the chosen chain; a candidate that breaks the walk (content contradicting go.sum or the
 * database, or a failure Go does not move on from) is dropped, as is a chain head whose /sumdb/
 * route fails, and the chain is chosen again. Each round drops a candidate, so this ends. A
 * database that fails outright, or a module of the build no candidate serves, fails the run.
 */
async function chooseChain(state, integrity) {
    const { plan, reports, build, ask } = state;
    for (;;) {
        const selection = selectChain(reports, plan.strategy, plan.onFailure);
        const { chain } = selection;
        const [walks, toolchains] = await Promise.all([
            (0,walk/* walkBuild */.gN)(plan, build, chain, ask),
            (0,toolchain/* walkToolchains */.sR)(build.toolchains, integrity.records, chain, ask, plan.checks, (0,toolchain/* toolchainSumdbOff */.sm)(plan.gosumdb.kind === 'off', chain))
        ]);
        if (recordBreaks([...walks, ...(0,toolchain/* contradictions */.vM)(toolchains)], reports))
            continue;
        const sumdb = await gosumdbFor(plan, integrity, selection, state);
        if (sumdb.brokenProxy) {
            failProxyRoute(reports, sumdb.brokenProxy, sumdb.reason);
            continue;
        }
        await (0,walk/* explainUnresolved */.nC)(walks, reports, ask);
        const result = (0,walk_result/* buildResult */.C)(walks, chain[0]?.candidate, toolchains, build.found, state.answered());
        const probed = selection.outcome !== 'nothing-to-probe';
        const failed = (!sumdb.ok && selection.goproxy !== undefined && probed) ||
            (result.unresolved.length > 0 && probed);
        return {
            selection: failed ? failureSelection(plan.onFailure) : selection,
            sumdb,
            build: result
        };
    }
}
/** Decides GOSUMDB; a run that proved nothing fresh reuses the last decision from the cache. */
async function gosumdbFor(plan, integrity, selection, { run: { store, credentialsOf, clock } }) {
    if (store && integrity.status === 'not-checked' && integrity.db) {
        const recalled = await (0,sumdb/* recallSumdb */.FC)(store, plan, clock.now(), credentialsOf);
        if (recalled)
            return recalled;
    }
    const outcome = await decideGosumdb(plan, integrity, selection.chain);
    if (store && integrity.status === 'checked' && outcome.ok)
        await (0,sumdb/* rememberSumdb */.DE)(store, plan, outcome, clock.now(), credentialsOf);
    return outcome;
}


/***/ })

};
