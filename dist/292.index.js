export const id = 292;
export const ids = [292];
export const modules = {

/***/ 2292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: ./src/build/discover.ts + 1 modules
var discover = __webpack_require__(7018);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/build/gowork.ts
var gowork = __webpack_require__(3265);
// EXTERNAL MODULE: ./src/build/modfile.ts
var modfile = __webpack_require__(1410);
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

;// CONCATENATED MODULE: ./src/build/queries.ts
// Versions a main module's go.mod spells as queries (`v1.2`, `latest`, a branch), and that go.mod
// as the go command rewrites it once they are resolved (see goenv/version-query.ts).


/**
 * The versions of a main module's go.mod (its require, exclude and replace lines) that the go
 * command reads as queries (modload's fixVersion): each one not canonical (`v1.2`, `master`,
 * `v1.2.3+meta`). Go resolves it to the version it matches (`v1.2` to the newest v1.2.x) and
 * rewrites the line where it may change go.mod; a build that may not stops ("updates to go.mod
 * needed"), but in a workspace Go resolves it and builds. A dependency's go.mod or a go.work has
 * them made canonical instead.
 */
function queriedVersions(goMod, file) {
    const verbs = ['require', 'exclude', 'replace'];
    return (0,modfile/* statements */.F)(goMod, file).flatMap(({ verb: written, args, line }) => {
        const verb = verbs.find(v => v === written);
        if (verb === undefined)
            return [];
        const queried = (path, version) => path !== undefined && version !== undefined && (0,build_requires/* canonicalVersion */.Bp)(version) !== version
            ? [{ line, verb, path, version }]
            : [];
        if (verb !== 'replace')
            return queried(args[0], args[1]);
        const arrow = args.indexOf('=>');
        if (arrow < 1)
            return [];
        return [
            ...queried(args[0], arrow === 2 ? args[1] : undefined),
            ...queried(args[arrow + 1], args[arrow + 2])
        ];
    });
}
/**
 * go.mod as the go command rewrites it once it has resolved its queries: each queried version
 * that `resolved` holds (keyed `path query`) replaced by the version it resolves to. A line this
 * cannot rewrite (a quoted version) stays a query, and its go.mod is read as one.
 */
function withQueriesResolved(goMod, resolved) {
    if (resolved.size === 0)
        return goMod;
    try {
        const lines = goMod.split('\n');
        for (const { line, path, version } of queriedVersions(goMod, 'go.mod')) {
            const to = resolved.get(`${path} ${version}`);
            if (to === undefined)
                continue;
            const written = new RegExp(`(^|[\\s(])(${escapeRegExp(path)}\\s+)${escapeRegExp(version)}(?=[\\s)]|//|$)`);
            lines[line - 1] = lines[line - 1].replace(written, (_, before, pathAnd) => `${before}${pathAnd}${to}`);
        }
        return lines.join('\n');
    }
    catch {
        // A go.mod this reader cannot read: it is read as it is (every line counts).
        return goMod;
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/build/graphs.ts
// What a build's main modules (their go.mod files, or a workspace's) say of the files it fetches:
// the module graphs Go loads and the zips a download fetches, read from the files on disk, with
// each version a go.mod spells as a query resolved as the walk found it (see goenv/version-query.ts).







/**
 * The module graph of the workspace a go.work file describes, from the go.mod of each module it
 * uses; no graph when one cannot be read, holds queried versions, or the graph cannot be followed
 * (every line counts).
 */
async function workspaceGraph(goWork, resolved) {
    const text = await readText(goWork);
    if (text === undefined)
        return {};
    try {
        const work = { text, dir: (0,external_node_path_.dirname)(goWork) };
        const dirs = new Set((0,gowork/* parseUseDirectives */.n)(text).map(use => (0,external_node_path_.resolve)(work.dir, use)));
        const goMods = [];
        const queried = [];
        for (const dir of dirs) {
            const goMod = await readGoMod((0,external_node_path_.join)(dir, 'go.mod'), resolved);
            if (goMod === undefined)
                return {};
            goMods.push({ text: goMod, dir });
            queried.push(...queriedLines(goMod, (0,external_node_path_.join)(dir, 'go.mod')));
        }
        if (queried.length > 0)
            return { queried };
        const onDisk = new Map();
        for (const file of [
            { ...work, name: 'go.work' },
            ...goMods.map(m => ({ ...m, name: 'go.mod' }))
        ]) {
            for (const [dir, goMod] of await replacementGoMods(file.text, file.name, file.dir))
                onDisk.set((0,external_node_path_.resolve)(file.dir, dir), goMod);
        }
        return { graph: workspaceGraphOf(work, goMods, onDisk) };
    }
    catch {
        // A string this reader cannot unquote: every line counts.
        return {};
    }
}
function queriedLines(goMod, file) {
    return queriedVersions(goMod, 'go.mod').map(v => ({ ...v, file }));
}
function readText(file) {
    return (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
}
/** A main module's go.mod as Go reads it once it has resolved the queries the walk resolved. */
async function readGoMod(file, resolved) {
    const text = await readText(file);
    return text === undefined ? undefined : withQueriesResolved(text, resolved);
}
/**
 * The zips a go.mod requires, but for versions a query resolved to: Go rewrote the line with a
 * version the module graph may pass over (it is no tidy requirement), so its zip is fetched only
 * when selected.
 */
function withoutResolved(zips, written, resolved) {
    if (!zips || resolved.size === 0)
        return zips;
    for (const { verb, path, version } of queriedVersions(written, 'go.mod')) {
        if (verb === 'require')
            zips.keys.delete(`${path}@${resolved.get(`${path} ${version}`)}`);
    }
    return zips;
}
/**
 * The main module of each go.sum: its go.mod (beside it, or GOFLAGS -modfile's), when the go.sum
 * is a module's (not a workspace's, where `go mod download` fetches all of the build list) and
 * that go.mod exists.
 */
async function mainModules(found, resolved) {
    const byFile = new Map();
    if (found.workspace !== undefined)
        return byFile;
    for (const file of moduleSums(found)) {
        const goMod = goModOf(found, file);
        const written = goMod && (await readText(goMod.path));
        if (goMod === undefined || written === undefined)
            continue;
        try {
            const text = withQueriesResolved(written, resolved);
            const queried = queriedLines(text, goMod.path);
            if (queried.length > 0) {
                byFile.set(file, { zips: undefined, graph: undefined, queried });
                continue;
            }
            const onDisk = await replacementGoMods(text, 'go.mod', goMod.moduleRoot);
            byFile.set(file, {
                zips: withoutResolved((0,build_requires/* zipsFetched */.Cx)(text, 'go.mod'), written, resolved),
                graph: (0,build_requires/* modGraphOf */.sh)(text, 'go.mod', onDisk),
                queried
            });
        }
        catch {
            // A string this reader cannot unquote (Go's escapes go beyond JSON's): every line counts.
        }
    }
    return byFile;
}
/** The go.mod the go command reads for a module's go.sum; undefined for other sums. */
function goModOf(found, goSum) {
    const modFile = found.modFile;
    if (modFile && goSum === (0,discover/* sumFileOf */.Vv)(modFile.path))
        return modFile;
    if ((0,external_node_path_.basename)(goSum) !== 'go.sum')
        return undefined;
    return { path: (0,external_node_path_.join)((0,external_node_path_.dirname)(goSum), 'go.mod'), moduleRoot: (0,external_node_path_.dirname)(goSum) };
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
/** The go.sum files read, and the one a module has none of yet (read as empty). */
function moduleSums(found) {
    return found.missingGoSum ? [...found.goSumFiles, found.missingGoSum] : found.goSumFiles;
}
/** The graphs to follow for go.mod lines: only when every go.sum has one, else every line counts. */
function modGraphsOf(found, mains) {
    const graphs = moduleSums(found).map(file => mains.get(file)?.graph);
    return graphs.every(g => g !== undefined) ? graphs : undefined;
}

// EXTERNAL MODULE: ./src/xmod/semver.ts
var semver = __webpack_require__(1090);
;// CONCATENATED MODULE: ./src/goenv/version-query.ts
// A version a main module's go.mod spells as a query (`v1.2`, `latest`, `>=v1.2.0`, a branch), as
// the go command resolves it before it rewrites the line (modload fixVersion → Query →
// queryProxy, newQueryMatcher): most queries are matched against the proxy's @v/list, releases
// before pre-releases, and the version picked read with its .info; `latest` with no listed
// version asks @latest; a revision (a branch, a commit, `v1.2.3+meta`) is asked as its own .info.

/** `v1` or `v1.2`: the newest version under that prefix (Go's isSemverPrefix). */
function isSemverPrefix(query) {
    return /^v\d+(\.\d+)?$/.test(query) && semver/* isValid */.fn(query);
}
const COMPARISONS = {
    '<=': c => c <= 0,
    '<': c => c < 0,
    '>=': c => c >= 0,
    '>': c => c > 0
};
/** What `query` (of a go.mod with no version of the module to start from) matches. */
function queryMatch(query) {
    const any = () => true;
    if (query === 'latest' || query === 'upgrade') {
        return { kind: 'list', accepts: any, preferLower: false, latest: true };
    }
    if (query === 'patch')
        return { kind: 'refused', problem: 'no existing version is required' };
    const comparison = /^(<=|<|>=|>)(.*)$/.exec(query);
    if (comparison) {
        const [, op, bound] = comparison;
        if (!semver/* isValid */.fn(bound)) {
            return { kind: 'refused', problem: `invalid semantic version "${bound}" in range "${query}"` };
        }
        // `<=v1.2` and `>v1.2` could mean v1.2.0 or all of v1.2.x: Go refuses to guess.
        if ((op === '<=' || op === '>') && isSemverPrefix(bound)) {
            return {
                kind: 'refused',
                problem: `ambiguous semantic version "${bound}" in range "${query}"`
            };
        }
        const accepts = (v) => COMPARISONS[op](semver/* compare */.UD(v, bound));
        return { kind: 'list', accepts, preferLower: op.startsWith('>'), latest: false };
    }
    if (isSemverPrefix(query)) {
        // `v1.2` does not take v1.2.0-pre (golang.org/issue/31972).
        const accepts = (v) => v.startsWith(`${query}.`) && semver/* compare */.UD(v, query) >= 0;
        return { kind: 'list', accepts, preferLower: false, latest: false };
    }
    return { kind: 'revision' };
}
/**
 * The version a list query picks: among the accepted versions, releases before pre-releases,
 * the highest (the lowest for `>` and `>=`); undefined when none ("no matching versions").
 */
function pickFromList(versions, match) {
    const accepted = versions.filter(match.accepts);
    const best = (vs) => vs.reduce((a, v) => {
        if (a === undefined)
            return v;
        const c = semver/* compare */.UD(v, a);
        return (match.preferLower ? c < 0 : c > 0) ? v : a;
    }, undefined);
    return best(accepted.filter(v => semver/* prerelease */.Rt(v) === '')) ?? best(accepted);
}
/**
 * The .info files a revision query asks, in turn: as written, then, for a semantic version that
 * is not canonical (`v1.2.3+meta`), under its canonical form.
 */
function revisionsOf(query) {
    const canonical = semver/* isValid */.fn(query) ? semver/* canonical */.$N(query) : query;
    return canonical === query ? [query] : [query, canonical];
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
    const toolchains = new Map();
    let toolchainUnasked = found.toolchainFiles.length === 0;
    for (const file of found.toolchainFiles) {
        const need = await readToolchain(file);
        toolchainUnasked ||= need === undefined;
        if (need === undefined || toolchains.has(need.name))
            continue;
        const module = platform && toolchainModule(need.name, platform);
        toolchains.set(need.name, { ...need, file, ...(module && { module }) });
    }
    const files = await readBuildFiles(found, new Map());
    files.queried.forEach(refuseAsGoDoes);
    // Each round of the walk asks again: the files are read once for each set of picks.
    const reread = new Map();
    const withResolved = (resolved) => {
        const key = JSON.stringify([...resolved]);
        const read = reread.get(key) ?? readBuildFiles(found, resolved);
        reread.set(key, read);
        return read;
    };
    return { ...files, toolchains: [...toolchains.values()], toolchainUnasked, withResolved };
}
async function readBuildFiles(found, resolved) {
    const mains = await mainModules(found, resolved);
    // A vendored workspace loads no module graph: the go command reads vendor/modules.txt instead.
    const { graph: workspace, queried = [] } = found.workspace === undefined || found.vendored !== undefined
        ? {}
        : await workspaceGraph(found.workspace, resolved);
    const modules = await readGoSumFiles(found.goSumFiles, workspace ? () => 'when-selected' : zipsFetchedBy(mains));
    const modGraphs = found.workspace === undefined ? modGraphsOf(found, mains) : workspace && [workspace];
    return {
        modules,
        modGraphs,
        queried: [...[...mains.values()].flatMap(m => m.queried), ...queried]
    };
}
/**
 * A query the go command refuses before it asks any proxy (`patch` with nothing required, an
 * ambiguous range, a revision no version may spell): it fails on this go.mod, so does the step.
 */
function refuseAsGoDoes({ file, line, path, version }) {
    const match = queryMatch(version);
    let problem = match.kind === 'refused' ? match.problem : undefined;
    if (match.kind === 'revision') {
        try {
            revisionsOf(version).forEach(xmod_module/* escapeVersion */.av);
        }
        catch (err) {
            problem = `invalid version: ${err.message}`;
        }
    }
    if (problem === undefined)
        return;
    const reason = `line ${line}: ${path} ${version}: ${problem}, so the go command refuses it`;
    throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, file, reason);
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

;// CONCATENATED MODULE: ./src/build/toolchain-choice.ts


/**
 * What GOTOOLCHAIN makes of the toolchains the go.mod and go.work files ask for: `path` and
 * `local` download none (`path` only looks on PATH); a fixed name is downloaded whatever go.mod
 * says; `<name>+auto` downloads, for each file, the later of the name and what it asks for (the
 * name for a file that asks for nothing).
 */
function toolchainsToFetch({ toolchains: needs, toolchainUnasked }, setting, platform) {
    if (setting.mode === 'path')
        return [];
    const min = setting.min === undefined ? undefined : minimum(setting.min, platform);
    if (setting.mode === 'fixed')
        return min ? [min] : [];
    if (!min)
        return needs;
    const chosen = needs.map(need => ((0,gover/* compareGo */.Ac)(need.version, min.version) > 0 ? need : min));
    return [...new Set(toolchainUnasked ? [...chosen, min] : chosen)];
}
/** The toolchain GOTOOLCHAIN names, as the build's own. */
function minimum(name, platform) {
    const module = platform && toolchainModule(name, platform);
    return {
        name,
        version: (0,gover/* versionOfToolchain */.H5)(name),
        from: 'GOTOOLCHAIN',
        file: 'GOTOOLCHAIN',
        ...(module && { module })
    };
}

// EXTERNAL MODULE: ./src/probe/types.ts
var types = __webpack_require__(2367);
// EXTERNAL MODULE: ./src/cache/sumdb.ts
var sumdb = __webpack_require__(2275);
;// CONCATENATED MODULE: ./src/cache/run-recall.ts


/**
 * Which cached verdicts may stand in for probes. A run whose verdicts all come from the cache
 * proves nothing against the checksum database, so it must reuse the GOSUMDB decision of the run
 * that did; only a decision that held is kept. Without one (that run failed on the database, or
 * the sumdb mirrors changed), every usable candidate is probed again and what it serves proved
 * again; a failed verdict still stands, so a dead mirror is not hammered. A run that needs no
 * database (GOSUMDB=off, `checks: quick`) takes every cached verdict.
 */
async function verdictRecall(verdicts, plan, recalledSumdb) {
    const needsNoDecision = plan.gosumdb.kind !== 'db' || plan.checks === 'quick';
    if (needsNoDecision || (await recalledSumdb()) !== undefined)
        return verdicts.recall;
    return async (candidate, modules) => {
        const recalled = await verdicts.recall(candidate, modules);
        return recalled.report && (0,types/* isUsable */.Ng)(recalled.report.verdict) ? {} : recalled;
    };
}
/** The cache's GOSUMDB decision, read at most once a run; none without a verdict cache. */
function recallSumdbOnce(plan, { store, credentialsOf, clock }) {
    let recalled;
    return () => (recalled ??= store
        ? (0,sumdb/* recallSumdb */.FC)(store, plan, clock.now(), credentialsOf)
        : Promise.resolve(undefined));
}

// EXTERNAL MODULE: ./src/checksum/routes.ts
var checksum_routes = __webpack_require__(3493);
// EXTERNAL MODULE: ./src/checksum/integrity.ts
var checksum_integrity = __webpack_require__(9596);
;// CONCATENATED MODULE: ./src/checksum/gosumdb-outcome.ts


/**
 * Decides GOSUMDB for the chosen chain: the route the go command will take with it must pass
 * (it is proved now if the integrity stage did not need it). When it fails, the first sumdb
 * mirror that passes is exported in Go's `name+key url` form; with none, a proxy route that
 * failed is handed back (`brokenProxy`) for the chain to be chosen without it. GOSUMDB=off only
 * ever comes from the user.
 */
async function decideGosumdb(plan, check, chain) {
    const keep = { gosumdb: plan.gosumdb.raw, mirrorUsed: false };
    const { checker, db } = check;
    if (check.status !== 'checked' || !checker || !db)
        return { ok: true, reason: check.reason, routes: [], ...keep };
    // An entry's /sumdb/ error Go cannot get past: no route to prove, only a mirror helps.
    const breaker = (0,checksum_routes/* routeBreaker */.Yy)(db, chain);
    const want = (0,checksum_routes/* routeForChain */.qB)(db, chain);
    const proved = breaker ? undefined : await checker.check(want);
    if (proved?.verdict.ok) {
        return {
            ok: true,
            reason: `${check.reason} via ${want.label}`,
            route: want.label,
            routes: await checker.reports(),
            ...keep
        };
    }
    const problem = breaker ? (0,checksum_integrity/* supportedProblem */._o)(breaker) : (proved?.verdict.problem ?? 'unknown error');
    const failure = breaker
        ? `${problem}: the go command's route to the database stops there`
        : `${want.label} failed: ${problem}`;
    // A GOSUMDB with a URL takes the go command past every proxy's /sumdb/, the failed one too.
    const mirror = await (0,checksum_integrity/* firstPassing */.yM)(checker, (0,checksum_routes/* mirrorRoutes */.kH)(plan));
    const routes = await checker.reports();
    if (!mirror && !breaker && want.kind === 'proxy')
        return { ok: false, reason: problem, routes, brokenProxy: want, ...keep };
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
/**
 * Whether a sumdb mirror will be exported in place of the database's route: one passes now, or,
 * on a run that proved nothing fresh, the decision recalled from the cache exported one.
 */
async function mirrorStandsIn(plan, check, recalled) {
    if (check.checker)
        return (await (0,checksum_integrity/* firstPassing */.yM)(check.checker, (0,checksum_routes/* mirrorRoutes */.kH)(plan))) !== undefined;
    return (await recalled())?.mirrorUsed === true;
}

// EXTERNAL MODULE: ./src/goenv/proxylist.ts
var proxylist = __webpack_require__(2057);
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
    return strategy === 'fastest' ? fastestFirst(kept) : kept;
}
/**
 * `strategy: fastest`: the usable proxies by measured latency, never letting Go fall from one to
 * another on any error where the user's list did not: entries the user joined with `|` form a
 * group that moves as one (placed by its fastest member, ordered inside by latency), and `,`
 * stays between groups. The user's direct or off stays last, in its group.
 */
function fastestFirst(kept) {
    const groups = [];
    kept.forEach((report, i) => {
        const joined = i > 0 && kept[i - 1].candidate.entry.fallBackOnError;
        if (joined)
            groups[groups.length - 1].push(report);
        else
            groups.push([report]);
    });
    // An end has no latency: it sorts after every proxy, and its group after every other group.
    const latency = (r) => (0,proxylist/* isProxyEntry */.l_)(r.candidate.entry) ? (r.latencyMs ?? Number.MAX_VALUE) : Infinity;
    const ranked = groups.map(group => group.sort((a, b) => latency(a) - latency(b)));
    const worst = (group) => latency(group[group.length - 1]);
    ranked.sort((a, b) => Number(worst(a) === Infinity) - Number(worst(b) === Infinity) || latency(a[0]) - latency(b[0]));
    return ranked.flatMap(group => group.map((r, i) => withSeparator(r, i < group.length - 1)));
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

// EXTERNAL MODULE: ./src/probe/findings.ts
var findings = __webpack_require__(9986);
// EXTERNAL MODULE: ./src/walk/types.ts
var walk_types = __webpack_require__(5676);
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
        (0,findings/* recordFinding */.h)(report, { stage: 'build', level, reason });
    }
    const touched = [...recorded].map(key => byId.get(key.split(' ')[0]));
    touched.forEach(report => report && (0,findings/* settleVerdict */.V)(report));
    return touched.length > 0;
}

// EXTERNAL MODULE: ./src/walk/result.ts
var walk_result = __webpack_require__(7164);
// EXTERNAL MODULE: ./src/walk/toolchain.ts
var toolchain = __webpack_require__(7562);
// EXTERNAL MODULE: ./src/walk/walk.ts + 1 modules
var walk = __webpack_require__(6566);
;// CONCATENATED MODULE: ./src/choose-chain.ts










/**
 * The chain, preferring one that also serves the toolchain when the chosen one breaks on it (see
 * servingToolchain); then the GOSUMDB decision that held is remembered.
 */
async function chooseChain(choice, integrity) {
    const settled = await settleChain(choice, integrity);
    const chosen = (await servingToolchain(choice, integrity, settled)) ?? settled;
    const { memory, plan } = choice;
    if (memory && integrity.status === 'checked' && chosen.sumdb.ok) {
        const { store, clock, credentialsOf } = memory;
        await (0,sumdb/* rememberSumdb */.DE)(store, plan, chosen.sumdb, clock.now(), credentialsOf);
    }
    return chosen;
}
/**
 * Each round walks the whole build along the chosen chain; a candidate that breaks the walk
 * (content contradicting go.sum or the database, or a failure Go does not move on from) is
 * dropped, as is a chain head whose /sumdb/ route fails, or an entry whose /sumdb/ error Go
 * cannot get past in this chain and no sumdb mirror bypasses (dropRouteBreaker), and the chain is
 * chosen again. Each round drops a candidate, so this ends. A database that fails outright, or a
 * module of the build no candidate serves, fails the run.
 */
async function settleChain(choice, integrity) {
    const { plan, reports, build, ask } = choice;
    for (;;) {
        const selection = selectChain(reports, plan.strategy, plan.onFailure);
        const { chain } = selection;
        const mirrored = () => mirrorStandsIn(plan, integrity, choice.recalledSumdb);
        if (await (0,checksum_integrity/* dropRouteBreaker */.VN)(plan, reports, chain, mirrored))
            continue;
        const [walks, toolchains] = await Promise.all([
            (0,walk/* walkBuild */.gN)(plan, build, chain, ask),
            (0,toolchain/* walkToolchains */.sR)(build.toolchains, integrity.records, chain, ask, plan.checks, (0,toolchain/* toolchainSumdbOff */.sm)(plan.gosumdb.kind === 'off', chain))
        ]);
        if (recordBreaks([...walks, ...(0,toolchain/* contradictions */.vM)(toolchains)], reports))
            continue;
        const sumdb = await gosumdbFor(choice, integrity, selection);
        if (sumdb.brokenProxy) {
            (0,checksum_integrity/* failProxyRoute */.kb)(reports, sumdb.brokenProxy, sumdb.reason);
            continue;
        }
        await (0,walk/* explainUnresolved */.nC)(walks, reports, ask);
        const result = (0,walk_result/* buildResult */.C)(walks, chain[0]?.candidate, toolchains, build, choice.answered());
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
/**
 * A toolchain is no failure on its own (the Go installed may do), but a chain that serves it
 * beats one that does not. While an entry breaks the toolchain's walk (a 500, say, across `,`,
 * with entries after it), the chain is chosen again without it. The chain found is taken if it
 * serves the whole build and every toolchain, from the same list (`proxies` or `mirrors`), with
 * a head as good; else every verdict is put back as it was.
 */
async function servingToolchain(choice, integrity, chosen) {
    let breaks = toolchainBreaks(chosen);
    if (breaks.length === 0 || !isProxyChain(chosen.selection))
        return undefined;
    const saved = choice.reports.map(r => ({ ...r, findings: [...r.findings] }));
    // Before the rounds below change the verdicts of the reports it holds.
    const head = headRank(chosen);
    let tried;
    // Each round drops a candidate, so this ends.
    do {
        recordBreaks(breaks, choice.reports);
        tried = await settleChain(choice, integrity);
        breaks = toolchainBreaks(tried);
    } while (breaks.length > 0 && isProxyChain(tried.selection));
    const served = tried.build.toolchains.every(t => t.outcome !== 'unresolved');
    const sameList = tried.selection.outcome === chosen.selection.outcome;
    if (served && sameList && headRank(tried) >= head)
        return tried;
    choice.reports.forEach((report, i) => Object.assign(report, saved[i]));
    return undefined;
}
/** The toolchain walks an entry breaks (a failure Go does not move on from, entries after it). */
function toolchainBreaks({ build }) {
    return build.toolchains.flatMap(t => t.files.filter(f => f.breaksAt));
}
/** How good the chain's first proxy is, higher better: healthy over degraded (see `fail-on`). */
function headRank({ selection }) {
    const head = selection.chain.find(r => (0,proxylist/* isProxyEntry */.l_)(r.candidate.entry));
    return head ? types/* LEVELS */.A_.indexOf(head.verdict) : -1;
}
/** A chain of proxies that passed (not a failure's `direct`, nor nothing). */
function isProxyChain({ outcome }) {
    return outcome === 'proxies' || outcome === 'mirrors';
}
/** Decides GOSUMDB; a run that proved nothing fresh reuses the last decision from the cache. */
async function gosumdbFor({ plan, recalledSumdb }, integrity, selection) {
    if (integrity.status === 'not-checked' && integrity.db) {
        const recalled = await recalledSumdb();
        if (recalled)
            return recalled;
    }
    return decideGosumdb(plan, integrity, selection.chain);
}

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
    let extra = (0,checksum_integrity/* notPrivate */.N_)(plan, alsoLookUp);
    return report => {
        reports.set(report.candidate.id, report);
        pending.push(...(0,checksum_integrity/* versionsToCheck */.zQ)(plan, [report]));
        const route = (0,checksum_routes/* settledFirstRoute */.ZU)(sessions.db, plan.candidates, c => reports.get(c.id));
        if (!route || pending.length === 0)
            return;
        sessions.lookUpAhead(route, [...pending, ...extra]);
        pending = [];
        extra = [];
    };
}

// EXTERNAL MODULE: ./src/checksum/record-lookup.ts
var record_lookup = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/checksum/route-checker.ts
var route_checker = __webpack_require__(696);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/http/types.ts
var http_types = __webpack_require__(5853);
;// CONCATENATED MODULE: ./src/http/file.ts



/**
 * Serves a `file://` GOPROXY from disk as the go command reads one: a missing file is "not found"
 * (404), anything else readable is the answer. Lets file candidates take the same probes.
 */
const fileGet = async (request) => {
    const started = performance.now();
    const path = (0,external_node_url_.fileURLToPath)(request.url);
    let status = 200;
    let answer;
    try {
        answer = await readAnswer(path, request);
    }
    catch (err) {
        const code = err.code;
        if (err instanceof http_types/* HttpError */.j$)
            throw err;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
            throw new http_types/* HttpError */.j$('protocol', `cannot read ${path}: ${code ?? String(err)}`);
        }
        status = 404;
        answer = { body: Buffer.from(`not found: ${path}\n`) };
    }
    const ms = Math.round(performance.now() - started);
    const contentType = status === 404 ? 'text/plain; charset=utf-8' : '';
    return { status, contentType, headers: {}, ...answer, timing: { headersMs: ms } };
};
/**
 * The file's bytes as an answer, reading no more than the request needs: its first bytes, or
 * none when the body is wanted in a file (it already is one: read it in place), or the whole file
 * within the cap.
 */
async function readAnswer(path, request) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const { size } = await file.stat();
        if (request.firstBytes !== undefined) {
            const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(request.firstBytes) });
            return { body: buffer.subarray(0, bytesRead) };
        }
        if (size > request.maxBytes)
            throw new http_types/* HttpError */.j$('too-large', `${path} is larger than ${request.maxBytes} bytes`);
        if (request.spoolTo !== undefined)
            return { body: Buffer.alloc(0), bodyFile: path };
        return { body: await file.readFile({ signal: request.signal }) };
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

// EXTERNAL MODULE: ./src/goenv/patterns.ts
var patterns = __webpack_require__(4130);
// EXTERNAL MODULE: ./src/resilience/limiter.ts
var limiter = __webpack_require__(361);
// EXTERNAL MODULE: ./src/resilience/plan-breaker.ts
var plan_breaker = __webpack_require__(6971);
// EXTERNAL MODULE: ./src/goenv/urlpath.ts
var urlpath = __webpack_require__(9267);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/xmod/sumdb/dirhash.ts
var dirhash = __webpack_require__(4845);
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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/xmod/zip-open.ts
// Opening a module zip where Go's archive/zip finds it (readDirectoryEnd): the end of central
// directory record is the last one in the file's final 65 KiB, its comment must fit in the bytes
// left, and any bytes after the comment are ignored. yauzl insists the comment runs to the end of
// the file, so it is handed a view of the zip that ends where Go's record does. Only the tail of a
// file is read to find it.


const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]); // "PK\x05\x06"
/** The end record up to its comment; the comment's length is its last two bytes. */
const END_LENGTH = 22;
/** How far from the end of the file archive/zip looks for the end record. */
const END_SEARCH_BYTES = 65 * 1024;
/** Bytes read from the file at a time. */
const READ_CHUNK = 64 * 1024;
const NOT_FOUND = 'End of central directory record signature not found. Either not a zip file, or file is truncated.';
/**
 * The length of the zip as Go reads it, given the last END_SEARCH_BYTES (or all) of a file of
 * `size` bytes: up to the end of the last end record's comment. Throws when there is no record,
 * or when the last one's comment claims more bytes than the file has left (Go gives up then too).
 */
function zipLength(tail, size) {
    const at = tail.length < END_LENGTH ? -1 : tail.lastIndexOf(END_SIGNATURE, -END_LENGTH);
    if (at < 0)
        throw new Error(NOT_FOUND);
    const commentLength = tail.readUInt16LE(at + END_LENGTH - 2);
    const left = tail.length - at - END_LENGTH;
    const offset = size - tail.length + at;
    if (commentLength > left) {
        throw new Error(`invalid comment length: the end of central directory record at offset ${offset} declares a ${commentLength}-byte comment, but only ${left} bytes follow it`);
    }
    return offset + END_LENGTH + commentLength;
}
/** Opens `zip` with yauzl, as far as Go's end record reaches (see zipLength). */
async function openZip(yauzl, zip, options) {
    if (Buffer.isBuffer(zip)) {
        const length = zipLength(zip.subarray(-END_SEARCH_BYTES), zip.length);
        return yauzl.fromBufferPromise(zip.subarray(0, length), options);
    }
    const handle = await (0,promises_.open)(zip.file, 'r');
    try {
        const { size } = await handle.stat();
        const tail = Buffer.alloc(Math.min(size, END_SEARCH_BYTES));
        const { bytesRead } = await handle.read(tail, 0, tail.length, size - tail.length);
        if (bytesRead < tail.length)
            throw new Error(`${zip.file} shrank while it was read`);
        const reader = fileReader(yauzl, handle);
        // Closing the zipfile releases the reader, which closes the file.
        return await yauzl.fromRandomAccessReaderPromise(reader, zipLength(tail, size), {
            ...options,
            autoClose: false
        });
    }
    catch (err) {
        await handle.close();
        throw err;
    }
}
let FileReader;
/**
 * A yauzl reader of an open file (yauzl's own takes its size from the file, not from us). Its
 * streams read with positions: a destroyed fs stream would close the file under the others.
 */
function fileReader(yauzl, handle) {
    FileReader ??= class extends yauzl.RandomAccessReader {
        #handle;
        constructor(file) {
            super();
            this.#handle = file;
        }
        _readStreamForRange(start, end) {
            return external_node_stream_.Readable.from(readRange(this.#handle, start, end), { objectMode: false });
        }
        close(callback) {
            this.#handle.close().then(() => callback(null), callback);
        }
    };
    return new FileReader(handle);
}
/** Bytes `start` to `end` (exclusive) of the file, a chunk at a time; fewer at its end. */
async function* readRange(handle, start, end) {
    for (let position = start; position < end;) {
        const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, end - position));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
        if (bytesRead === 0)
            return; // yauzl reports the missing bytes
        position += bytesRead;
        yield chunk.subarray(0, bytesRead);
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
const EMPTY_SHA256 = (0,dirhash/* sha256Hex */.fg)(Buffer.alloc(0));
const DATA_DESCRIPTOR_FLAG = 0x8;
/**
 * yauzl, loaded with the first zip (a chunk of the bundle of its own): a run that reads none (a
 * warm cache, `checks: quick`) never loads it.
 */
async function loadZipReader() {
    return (await __webpack_require__.e(/* import() */ 663).then(__webpack_require__.t.bind(__webpack_require__, 663, 19))).default;
}
/**
 * Checks `zip` (in memory or on disk) as the module zip of `path`@`version` (both unescaped). Bad
 * input never throws: it is reported in `problems` (bytes that are not a zip give 'bad-zip').
 * Rejects only with `signal.reason` when `signal` aborts, or when the reader cannot be loaded.
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
    const yauzl = await loadZipReader();
    let zipfile;
    try {
        const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true };
        zipfile = await openZip(yauzl, zip, options);
    }
    catch (err) {
        return result(scan, { code: 'bad-zip', message: `not a valid zip file: ${(0,logger/* messageOf */.bD)(err)}` });
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
    const builder = new dirhash/* Hash1Builder */.BF();
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
            failRead(scan, { code: 'bad-zip', message: `not a valid zip file: ${(0,logger/* messageOf */.bD)(err)}` });
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
    // yauzl has loaded zlib by now; a static import would load it for runs that read no zip.
    const { crc32 } = process.getBuiltinModule('node:zlib');
    const kept = [];
    let crc = 0;
    let size = 0;
    try {
        const stream = await openEntry(zipfile, entry);
        await consume(stream, scan.signal, chunk => {
            size += chunk.length;
            scan.uncompressedBytes += chunk.length;
            sha.update(chunk);
            crc = crc32(chunk, crc);
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
        return failRead(scan, { code: 'bad-zip', file, message: `${file}: ${(0,logger/* messageOf */.bD)(err)}` });
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

// EXTERNAL MODULE: ./src/http/probe-errors.ts
var probe_errors = __webpack_require__(9980);
;// CONCATENATED MODULE: ./src/probe/rev-info.ts
/**
 * An .info or @latest answer decoded as the go command decodes it (modfetch/proxy.go): Go's
 * encoding/json into modfetch.RevInfo. So keys match fields case-insensitively and, in document
 * order, a later key overrides an earlier one; null leaves a field unset; unknown keys are ignored;
 * a value of the wrong type fails the answer, even in a field Go does not use here (Origin).
 */

// modfetch.RevInfo as JSON sees it (Name and Short are `json:"-"`), and codehost.Origin.
const REV_INFO = { Version: 'string', Time: 'time', Origin: 'origin' };
const ORIGIN = Object.fromEntries(['VCS', 'URL', 'Subdir', 'Hash', 'TagPrefix', 'TagSum', 'Ref', 'RepoSum'].map(f => [f, 'string']));
/** Decodes `text` (the answer to `what`); throws ContentError where json.Unmarshal fails. */
function decodeRevInfo(text, what) {
    try {
        JSON.parse(text);
    }
    catch (err) {
        throw new probe_errors/* ContentError */.yg(`invalid JSON in ${what}: ${err.message}`);
    }
    const info = { Version: '' };
    decodeObject(text.trim(), REV_INFO, what, (field, value) => {
        if (field === 'Version')
            info.Version = value;
        if (field === 'Time')
            info.Time = value;
    });
    return info;
}
/** `raw`, valid JSON, decoded into `fields`: `set` gets each string field in document order. */
function decodeObject(raw, fields, where, set) {
    if (raw === 'null')
        return;
    if (!raw.startsWith('{'))
        throw new probe_errors/* ContentError */.yg(`${where} is a JSON ${jsonType(raw)}, not an object`);
    for (const [key, value] of members(raw)) {
        const field = fieldOf(key, fields);
        if (field === undefined || value === 'null')
            continue;
        const at = `"${field}" field of ${where}`;
        if (fields[field] === 'origin') {
            decodeObject(value, ORIGIN, at, () => undefined);
            continue;
        }
        if (!value.startsWith('"'))
            throw new probe_errors/* ContentError */.yg(`${at} is a JSON ${jsonType(value)}`);
        // time.Time reads the string's raw bytes, escapes and all.
        if (fields[field] === 'time' && !isRfc3339(value.slice(1, -1)))
            throw new probe_errors/* ContentError */.yg(`invalid ${at}: ${value}`);
        set(field, JSON.parse(value));
    }
}
/** An object's members in document order: each key unescaped, each value as its raw JSON. */
function members(object) {
    const found = [];
    let depth = 0;
    let start = 0;
    let key;
    for (let i = 0; i < object.length; i++) {
        const c = object[i];
        if (c === '"') {
            const end = stringEnd(object, i);
            if (depth === 1 && key === undefined)
                key = JSON.parse(object.slice(i, end));
            i = end - 1;
        }
        else if (c === '{' || c === '[') {
            depth++;
        }
        else if (c === ':' && depth === 1) {
            start = i + 1;
        }
        else if ((c === ',' && depth === 1) || ((c === '}' || c === ']') && --depth === 0)) {
            if (key !== undefined)
                found.push([key, object.slice(start, i).trim()]);
            key = undefined;
        }
    }
    return found;
}
/** The index just past the JSON string that opens at `at`. */
function stringEnd(text, at) {
    let i = at + 1;
    while (text[i] !== '"')
        i += text[i] === '\\' ? 2 : 1;
    return i + 1;
}
/** encoding/json prefers the exact name, then one equal under Unicode simple case folding. */
function fieldOf(key, fields) {
    if (Object.hasOwn(fields, key))
        return key;
    const folded = fold(key);
    return Object.keys(fields).find(f => fold(f) === folded);
}
// Simple case folding, as far as it reaches the ASCII letters of the field names: a-z, the long s
// and the Kelvin sign; any other character folds only to itself or to letters no field has.
const fold = (name) => name.replace(/[a-z\u017f\u212a]/g, c => c === '\u017f' ? 'S' : c === '\u212a' ? 'K' : c.toUpperCase());
function jsonType(raw) {
    if (raw.startsWith('['))
        return 'array';
    if (raw.startsWith('"'))
        return 'string';
    if (raw === 'true' || raw === 'false')
        return 'boolean';
    return 'number';
}
// time.Parse(time.RFC3339), which Time.UnmarshalJSON falls back to: a one- or two-digit hour, a
// fraction after "." or ",", a zone offset up to 24:60.
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d?):(\d\d):(\d\d)([.,]\d+)?(Z|[+-](\d\d):(\d\d))$/;
/** Whether Go's time.Parse(time.RFC3339, text) succeeds. */
function isRfc3339(text) {
    return rfc3339Millis(text) !== undefined;
}
/**
 * The instant of an RFC 3339 time Go parses, in milliseconds since 1970 (fractions kept), or
 * undefined when Go refuses it.
 */
function rfc3339Millis(text) {
    const m = RFC3339.exec(text);
    if (!m)
        return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const [zoneHour, zoneMinute] = [m[9], m[10]].map(n => Number(n ?? 0));
    const valid = month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysIn(month, year) &&
        hour <= 23 &&
        minute <= 59 &&
        second <= 59 &&
        zoneHour <= 24 &&
        zoneMinute <= 60;
    if (!valid)
        return undefined;
    const fraction = m[7] ? Number(`0.${m[7].slice(1)}`) * 1000 : 0;
    const sign = m[8].startsWith('-') ? -1 : 1;
    const offset = sign * (zoneHour * 60 + zoneMinute) * 60_000;
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    utc.setUTCHours(hour, minute, second);
    return utc.getTime() + fraction - offset;
}
function daysIn(month, year) {
    if (month !== 2)
        return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
}

;// CONCATENATED MODULE: ./src/probe/content.ts
/**
 * What a correct answer to each proxy-protocol request looks like, as the go command reads it
 * (modfetch/proxy.go, modload): what Go accepts passes, what it refuses fails. An answer that
 * fails and is an HTML page says so, since that is what a captive portal or a login page sends.
 */




// Bytes, not a decoded string: Go's JSON sees a byte-order mark (and fails on it).
const decode = (body) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
// unicode.IsSpace, which strings.Fields splits on (JavaScript's \s differs: it takes U+FEFF, not U+0085).
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** Go's zero time (0001-01-01T00:00:00Z): latestFromList takes only a line later than it. */
const ZERO_TIME_MS = -62_135_596_800_000;
/** The list never fails: Go skips every line it cannot read. */
function parseList(body) {
    const versions = [];
    let newestByTime;
    let newest = ZERO_TIME_MS;
    for (const line of decode(body).split('\n')) {
        const [version, time] = line.split(GO_SPACE).filter(field => field !== '');
        if (!version || !semver/* isValid */.fn(version))
            continue;
        const pseudo = semver/* isPseudoVersion */.Dv(version);
        if (!pseudo)
            versions.push(version);
        const at = time ?? (pseudo ? pseudoVersionTime(version) : undefined);
        // A time Go cannot parse is its zero time, never the latest.
        const ms = at === undefined ? undefined : rfc3339Millis(at);
        if (ms !== undefined && ms > newest) {
            newest = ms;
            newestByTime = version;
        }
    }
    return { versions, newestByTime };
}
/** The yyyymmddhhmmss of a pseudo-version, as RFC 3339 (checked by the caller). */
function pseudoVersionTime(version) {
    const stamp = /(\d{14})-[^-]+$/.exec(version.split('+')[0])?.[1] ?? '';
    const [y, mo, d, h, mi, s] = stamp.match(/^(\d{4})|\d\d/g) ?? [];
    return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
/**
 * An .info answer (`requested` is its version: Go wants exactly that one back) or an @latest
 * answer (Go takes any version it names; the probe wants a valid one to ask for).
 */
function parseInfo(body, contentType, requested) {
    const what = requested ? `${requested}.info` : '@latest';
    const info = failingAsHtml(body, contentType, what, () => decodeRevInfo(decode(body), what));
    if (requested && info.Version !== requested) {
        throw new probe_errors/* ContentError */.yg(`proxy returned info for version ${info.Version || '""'} instead of requested version ${requested}`);
    }
    if (!semver/* isValid */.fn(info.Version)) {
        throw new probe_errors/* ContentError */.yg(`${what} has no valid "Version" field`);
    }
    return info;
}
/** The go.mod Go reads (modfile.ParseLax) must name `path` in its one module statement. */
function checkGoMod(body, contentType, path) {
    const declared = failingAsHtml(body, contentType, 'go.mod', () => moduleOf(decode(body)));
    if (declared !== path)
        throw new probe_errors/* ContentError */.yg(`go.mod declares module ${declared}, want ${path}`);
}
function moduleOf(text) {
    let found;
    try {
        found = (0,modfile/* statements */.F)(text, 'go.mod').filter(s => s.verb === 'module');
    }
    catch (err) {
        throw new probe_errors/* ContentError */.yg(err.message);
    }
    if (found.length === 0)
        throw new probe_errors/* ContentError */.yg('go.mod has no module directive');
    if (found.length > 1)
        throw new probe_errors/* ContentError */.yg(`go.mod:${found[1].line}: repeated module statement`);
    const [{ args, line }] = found;
    if (args.length !== 1)
        throw new probe_errors/* ContentError */.yg(`go.mod:${line}: usage: module module/path`);
    return args[0];
}
/** Runs `read`; when it fails on an HTML page, the failure says what the page is. */
function failingAsHtml(body, contentType, what, read) {
    try {
        return read();
    }
    catch (err) {
        const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
        const html = /text\/html/i.test(contentType) ||
            head.startsWith('<!doctype html') ||
            head.startsWith('<html');
        if (!html)
            throw err;
        throw new probe_errors/* ContentError */.yg(`${what} is an HTML page: not a Go module proxy (captive portal?)`);
    }
}

;// CONCATENATED MODULE: ./src/build/retract.ts
// The versions a go.mod retracts (golang.org/x/mod/modfile: `retract v1.2.3` or
// `retract [v1.0.0, v1.0.5]`, on a line or in a block), as cmd/go/internal/modload's
// CheckRetractions reads them from the go.mod of a module's latest version: with modfile.ParseLax,
// which skips a retract line it cannot read and keeps the others.


/**
 * Whether `goMod` (the text of a module's latest go.mod) retracts a version. A go.mod the lexer
 * refuses retracts nothing: Go then allows every version (its error is not ErrDisallowed).
 */
function retractedBy(goMod) {
    let intervals;
    try {
        intervals = (0,modfile/* statements */.F)(goMod, 'go.mod')
            .filter(s => s.verb === 'retract')
            .flatMap(s => intervalOf(s.args));
    }
    catch {
        return () => false;
    }
    return version => intervals.some(([low, high]) => semver/* compare */.UD(low, version) <= 0 && semver/* compare */.UD(version, high) <= 0);
}
/** modfile's parseVersionInterval, lax: none for a line it cannot read. */
function intervalOf(args) {
    const [first, low, comma, high, last] = args;
    if (first !== '[') {
        const version = canonical(first);
        return version ? [[version, version]] : [];
    }
    if (comma !== ',' || last !== ']')
        return [];
    const [from, to] = [canonical(low), canonical(high)];
    return from && to ? [[from, to]] : [];
}
/** module.CanonicalVersion, which modfile's parseVersion writes a version as (v1.2 → v1.2.0). */
function canonical(version) {
    if (version === undefined || !semver/* isValid */.fn(version))
        return undefined;
    return semver/* canonical */.$N(version) + (version.endsWith('+incompatible') ? '+incompatible' : '');
}

;// CONCATENATED MODULE: ./src/probe/requests.ts



/** Caps far below Go's 500 MiB: enough for any probe module, small enough for a runner. */
const TEXT_CAP = 4 << 20;
/** `<base>/<escaped module path>/<rest>`, e.g. rest `@v/list` or `@latest`. */
function moduleUrl(base, path, rest) {
    return (0,urlpath/* joinUrlPath */.zR)(base, `${(0,urlpath/* pathEscape */.$P)((0,xmod_module/* escapePath */.ft)(path))}/${rest}`);
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
        accept: res => parseList(res.body)
    };
}
function latestRequest(base, path) {
    return {
        endpoint: 'latest',
        module: `${path}@latest`,
        url: moduleUrl(base, path, '@latest'),
        maxBytes: TEXT_CAP,
        accept: res => parseInfo(res.body, res.contentType)
    };
}
/**
 * An .info; `exact`: Go wants that very version back (proxy.go Stat asks it of a canonical
 * version only).
 */
function infoRequest(base, path, version, exact = true) {
    return {
        endpoint: 'info',
        module: `${path}@${version}`,
        url: (0,urlpath/* versionFileUrl */.sc)(base, path, version, 'info'),
        maxBytes: TEXT_CAP,
        accept: res => parseInfo(res.body, res.contentType, exact ? version : undefined)
    };
}
/**
 * A .mod, whatever it says: resolving @latest reads it as bytes (query.go versionHasGoMod), the
 * probe of a version then checks it. Shared by URL, so the two are one request.
 */
function modRequest(base, path, version) {
    return {
        endpoint: 'mod',
        module: `${path}@${version}`,
        url: (0,urlpath/* versionFileUrl */.sc)(base, path, version, 'mod'),
        maxBytes: TEXT_CAP,
        accept: res => res
    };
}

;// CONCATENATED MODULE: ./src/probe/latest.ts




/** The query failed on a go.mod it had to read: its record says why. */
class GoModUnavailable extends Error {
}
/**
 * The versions a latest query considers, in ascending order (query.go filterVersions): once a
 * +incompatible version follows a compatible one whose go.mod is real (not the one-line go.mod a
 * proxy makes up for a module without one), the +incompatible versions are left out, and so is
 * everything above them. `hasGoMod` fetches that go.mod.
 */
async function consideredVersions(versions, hasGoMod) {
    // semver.Sort: by precedence, then as strings (v1.2 before v1.2.0).
    const sorted = [...versions].sort((a, b) => semver/* compare */.UD(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    const considered = [];
    let lastCompatible;
    for (const [index, version] of sorted.entries()) {
        if (!version.endsWith('+incompatible'))
            lastCompatible = version;
        else if (lastCompatible !== undefined) {
            if (await hasGoMod(lastCompatible))
                break;
            // No go.mod: legacy major-version tags count, from here on.
            return [...considered, ...sorted.slice(index)];
        }
        considered.push(version);
    }
    return considered;
}
/** The newest release of the considered versions, else the newest pre-release. */
async function latestFromList(versions, hasGoMod) {
    const considered = await consideredVersions(versions, hasGoMod);
    const releases = considered.filter(v => !semver/* prerelease */.Rt(v));
    return releases.at(-1) ?? considered.at(-1);
}
/** The requests of one resolution, shared with the probes that follow (runShared). */
class Asker {
    base;
    path;
    requester;
    records = [];
    constructor(base, path, requester) {
        this.base = base;
        this.path = path;
        this.requester = requester;
    }
    /** Whether `version` has a go.mod of its own; throws GoModUnavailable when it cannot be read. */
    hasGoMod = async (version) => {
        const body = await this.goMod(version);
        if (body === undefined)
            throw new GoModUnavailable();
        // modfetch.LegacyGoMod: what a proxy serves for a module version without a go.mod.
        return body !== `module ${this.path}\n`;
    };
    async goMod(version) {
        const outcome = await this.requester.runShared(modRequest(this.base, this.path, version));
        this.records.push(outcome.record);
        return outcome.ok ? outcome.value.body.toString('latin1') : undefined;
    }
    /** The version Go's Stat gives back for `version` (its .info, unless canonical already). */
    async stat(version) {
        if (isCheckedVersion(this.path, version))
            return version;
        const info = await this.requester.runShared(infoRequest(this.base, this.path, version, false));
        this.records.push(info.record);
        return info.ok ? info.value.Version : undefined;
    }
    async latest() {
        const latest = await this.requester.run(latestRequest(this.base, this.path));
        this.records.push(latest.record);
        return latest;
    }
}
/**
 * The version `go get M@latest` takes on this candidate, with the requests that decided it (the
 * query of modload/query.go with CheckAllowed): the newest of the list, @latest, or the list by
 * time, as latestIgnoringRetractions picks; then, if that version's go.mod retracts it (modload
 * CheckRetractions), the newest version the list holds that it does not retract, else @latest if
 * that is not retracted, else no version ("no matching versions"). `probe` asks for the files of
 * the version taken: those of the first pick go out while its go.mod is read (they share that
 * request), so only a retracted pick costs a round trip, and its files then count for nothing.
 */
async function resolveLatest(base, path, list, requester, probe) {
    const ask = new Asker(base, path, requester);
    const done = async (version) => ({
        version,
        records: ask.records,
        probed: version === undefined ? undefined : await probe(version)
    });
    const first = await latestIgnoringRetractions(ask, list);
    if (!first.version)
        return done();
    const [probed, goMod] = await Promise.all([probe(first.version), ask.goMod(first.version)]);
    const retracted = goMod === undefined ? () => false : retractedBy(goMod);
    if (!retracted(first.version))
        return { version: first.version, records: ask.records, probed };
    const allowed = list.versions.filter(v => !retracted(v));
    let fromList;
    try {
        fromList = await latestFromList(allowed, ask.hasGoMod);
    }
    catch (err) {
        if (err instanceof GoModUnavailable)
            return done();
        throw err;
    }
    if (fromList)
        return done(await ask.stat(fromList));
    // Go's repo.Latest: @latest, else (404/410) the list's newest line by time; another error is
    // the query's own.
    const latest = first.latest ?? (await ask.latest());
    if (!latest.ok && !latest.notFound)
        return done();
    const version = latest.ok ? await ask.stat(latest.value.Version) : list.newestByTime;
    if (version && !retracted(version)) {
        latest.record.ok = true;
        latest.record.problem = undefined;
        return done(version);
    }
    latest.record.ok = false;
    latest.record.problem = `no matching versions for query "latest" (the go.mod of ${first.version} retracts every version this proxy offers)`;
    return done();
}
/**
 * modload's queryLatestVersionIgnoringRetractions on this candidate: the version, and @latest's
 * answer if it was asked.
 */
async function latestIgnoringRetractions(ask, list) {
    let fromList;
    try {
        fromList = await latestFromList(list.versions, ask.hasGoMod);
    }
    catch (err) {
        if (err instanceof GoModUnavailable)
            return {};
        throw err;
    }
    if (fromList)
        return { version: await ask.stat(fromList) };
    const latest = await ask.latest();
    if (latest.ok)
        return { version: await ask.stat(latest.value.Version), latest };
    if (!latest.notFound)
        return { latest };
    if (!list.newestByTime) {
        latest.record.problem = `no matching versions for query "latest" (${latest.record.problem})`;
        return { latest };
    }
    // A missing @latest is no failure: Go reads the list instead.
    latest.record.ok = true;
    latest.record.problem = undefined;
    return { version: list.newestByTime, latest };
}
/** Whether Go's Stat wants this very version back: canonical, and valid for the path. */
function isCheckedVersion(path, version) {
    try {
        (0,xmod_module/* checkVersion */.ps)(path, version);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/http/judge.ts + 1 modules
var judge = __webpack_require__(1680);
;// CONCATENATED MODULE: ./src/probe/module-probe.ts









const ZIP_CAP = 64 << 20;
const ZIP_LIMITS = { maxUncompressed: 256 << 20, maxGoModOrLicense: 16 << 20 };
/**
 * Probes one module on one candidate as the go command resolves it: a pinned version's .info,
 * .mod and .zip at once; else the list first, then the version it names (@latest only when it
 * tags none, since only then does Go ask). For a pinned module, a list that fails (an
 * allow-listing mirror's 403, a cache-only proxy's 500 with its upstream gone) leaves the builds
 * that pin it working: degraded, not unusable.
 */
async function probeModule(base, module, checks, requester) {
    const list = askList(base, module, requester);
    if (module.version !== 'latest') {
        const [listOutcome, files] = await Promise.all([
            list,
            probeVersion(base, module.path, module.version, checks, requester)
        ]);
        if (!listOutcome.ok)
            listOutcome.record.tolerated = true;
        const unlisted = listOutcome.ok
            ? await latestOfEmptyList(base, module.path, listOutcome.value, checks, requester, module.version)
            : [];
        const records = [listOutcome.record, ...unlisted, ...files.records];
        return { ...files, records, version: module.version };
    }
    const listOutcome = await list;
    const probe = (version) => probeVersion(base, module.path, version, checks, requester);
    const resolved = listOutcome.ok
        ? await resolveLatest(base, module.path, listOutcome.value, requester, probe)
        : { records: [] };
    // With no version, a failed request among these says why.
    const records = [listOutcome.record, ...resolved.records];
    const files = resolved.probed;
    if (!resolved.version || !files)
        return { records };
    return { ...files, records: [...records, ...files.records], version: resolved.version };
}
/** A module's version list; advisory for a pinned module, whose builds never read it. */
function askList(base, module, requester) {
    const asker = module.version === 'latest' ? requester : requester.advisory();
    return asker.runShared(listRequest(base, module));
}
/**
 * A list that tags no version (an empty one, as a proxy cut off from its upstream serves) sends
 * `go get M@latest` to @latest and on, then to the files of the version it resolves; when that
 * fails, so does `go get M@latest` through this entry ("no matching versions" when nothing
 * resolves). The builds that pin the module still work: these requests are advisory (the
 * breaker does not count them), and their failures make the candidate degraded.
 */
async function latestOfEmptyList(base, path, list, checks, requester, pinnedVersion) {
    if (list.versions.length > 0)
        return [];
    const advisory = requester.advisory();
    // The pinned version's files are probed already.
    const probe = async (version) => version === pinnedVersion ? undefined : probeVersion(base, path, version, checks, advisory);
    const resolved = await resolveLatest(base, path, list, advisory, probe);
    const records = [...resolved.records, ...(resolved.probed?.records ?? [])];
    for (const record of records)
        if (!record.ok)
            record.tolerated = true;
    return records;
}
async function probeVersion(base, path, version, checks, requester) {
    const module = `${path}@${version}`;
    const served = { path, version };
    const probes = [
        requester.runShared(infoRequest(base, path, version))
    ];
    if (checks !== 'quick') {
        const mod = requester.runShared(modRequest(base, path, version));
        probes.push(mod.then(outcome => checkedGoMod(outcome, path, served)));
    }
    if (checks === 'full') {
        probes.push(requester.run({
            endpoint: 'zip',
            module,
            url: (0,urlpath/* versionFileUrl */.sc)(base, path, version, 'zip'),
            maxBytes: ZIP_CAP,
            accept: async (res) => {
                served.zipHash = await readZipHash(res.body, path, version, requester.signal);
            }
        }));
    }
    const outcomes = await Promise.all(probes);
    return { records: outcomes.map(o => o.record), served };
}
/**
 * The .mod's outcome once its module statement is checked (the request may have been made to
 * resolve @latest, which reads it as bytes): on success its content is `served`.
 */
function checkedGoMod(outcome, path, served) {
    if (!outcome.ok)
        return outcome;
    try {
        checkGoMod(outcome.value.body, outcome.value.contentType, path);
        served.goMod = outcome.value.body;
    }
    catch (err) {
        if (!(err instanceof probe_errors/* ContentError */.yg))
            throw err;
        outcome.record.ok = false;
        outcome.record.problem = (0,judge/* namingEncoding */._)(err, outcome.value).message;
    }
    return outcome;
}
/** The h1: of a module zip that passes x/mod's checks; a ContentError names the first problem. */
async function readZipHash(zip, path, version, signal, limits = ZIP_LIMITS) {
    // A reader that cannot be loaded (a partial install of the bundle) is the runner's failure.
    await loadZipReader().catch((err) => {
        throw new http_types/* LocalError */.il(`cannot load the zip reader: ${(0,logger/* messageOf */.bD)(err)}`);
    });
    const check = await checkModuleZip(zip, path, version, limits, signal);
    const problem = check.problems[0];
    if (problem)
        throw new probe_errors/* ContentError */.yg(`invalid module zip: ${problem.message}`);
    if (!check.h1)
        throw new probe_errors/* ContentError */.yg('invalid module zip: could not be read whole');
    return check.h1;
}

// EXTERNAL MODULE: ./src/http/requester.ts + 3 modules
var http_requester = __webpack_require__(915);
// EXTERNAL MODULE: ./src/http/record.ts
var http_record = __webpack_require__(1007);
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
        reason: (0,http_record/* probeReason */.J)(record) + (i === 0 && record.attempts > 0 ? breakerNote : '')
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
    const refused = records.find(r => r.tolerated && r.endpoint !== 'supported');
    if (refused) {
        findings.push(degraded(`${(0,http_record/* probeReason */.J)(refused)}: builds that pin versions work, resolving new versions through it does not`));
    }
    const noDatabase = records.find(r => r.tolerated && r.endpoint === 'supported');
    if (noDatabase) {
        findings.push(degraded(`${(0,http_record/* probeReason */.J)(noDatabase)}: Go reaches the checksum database past it (the next entry across |, or a sumdb mirror), not through it`));
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
        (0,findings/* recordFinding */.h)(report, {
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
    const requester = new http_requester/* CandidateRequester */.M(o);
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
        void askList(base, m, requester);
    const asking = o.sumdbName
        ? askSumdbSupported(base, o.sumdbName, requester, {
            passable: candidate.entry.fallBackOnError || o.sumdbMirrored === true
        })
        : undefined;
    const probing = Promise.all(o.modules.map(m => probeModule(base, m, o.checks, requester)));
    const contact = await first;
    if (!contact.ok) {
        const reason = `${halfOpen ? 'half-open trial failed: ' : ''}${(0,http_record/* probeReason */.J)(contact.record)}`;
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
    // A request two modules share (the same list, .info or .mod) is one request, one record.
    const probes = [
        ...new Set([...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])])
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
    (0,findings/* settleVerdict */.V)(report);
    return report;
}
/** The requests that rode beside a failed first contact and reached the candidate. */
async function ridersSent(probing, asking, contact) {
    const [results, sumdb] = await Promise.all([probing, asking]);
    const records = new Set([...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])]);
    return [...records].filter(r => r !== contact && (r.attempts > 0 || r.gaveWay));
}
/**
 * 200: the proxy serves the database; 404/410: it does not (Go asks the next entry, or goes
 * direct). Another error fails the candidate, unless something may take Go past it (`passable`:
 * `|` after it, Go then asks the next entry; or a sumdb mirror): the error is then tolerated (a
 * degraded finding), and the chain decides (routeBreaker). A timeout never is: Go would hang.
 */
async function askSumdbSupported(base, name, requester, { passable }) {
    const outcome = await requester.run({
        endpoint: 'supported',
        module: name,
        url: (0,urlpath/* webJoin */.$V)(base, `sumdb/${name}/supported`),
        maxBytes: TEXT_CAP,
        accept: () => true,
        // When Go can get past its failure, that failure must not cut the candidate's files.
        advisory: passable
    });
    if (outcome.ok)
        return { record: outcome.record, support: 'supported' };
    const { record } = outcome;
    if (!outcome.notFound) {
        // Sent, and failed in a way Go moves on from (a timeout it would wait out; a breaker cut
        // means the candidate failed elsewhere).
        const movesOn = record.attempts > 0 && !record.timedOut && !record.breakerOpen;
        if (!passable || !movesOn)
            return { record };
        return { record: { ...record, tolerated: true }, support: 'failed' };
    }
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
    const breaker = (0,plan_breaker/* planBreaker */.Q)(plan, clock, recalled.breaker);
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
        sumdbName: sumdbToAsk(plan),
        sumdbMirrored: plan.sumdbMirrors.length > 0
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
// EXTERNAL MODULE: ./src/select/gate.ts
var gate = __webpack_require__(8233);
;// CONCATENATED MODULE: ./src/select/exported.ts

function exportedOf(selection, reports, failOn, run) {
    const { goproxy, chain } = selection;
    const probed = reports.filter(r => r.verdict !== 'skipped' || r.cached);
    return {
        goproxy,
        shown: goproxy === undefined ? undefined : displayChain(chain) || goproxy,
        selected: chain[0]?.candidate.display ?? (goproxy === 'direct' ? 'direct' : undefined),
        healthy: (0,gate/* headPassed */.jI)(selection, failOn),
        fallbackUsed: selection.fallbackUsed || run.sumdbMirrorUsed,
        cacheHit: !run.requested && probed.length > 0 && probed.every(r => r.cached)
    };
}
/** A chain as GOPROXY spells it, each entry by its display (redacted URL, or direct/off). */
function displayChain(chain) {
    return chain
        .map((r, i) => r.candidate.display +
        (i < chain.length - 1 ? (r.candidate.entry.fallBackOnError ? '|' : ',') : ''))
        .join('');
}

;// CONCATENATED MODULE: ./src/walk/ask-query.ts



/** A failed request's answer: missing (404/410), else failed, and whether Go stops there. */
function notServed(outcome, file) {
    const problem = (0,http_record/* probeReason */.J)(outcome.record);
    if (outcome.notFound)
        return { kind: 'missing', problem };
    // Go moves on across `|` only from an error of the fetch itself (a status, a broken
    // connection). It waits without a deadline on a proxy that does not answer, and checks a zip
    // only once fetched (modfetch downloadZip), so either stops the go command there.
    const stopsGo = outcome.record.timedOut === true || (outcome.badContent && file === 'zip');
    return { kind: 'failed', problem, ...(stopsGo && { stopsGo }) };
}
/**
 * A query asked of one proxy: served, with the version it resolves to, when the proxy's list (or
 * @latest) gives one whose .info it serves, or it serves the revision's .info.
 */
async function askQuery(base, module, requester) {
    const { path, version: query } = module;
    const match = queryMatch(query);
    // Refused queries fail the build's reading first (build/read.ts): no proxy is blamed for one.
    if (match.kind === 'refused')
        throw new Error(`refused query ${query} is asked`);
    if (match.kind === 'revision')
        return askRevision(base, path, query, requester);
    const list = await requester.run(listRequest(base, { path, version: query, text: query }));
    if (!list.ok)
        return notServed(list, 'query');
    const picked = pickFromList(list.value.versions, match);
    if (picked !== undefined)
        return resolvedBy(requester, infoRequest(base, path, picked));
    if (match.latest && list.value.versions.length === 0) {
        return askLatest(base, path, list.value.newestByTime, requester);
    }
    return noMatch(query);
}
/** Not a not-found: Go stops at it even before a `,` (queryProxy's NoMatchingVersionError). */
function noMatch(query) {
    return { kind: 'failed', problem: `no matching versions for query "${query}"` };
}
/**
 * `latest` of a module that lists no release: the proxy's @latest, else (when it has none) the
 * newest pseudo-version its list names (proxyRepo.Latest), else no match.
 */
async function askLatest(base, path, newestListed, requester) {
    const latest = await resolvedBy(requester, latestRequest(base, path));
    if (latest.kind !== 'missing')
        return latest;
    if (newestListed)
        return resolvedBy(requester, infoRequest(base, path, newestListed));
    return noMatch('latest');
}
/** A revision: its .info as written, then (for `v1.2.3+meta`) under its canonical form. */
async function askRevision(base, path, query, requester) {
    let answer = noMatch(query);
    for (const revision of revisionsOf(query)) {
        // A revision no version may spell (`feature/x`) fails the build's reading first.
        answer = await resolvedBy(requester, infoRequest(base, path, revision, false));
        if (answer.kind === 'served')
            return answer;
    }
    return answer;
}
async function resolvedBy(requester, request) {
    const info = await requester.run(request);
    return info.ok ? { kind: 'served', resolved: info.value.Version } : notServed(info, 'query');
}

// EXTERNAL MODULE: ./src/checksum/compare.ts
var compare = __webpack_require__(8292);
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
 * is downloaded whole (out of memory, to a file `spoolTo` gives, when given) and hashed, else only
 * its first bytes are read, to see it is being served (a build downloads it whole later).
 */
function fileRequest(base, module, file, checks, signal, spoolTo) {
    const request = {
        endpoint: file,
        module: `${module.path}@${module.version}`,
        url: (0,urlpath/* versionFileUrl */.sc)(base, module.path, module.version, file)
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
            hash: (0,dirhash/* hashGoMod */.hK)(res.body),
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
            accept: async (res) => {
                const zip = res.bodyFile ? { file: res.bodyFile } : res.body;
                return { hash: await readZipHash(zip, path, version, signal, GO_ZIP_LIMITS) };
            }
        };
    }
    return {
        ...request,
        maxBytes: BUILD_ZIP_CAP,
        firstBytes: ZIP_MAGIC.length,
        accept: res => {
            if (!res.body.equals(ZIP_MAGIC))
                throw new probe_errors/* ContentError */.yg('answer is not a zip file');
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
            requester = new http_requester/* CandidateRequester */.M({
                http: run.http,
                clock: run.clock,
                limit: run.limit,
                breaker: (0,plan_breaker/* planBreaker */.Q)(plan, run.clock),
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
    if (file === 'query')
        return askQuery(base, module, requester);
    const expected = file === 'mod' ? module.modHash : module.zipHash;
    // Spool files are made only for a 200 from the network (one an attempt); a file:// proxy's zip
    // is read where it lies.
    const spooled = [];
    const spoolTo = file === 'zip' && checks === 'full'
        ? async () => {
            const path = await spool.file();
            spooled.push(path);
            return path;
        }
        : undefined;
    const request = fileRequest(base, module, file, checks, requester.signal, spoolTo);
    const outcome = await requester
        .run(request)
        .finally(() => Promise.all(spooled.map(f => (0,promises_.rm)(f, { force: true }).catch(() => undefined))));
    if (!outcome.ok)
        return notServed(outcome, file);
    const { hash, goMod } = outcome.value;
    const served = goMod ? { kind: 'served', goMod } : { kind: 'served' };
    // An .info has no go.sum line and no record: serving it is all Go asks of it.
    if (file === 'info')
        return served;
    if (expected === undefined)
        return { ...served, unlisted: file, hash };
    if (hash === undefined || hash === expected)
        return served;
    // A toolchain has no go.sum line: its hashes are the checksum database's.
    const source = module.path === gosumdb/* TOOLCHAIN_MODULE */.xc ? 'the checksum database' : 'go.sum';
    return { kind: 'contradicts', problem: mismatch(module, file, hash, expected, source) };
}
/**
 * A served file with no go.sum line, checked as the go command checks it: against the checksum
 * database's record, at every level of `checks` (its content only when it was read whole).
 * Content that differs contradicts it; no record, no answer, or a record with no line for the
 * file leaves it unverified, and Go fails the download (modfetch checkSumDB) whichever entry
 * served it. Without a database to ask (GOSUMDB=off, GONOSUMDB) serving it is enough.
 */
async function checkUnlisted(module, file, asked, lookUpRecord) {
    const { unlisted, hash, ...served } = asked;
    if (!unlisted)
        return served;
    const said = await lookUpRecord(module);
    if (!said)
        return served;
    if ('problem' in said)
        return { kind: 'unverified', problem: said.problem };
    const expected = file === 'mod' ? said.record.modHash : said.record.zipHash;
    if (expected === undefined)
        return { kind: 'unverified', problem: (0,compare/* checksumMissing */.e)(module, unlisted) };
    if (hash === undefined || expected === hash)
        return served;
    const problem = mismatch(module, file, hash, expected, 'the checksum database');
    return { kind: 'contradicts', problem };
}
function mismatch(module, file, hash, expected, source) {
    return `${module.path}@${module.version} ${fileName(file)} hashes to ${hash} but ${source} says ${expected}`;
}
function fileName(file) {
    return file === 'mod' ? 'go.mod' : 'zip';
}

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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
    const recalledSumdb = recallSumdbOnce(plan, effects);
    const http = countedRequests(withFileUrls(effects.http));
    const run = {
        ...effects,
        http: http.get,
        limit: (0,limiter/* createLimiter */.z)(plan.concurrency),
        recall: verdicts && (await verdictRecall(verdicts, plan, recalledSumdb))
    };
    const toolchains = build.toolchains.flatMap(t => (t.module ? [t.module] : []));
    const { probed, sessions } = await probeAndLookUp(plan, run, toolchains);
    const { reports } = probed;
    // Started now, judged below: the build's files with no go.sum line wait for its route.
    const checked = (0,checksum_integrity/* checkIntegrity */._D)(plan, reports, run, toolchains, sessions);
    const recalledGosumdb = async () => (await recalledSumdb())?.gosumdb;
    const chain = () => selectChain(reports, plan.strategy, plan.onFailure).chain;
    const lookUpRecord = (0,record_lookup/* recordLookup */.g)(plan, checked, { sessions, reports, chain, recalledGosumdb });
    const known = (c) => cachedAnswers(reports, c.id);
    const asker = createAsker(plan, run, { known, lookUpRecord, spool });
    const answered = () => reports.map(r => ({
        candidate: r.candidate,
        answers: { ...r.buildAnswers, ...asker.answersOf(r.candidate) }
    }));
    const { store, clock, credentialsOf } = effects;
    const memory = store && { store, clock, credentialsOf };
    const choice = { plan, reports, build, ask: asker.ask, answered, recalledSumdb, memory };
    // The build is asked of the chain the probes point to while the database is consulted; those
    // answers are only remembered here, and judged once every candidate's verdict is settled.
    const [integrity] = await Promise.all([checked, (0,walk/* walkBuild */.gN)(plan, build, chain(), asker.ask)]);
    reports.forEach(findings/* settleVerdict */.V);
    const fresh = reports.filter(r => !r.cached);
    staleFindings(fresh, semver/* compare */.UD);
    fresh.forEach(findings/* settleVerdict */.V);
    const chosen = await chooseChain(choice, integrity);
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
        exported: exportedOf(selection, reports, plan.failOn, {
            sumdbMirrorUsed: sumdb.mirrorUsed,
            requested: http.requested()
        }),
        integrity,
        startedAt,
        durationMs: effects.clock.now() - startedAt
    };
}
/** Requests counted, so that a warm run that still asks anything is no cache hit. */
function countedRequests(http) {
    let requests = 0;
    return {
        get: request => {
            requests++;
            return http(request);
        },
        requested: () => requests > 0
    };
}
/**
 * Probes every candidate. The database lookups for what each served start as its probes end (see
 * lookupsAhead); their answers wait in `sessions` for checkIntegrity.
 */
async function probeAndLookUp(plan, run, toolchains) {
    const sessions = plan.gosumdb.kind === 'db' ? new route_checker/* RouteSessions */.A(plan, plan.gosumdb, run) : undefined;
    const lookUpServed = lookupsAhead(plan, sessions, toolchains);
    const onProbed = (report) => {
        lookUpServed(report);
        run.onProbed?.(report);
    };
    return { probed: await probeAll(plan, { ...run, onProbed }), sessions };
}
/** The go.sum and go.mod files of the working directory (or those `go-sum` lists), read whole. */
async function readTheBuild(plan) {
    const { goSum, workingDirectory, gowork, goflags, platform, toolchain } = plan.build;
    const env = { GOWORK: gowork, GOFLAGS: goflags };
    const found = await (0,discover/* discoverGoSums */.SO)({ goSum, workingDirectory, env });
    const build = await readBuild(found, platform);
    return { ...build, toolchains: toolchainsToFetch(build, toolchain, platform), found };
}
/**
 * What a candidate's cached report keeps: its own answers, not the database's (`unverified`), nor
 * what a go.mod query resolved to, which moves as versions are published.
 */
function ownAnswers(answers) {
    return Object.fromEntries(Object.entries(answers).filter(([key, a]) => a.kind !== 'unverified' && !key.endsWith(' query')));
}
function cachedAnswers(reports, id) {
    return reports.find(r => r.candidate.id === id && r.cached)?.buildAnswers;
}


/***/ })

};
