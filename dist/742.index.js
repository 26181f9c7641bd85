export const id = 742;
export const ids = [742];
export const modules = {

/***/ 4182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/goenv/gosumdb.ts
var goenv_gosumdb = __webpack_require__(1550);
// EXTERNAL MODULE: ./src/goenv/patterns.ts
var patterns = __webpack_require__(4130);
;// CONCATENATED MODULE: ./src/goenv/platform.ts
// GOOS and GOARCH: the platform the go command runs on, named as Go names it.
const GOOS = {
    aix: 'aix',
    darwin: 'darwin',
    freebsd: 'freebsd',
    linux: 'linux',
    netbsd: 'netbsd',
    openbsd: 'openbsd',
    win32: 'windows'
};
const GOARCH = {
    arm: 'arm',
    arm64: 'arm64',
    ia32: '386',
    loong64: 'loong64',
    mips: 'mips',
    mipsel: 'mipsle',
    riscv64: 'riscv64',
    s390x: 's390x',
    x64: 'amd64'
};
/**
 * The GOOS and GOARCH of a Node platform and architecture (process.platform, process.arch);
 * undefined where Go has no port or Node's name is ambiguous (sunos: illumos or solaris).
 */
function goPlatformOf(platform, arch) {
    const goos = GOOS[platform];
    // Node says ppc64 for both: AIX runs big-endian, Linux (the only other port) little-endian.
    const goarch = arch === 'ppc64' ? (goos === 'aix' ? 'ppc64' : 'ppc64le') : GOARCH[arch];
    return goos && goarch ? { goos, goarch } : undefined;
}

// EXTERNAL MODULE: ./src/gostd/errors.ts
var errors = __webpack_require__(3180);
// EXTERNAL MODULE: ./src/gostd/gover.ts
var gover = __webpack_require__(8972);
;// CONCATENATED MODULE: ./src/goenv/gotoolchain.ts
/**
 * GOTOOLCHAIN, read as cmd/go/internal/toolchain (select.go) reads it: `local`, `auto`, `path`, a
 * toolchain name, or `<name|local>+auto` / `+path`. It decides which toolchain the go command
 * downloads: none with `local` or `path`, the one it names, or, with `auto`, what go.mod asks
 * for when that is newer than its minimum.
 */


/**
 * Parses GOTOOLCHAIN; unset (no Go found to read its go.env) is Go's own default, `auto`.
 * Throws GoEnvError, in Go's words, on a value the go command refuses.
 */
function parseGotoolchain(value) {
    if (!value || value === 'auto')
        return { mode: 'auto' };
    if (value === 'path')
        return { mode: 'path' };
    const [min, suffix] = value.split(/\+(.*)/s, 2);
    const plus = suffix !== undefined;
    if (min !== 'local' && (0,gover/* versionOfToolchain */.H5)(min) === '') {
        const why = plus ? `: invalid minimum toolchain ${JSON.stringify(min)}` : '';
        throw new errors/* GoEnvError */.O(`invalid GOTOOLCHAIN ${JSON.stringify(value)}${why}`);
    }
    if (plus && suffix !== 'auto' && suffix !== 'path') {
        throw new errors/* GoEnvError */.O(`invalid GOTOOLCHAIN ${JSON.stringify(value)}: only version suffixes are +auto and +path`);
    }
    const mode = suffix === 'auto' || suffix === 'path' ? suffix : 'fixed';
    return min === 'local' ? { mode } : { min, mode };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/errors.ts
var config_errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/glob.ts
var glob = __webpack_require__(3334);
;// CONCATENATED MODULE: ./src/config/go-sum.ts
// The `go-sum` and `working-directory` inputs, checked before anything is read from disk.




const WORDS = ['auto', 'none'];
/**
 * Parses `go-sum`: empty or `auto`, `none`, or paths and patterns separated by newlines or commas
 * (a path may hold spaces). Throws InputError on a malformed pattern, one that is absolute or
 * leaves the working directory, or `auto`/`none` inside a list.
 */
function parseGoSumInput(text) {
    const items = (text ?? '')
        .split(/[\n,]/)
        .map(item => item.trim())
        .filter(Boolean);
    if (items.length === 0 || (items.length === 1 && items[0] === 'auto'))
        return { kind: 'auto' };
    if (items.length === 1 && items[0] === 'none')
        return { kind: 'none' };
    return {
        kind: 'listed',
        items: items.map(item => {
            if (WORDS.includes(item)) {
                throw new config_errors/* InputError */.d(constants/* Inputs */.G0.GoSum, text ?? '', `lists ${item}, which stands alone`);
            }
            if (!(0,glob/* isGlob */.fg)(item))
                return { kind: 'path', path: item };
            try {
                return { kind: 'glob', glob: (0,glob/* compileGlob */.SO)(item) };
            }
            catch (err) {
                throw new config_errors/* InputError */.d(constants/* Inputs */.G0.GoSum, item, err.message);
            }
        })
    };
}
/**
 * The directory the build is looked for in: `working-directory` resolved against the job's
 * workspace (GITHUB_WORKSPACE), else against the current directory; either of them when empty.
 */
function resolveWorkingDirectory(input, env, cwd) {
    const base = (0,external_node_path_.resolve)(cwd, env.GITHUB_WORKSPACE?.trim() || '.');
    return (0,external_node_path_.resolve)(base, input?.trim() || '.');
}

// EXTERNAL MODULE: ./src/credentials/redact.ts
var redact = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/goenv/proxylist.ts
var proxylist = __webpack_require__(2057);
;// CONCATENATED MODULE: ./src/config/candidates.ts




/**
 * Reads a GOPROXY-syntax value (the `proxies` or `mirrors` input, or $GOPROXY) into candidates.
 * In an input, newlines count as `,` so a YAML block list works; $GOPROXY is read as Go reads it.
 * Credentials over http are refused, as the go command refuses them.
 */
function parseCandidates({ name, text: value, fromEnv }, role, platform) {
    const text = fromEnv ? value : value.replace(/\r?\n/g, ',');
    const entries = (0,config_errors/* forInput */.c)(name, value, () => (0,proxylist/* parseProxyList */.WY)(text, { platform }));
    const idPrefix = role === 'primary' ? constants/* Inputs */.G0.Proxies : constants/* Inputs */.G0.Mirrors;
    return entries.map((entry, index) => {
        refuseInsecureCredentials(name, value, entry);
        return { id: `${idPrefix}[${index}]`, role, entry, display: displayOf(entry) };
    });
}
function refuseInsecureCredentials(input, value, entry) {
    if (entry.kind !== 'proxy' || !(0,redact/* credentialsOf */.YN)(entry.url))
        return;
    if (!entry.url.toLowerCase().startsWith('https:')) {
        throw new config_errors/* InputError */.d(input, value, `has credentials in an http:// URL (${(0,redact/* redactUrl */.BO)(entry.url)}); the go command refuses to send credentials to an insecure URL — use https://`);
    }
}
function displayOf(entry) {
    return (0,redact/* redactUrl */.BO)((0,proxylist/* entryText */.u0)(entry));
}

;// CONCATENATED MODULE: ./src/config/network.ts
// What of the job's environment shapes every request besides the inputs: which CAs are trusted,
// which forward proxy carries a request, the TLS that GODEBUG allows, the runner's OS (its trust
// store). A verdict reached under one of these is not one for another (see the verdict cache).


const TRUST = ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS'];
const PROXIES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const NO_PROXY = ['NO_PROXY', 'no_proxy'];
/** A canonical text of those settings, the forward proxies' credentials left out. */
function networkScope(env, platform) {
    const pick = (names, show = (v) => v) => names.map(name => [name, env[name] === undefined ? null : show(env[name])]);
    return JSON.stringify([
        platform,
        ...pick(TRUST),
        ...pick(PROXIES, redact/* stripCredentials */.PH),
        ...pick(NO_PROXY),
        ...pick([constants/* GODEBUG */.Kl])
    ]);
}

// EXTERNAL MODULE: ./src/xmod/module.ts + 1 modules
var xmod_module = __webpack_require__(4530);
;// CONCATENATED MODULE: ./src/config/values.ts
/** Parsers for scalar inputs; each error names the input and the value. */

function parseInteger(input, value, min, max) {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new config_errors/* InputError */.d(input, value, `must be a whole number from ${min} to ${max}`);
    }
    return n;
}
function parseRatio(input, value) {
    const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
    if (!(n > 0 && n <= 1))
        throw new config_errors/* InputError */.d(input, value, 'must be a number above 0 and at most 1');
    return n;
}
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * A duration such as `90s`, `10m`, `1h`, `1m30s` or `500ms`; a bare number is in `bareUnit`.
 * Returns milliseconds.
 */
function parseDuration(input, value, bareUnit, maxMs, allowZero = false) {
    const text = value.trim();
    let ms;
    if (/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
        ms = Number(text) * UNITS[bareUnit];
    }
    else if (/^((\d+(\.\d*)?|\.\d+)(ms|s|m|h))+$/.test(text)) {
        ms = 0;
        for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d*)?|\.\d+)(ms|s|m|h)/g)) {
            ms += Number(amount) * UNITS[unit];
        }
    }
    else {
        throw new config_errors/* InputError */.d(input, value, 'is not a duration (examples: 10, 90s, 10m, 1h)');
    }
    // Checked after rounding to whole milliseconds, so "0.1ms" cannot become a zero timeout.
    const rounded = Math.round(ms);
    if ((!allowZero && rounded <= 0) || ms > maxMs || !Number.isFinite(ms)) {
        throw new config_errors/* InputError */.d(input, value, `must be ${allowZero ? 'at least 0' : 'at least 1 ms'} and at most ${maxMs / 1000} s`);
    }
    return rounded;
}
function parseBoolean(input, value) {
    const text = value.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    throw new config_errors/* InputError */.d(input, value, 'must be true or false');
}
function parseChoice(input, value, choices) {
    const text = value.trim();
    if (!choices.includes(text))
        throw new config_errors/* InputError */.d(input, value, `must be one of: ${choices.join(', ')}`);
    return text;
}
/** Splits a list input at newlines, commas or spaces, dropping empty items. */
function splitList(value) {
    return value.split(/[\s,]+/).filter(Boolean);
}

;// CONCATENATED MODULE: ./src/config/modules.ts



/** `path@version` (pinned) or `path` / `path@latest`, separated by newlines, commas or spaces. */
function parseProbeModules(input, value) {
    const items = splitList(value);
    if (items.length === 0)
        throw new config_errors/* InputError */.d(input, value, 'names no module');
    return items.map(text => {
        const at = text.indexOf('@');
        const path = at < 0 ? text : text.slice(0, at);
        const version = at < 0 ? 'latest' : text.slice(at + 1);
        try {
            (0,xmod_module/* checkModulePath */.iU)(path);
            if (version !== 'latest')
                (0,xmod_module/* checkVersion */.ps)(path, version);
        }
        catch (err) {
            throw new config_errors/* InputError */.d(input, text, `is not a module path@version: ${err.message}`);
        }
        return { path, version, text };
    });
}

// EXTERNAL MODULE: ./src/credentials/mask.ts
var mask = __webpack_require__(7380);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
;// CONCATENATED MODULE: ./src/config/profiles.ts




/** The inputs a profile may set; each is joined into the input's own text syntax when a list. */
const PROFILE_KEYS = {
    proxies: { input: constants/* Inputs */.G0.Proxies, listSeparator: ',' },
    mirrors: { input: constants/* Inputs */.G0.Mirrors, listSeparator: ',' },
    gosumdb: { input: constants/* Inputs */.G0.Gosumdb },
    'sumdb-mirrors': { input: constants/* Inputs */.G0.SumdbMirrors, listSeparator: '\n' },
    goprivate: { input: constants/* Inputs */.G0.Goprivate },
    gonoproxy: { input: constants/* Inputs */.G0.Gonoproxy },
    gonosumdb: { input: constants/* Inputs */.G0.Gonosumdb }
};
/**
 * The yaml package when `profiles` is given, else undefined: it is most of the code that reads
 * the inputs, and a run without profiles (or with a bad input) should not load it.
 */
async function loadYaml(raw) {
    if (profilesDocument(raw) === undefined)
        return undefined;
    // A chunk of the bundle of its own: a partial install fails here, naming what is missing.
    return __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19)).catch((err) => {
        throw new Error(`cannot load the YAML reader: ${(0,logger/* messageOf */.bD)(err)}`);
    });
}
/** The entry used when `profile` names no entry (or is empty). */
const DEFAULT_PROFILE = 'default';
/**
 * Applies the profile `profile` names from the `profiles` document: its values fill the inputs
 * left empty (an input given explicitly wins). `profile` is the name to report: the chosen name,
 * or `name (default)` when the `default` entry stood in for `name`.
 */
function applyProfile(raw, yaml) {
    const document = profilesDocument(raw);
    const wanted = raw[constants/* Inputs */.G0.Profile]?.trim() ?? '';
    if (document === undefined) {
        if (wanted) {
            const reason = 'is set but `profiles` is empty: there is no profile to choose';
            throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profile, wanted, reason);
        }
        return { raw };
    }
    if (!yaml)
        throw new Error('reading the profiles input needs the yaml package (see loadYaml)');
    const table = parseProfiles(document, yaml);
    const { name, profile } = chooseProfile(table, wanted);
    const values = profileInputs(name, profile);
    const merged = { ...raw };
    for (const [input, value] of Object.entries(values)) {
        if (!raw[input]?.trim())
            merged[input] = value;
    }
    return {
        raw: merged,
        profile: name === wanted || !wanted ? name : `${wanted} (${DEFAULT_PROFILE})`
    };
}
function profilesDocument(raw) {
    return raw[constants/* Inputs */.G0.Profiles]?.trim() ? raw[constants/* Inputs */.G0.Profiles] : undefined;
}
/** The document as a mapping of profile names; YAML merge keys (`<<: *base`) are honoured. */
function parseProfiles(text, yaml) {
    const doc = yaml.parseDocument(text, { prettyErrors: false, merge: true, uniqueKeys: true });
    const [error] = doc.errors;
    if (error) {
        const { line, where } = errorPlace(text, error.pos[0]);
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profiles, line, `is not valid YAML (${where}): ${error.message}`);
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (err) {
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profiles, excerpt(text), `cannot be read: ${err.message}`);
    }
    if (!isMapping(value)) {
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profiles, excerpt(text), `is ${kindOf(value)}, not a mapping of profile names to profiles`);
    }
    return value;
}
function chooseProfile(table, wanted) {
    if (wanted && Object.hasOwn(table, wanted))
        return { name: wanted, profile: table[wanted] };
    if (Object.hasOwn(table, DEFAULT_PROFILE)) {
        return { name: DEFAULT_PROFILE, profile: table[DEFAULT_PROFILE] };
    }
    const known = Object.keys(table).map(quoted).join(', ') || 'none';
    if (!wanted) {
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profile, '', `is empty and \`profiles\` has no \`${DEFAULT_PROFILE}\` entry: choose one with \`profile\` (known profiles: ${known})`);
    }
    throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profile, wanted, `is not in \`profiles\` and there is no \`${DEFAULT_PROFILE}\` entry (known profiles: ${known})`);
}
/** The profile's values as input text; a profile written as nothing (`dev:`) sets nothing. */
function profileInputs(name, profile) {
    if (profile === null)
        return {};
    if (!isMapping(profile)) {
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profiles, name, `is ${kindOf(profile)}; a profile must be a mapping of ${keyList()}`);
    }
    const values = {};
    for (const [key, value] of Object.entries(profile)) {
        const spec = Object.hasOwn(PROFILE_KEYS, key) ? PROFILE_KEYS[key] : undefined;
        if (!spec) {
            const reason = `in profile ${quoted(name)} is not a key a profile may set (use ${keyList()})`;
            throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profiles, key, reason);
        }
        values[spec.input] = valueText(name, key, value, spec.listSeparator);
    }
    return values;
}
function valueText(name, key, value, listSeparator) {
    if (typeof value === 'string')
        return value;
    if (listSeparator !== undefined &&
        Array.isArray(value) &&
        value.every(item => typeof item === 'string')) {
        return value.join(listSeparator);
    }
    const allowed = listSeparator === undefined ? 'a string' : 'a string or a list of strings';
    throw new config_errors/* InputError */.d(constants/* Inputs */.G0.Profiles, key, `in profile ${quoted(name)} must be ${allowed}, not ${kindOf(value)}`);
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What a value is, never the value itself (it may hold a password). */
function kindOf(value) {
    if (value === null || value === undefined)
        return 'empty';
    if (Array.isArray(value)) {
        return value.every(item => typeof item === 'string')
            ? 'a list of strings'
            : 'a list holding a non-string';
    }
    if (typeof value === 'object')
        return 'a mapping';
    return `a ${typeof value}`;
}
/** A profile name in a message; names are the user's text, so passwords in them are masked too. */
function quoted(name) {
    return JSON.stringify((0,mask/* maskCredentials */.Bs)(name));
}
function keyList() {
    return Object.keys(PROFILE_KEYS).join(', ');
}
/** The document's first line, to name the document in a message. */
function excerpt(text) {
    return cut(text.trim().split(/\r?\n/)[0], 60);
}
/** Where a syntax error is, and that line of the document (masked, cut) to show with it. */
function errorPlace(text, offset) {
    const before = text.slice(0, offset);
    if (!text.slice(offset).trim()) {
        // Only whitespace follows: the document ended too soon; its last line is the one to fix.
        return {
            line: cut(before.trimEnd().split(/\r?\n/).pop() ?? ''),
            where: 'at the end of the document'
        };
    }
    const start = before.lastIndexOf('\n') + 1;
    const end = text.indexOf('\n', offset);
    const line = text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
    return {
        line: cut(line),
        where: `line ${before.split('\n').length}, column ${offset - start + 1}`
    };
}
/** Masked before it is cut, so that a cut never leaves a password without its `@`. */
function cut(text, max = 80) {
    const masked = (0,mask/* maskCredentials */.Bs)(text.trim());
    return masked.length > max ? `${masked.slice(0, max)}…` : masked;
}

;// CONCATENATED MODULE: ./src/config/build.ts












/**
 * Validates every input and builds the plan; throws InputError on the first bad value. The chosen
 * profile fills the inputs left empty before anything else is read.
 */
function buildPlan(inputs, ctx) {
    const { raw, profile } = applyProfile(inputs, ctx.yaml);
    const value = name => (raw[name]?.trim() ? raw[name] : undefined);
    const probed = probing(value);
    return {
        ...sources(value, raw, ctx),
        ...probed,
        slowThresholdMs: slowThreshold(value, probed.timeoutMs),
        ...resilience(value, ctx),
        network: networkScope(ctx.env, ctx.platform),
        profile
    };
}
/** What to check: the candidates, the checksum database, the private patterns, the modules. */
function sources(value, raw, ctx) {
    const proxies = goSetting(value, ctx.env, constants/* Inputs */.G0.Proxies, constants/* GoEnv */.OB.Goproxy, constants/* GO_DEFAULT_GOPROXY */.cH);
    const mirrors = value(constants/* Inputs */.G0.Mirrors);
    const gosumdb = goSetting(value, ctx.env, constants/* Inputs */.G0.Gosumdb, constants/* GoEnv */.OB.Gosumdb, constants/* GO_DEFAULT_GOSUMDB */.lw);
    const modules = value(constants/* Inputs */.G0.ProbeModules) ?? constants/* DEFAULT_PROBE_MODULES */.tK.join('\n');
    return {
        candidates: [
            ...parseCandidates(proxies, 'primary', ctx.platform),
            ...(mirrors
                ? parseCandidates({ name: constants/* Inputs */.G0.Mirrors, text: mirrors, fromEnv: false }, 'mirror', ctx.platform)
                : [])
        ],
        gosumdb: (0,config_errors/* forInput */.c)(gosumdb.name, gosumdb.text, () => (0,goenv_gosumdb/* parseGosumdb */.$M)(gosumdb.fromEnv ? gosumdb.text : gosumdb.text.trim())),
        sumdbMirrors: parseSumdbMirrors(value(constants/* Inputs */.G0.SumdbMirrors)),
        patterns: build_patterns(raw, ctx.env),
        modules: parseProbeModules(constants/* Inputs */.G0.ProbeModules, modules),
        build: {
            goSum: parseGoSumInput(value(constants/* Inputs */.G0.GoSum)),
            workingDirectory: resolveWorkingDirectory(value(constants/* Inputs */.G0.WorkingDirectory), ctx.env, ctx.cwd ?? process.cwd()),
            gowork: ctx.env.GOWORK,
            platform: goPlatformOf(ctx.platform, ctx.arch ?? process.arch),
            goflags: ctx.env.GOFLAGS,
            toolchain: (0,config_errors/* forInput */.c)('GOTOOLCHAIN', ctx.env.GOTOOLCHAIN ?? '', () => parseGotoolchain(ctx.env.GOTOOLCHAIN))
        }
    };
}
/** How to probe. */
function probing(value) {
    const choice = (name, fallback, choices) => parseChoice(name, value(name) ?? fallback, choices);
    return {
        checks: choice(constants/* Inputs */.G0.Checks, 'standard', ['quick', 'standard', 'full']),
        timeoutMs: parseDuration(constants/* Inputs */.G0.Timeout, value(constants/* Inputs */.G0.Timeout) ?? '10', 's', 600_000),
        retries: parseInteger(constants/* Inputs */.G0.Retries, value(constants/* Inputs */.G0.Retries) ?? '2', 0, 10),
        concurrency: parseInteger(constants/* Inputs */.G0.Concurrency, value(constants/* Inputs */.G0.Concurrency) ?? '8', 1, 256),
        strategy: choice(constants/* Inputs */.G0.Strategy, 'ordered', ['ordered', 'fastest']),
        onFailure: choice(constants/* Inputs */.G0.OnFailure, 'fail', ['fail', 'direct', 'keep']),
        failOn: choice(constants/* Inputs */.G0.FailOn, 'unusable', ['unusable', 'degraded'])
    };
}
/** What counts as slow: above 0 and at most the timeout (a slower request times out); default half of it. */
function slowThreshold(value, timeoutMs) {
    const text = value(constants/* Inputs */.G0.SlowThreshold);
    if (text === undefined)
        return timeoutMs / 2;
    const ms = parseDuration(constants/* Inputs */.G0.SlowThreshold, text, 's', 600_000);
    if (ms > timeoutMs) {
        const reason = `must be at most the timeout (${timeoutMs / 1000} s)`;
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.SlowThreshold, text, reason);
    }
    return ms;
}
const HOUR_MS = 3_600_000;
/** The verdict cache and the breaker. */
function resilience(value, ctx) {
    const ttl = value(constants/* Inputs */.G0.CacheTtl) ?? '10m';
    const cooldown = value(constants/* Inputs */.G0.BreakerCooldown) ?? '60s';
    return {
        cache: {
            enabled: parseBoolean(constants/* Inputs */.G0.Cache, value(constants/* Inputs */.G0.Cache) ?? 'true'),
            ttlMs: parseDuration(constants/* Inputs */.G0.CacheTtl, ttl, 's', 7 * 24 * HOUR_MS, true),
            dir: value(constants/* Inputs */.G0.CacheDir)?.trim() ?? ctx.defaultCacheDir
        },
        breaker: {
            threshold: parseRatio(constants/* Inputs */.G0.BreakerThreshold, value(constants/* Inputs */.G0.BreakerThreshold) ?? '0.5'),
            cooldownMs: parseDuration(constants/* Inputs */.G0.BreakerCooldown, cooldown, 's', 24 * HOUR_MS)
        }
    };
}
/**
 * A Go setting from its input, else from the job's environment as the go command reads it (any
 * value but the empty string counts, unchanged: Go fails on `GOPROXY=" "` where it takes its
 * default for `GOPROXY=""`), else Go's default. Errors name where the value came from.
 */
function goSetting(value, env, input, variable, goDefault) {
    const given = value(input);
    if (given !== undefined)
        return { name: input, text: given, fromEnv: false };
    const inherited = env[variable];
    if (inherited)
        return { name: variable, text: inherited, fromEnv: true };
    return { name: input, text: goDefault, fromEnv: false };
}
/** GOPRIVATE and friends: input, else the job env; GONOPROXY/GONOSUMDB default to GOPRIVATE. */
function build_patterns(raw, env) {
    const pick = (input, variable) => {
        const [name, text] = raw[input] ? [input, raw[input]] : [variable, env[variable]];
        if (text !== undefined)
            (0,config_errors/* forInput */.c)(name, text, () => (0,patterns/* checkPatterns */.uO)(text));
        return text;
    };
    return (0,patterns/* resolvePrivatePatterns */.PL)({
        goprivate: pick(constants/* Inputs */.G0.Goprivate, constants/* GoEnv */.OB.Goprivate) ?? '',
        gonoproxy: pick(constants/* Inputs */.G0.Gonoproxy, constants/* GoEnv */.OB.Gonoproxy),
        gonosumdb: pick(constants/* Inputs */.G0.Gonosumdb, constants/* GoEnv */.OB.Gonosumdb)
    });
}
/** Each mirror is exported as the URL field of a GOSUMDB, so Go's rules for that field apply. */
function parseSumdbMirrors(value) {
    const text = value ?? '';
    try {
        return splitList(text).map(url => (0,config_errors/* forInput */.c)(constants/* Inputs */.G0.SumdbMirrors, url, () => (0,goenv_gosumdb/* checkSumdbUrl */.Db)(url)));
    }
    catch (err) {
        // A password holding the ',' or space the list is split at leaves a piece of itself in an
        // item with no '@', whose error would quote it: the whole value is hidden to the last '@'.
        if (!/\/\/[^@]*[\s,][^@]*@/.test(text))
            throw err;
        const reason = 'is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("," as %2C, "/" as %2F, "@" as %40)';
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.SumdbMirrors, text.replace(/\/\/.*@/s, '//xxxxx@'), reason);
    }
}

// EXTERNAL MODULE: ./src/goenv/basic-auth.ts
var basic_auth = __webpack_require__(9858);
;// CONCATENATED MODULE: ./src/config/secrets.ts


/** Tokens are longer than this; user names as short as `git` or `oauth2` are no secrets. */
const SHORTEST_NAME_SECRET = 8;
/**
 * Every credential the plan's URLs carry (proxies, mirrors, the GOSUMDB URL, sumdb mirrors), as
 * written and URL-encoded, so each face can mask them in everything it prints: each password,
 * or the user name where there is none (`https://TOKEN@host`), which is then the credential, when
 * it is at least as long as a token; and the Basic authorization each makes.
 */
function planSecrets(plan) {
    const urls = [
        ...plan.candidates.flatMap(c => (c.entry.kind === 'proxy' ? [c.entry.url] : [])),
        ...plan.sumdbMirrors,
        ...(plan.gosumdb.kind === 'db' && plan.gosumdb.url ? [plan.gosumdb.url] : [])
    ];
    return urls.flatMap(url => {
        const credentials = (0,redact/* credentialsOf */.YN)(url);
        const secret = credentials?.password || credentials?.username;
        if (!credentials || !secret)
            return [];
        // The Authorization header Go sends, which a server may quote back.
        const basic = (0,basic_auth/* basicToken */.a)(credentials.username, credentials.password);
        // The runner masks a secret everywhere in the job's log: a short name alone (`git@`) would
        // turn every "github" into "***hub". Shown URLs mask it all the same (see redactUrl).
        if (!credentials.password && secret.length < SHORTEST_NAME_SECRET)
            return [basic];
        // The exported value holds the secret as the URL spells it (`%2f` is not `%2F` to a mask).
        return [...new Set([secret, encodeURIComponent(secret), spelledSecret(url) ?? secret, basic])];
    });
}
// As Go parses a URL: the user info ends at the authority's last '@'; the password follows its
// first ':'. Without a password the user name is the secret.
function spelledSecret(url) {
    const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1];
    if (userinfo === undefined)
        return undefined;
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    const password = colon < 0 ? '' : userinfo.slice(colon + 1);
    return password || user;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/goenv/env-file.ts
/**
 * The go command's own configuration file, read as cmd/go/internal/cfg reads it: a variable the
 * environment leaves unset or empty comes from the user's go env file ($GOENV, else
 * <config dir>/go/env, which `go env -w` writes). So a self-hosted runner configured with
 * `go env -w GOPROXY=…` is checked with the proxies its builds use. $GOROOT/go.env is not read:
 * it belongs to one Go installation, and the go on PATH when this step runs is often not the one
 * the build runs (actions/setup-go comes later); its defaults are Go's, which the action knows.
 */


/** The variables the action reads that Go may take from its env file. */
const GO_ENV_FILE_KEYS = [
    'GOPROXY',
    'GOSUMDB',
    'GOPRIVATE',
    'GONOPROXY',
    'GONOSUMDB',
    'GOAUTH',
    'GOTOOLCHAIN',
    'GOFLAGS'
];
/** `env`, with what the user's go env file gives the variables it leaves unset or empty. */
function withGoEnvFile(env, platform) {
    const file = readEnvFile(userEnvFile(env, platform));
    const missing = GO_ENV_FILE_KEYS.filter(key => !env[key] && file.has(key));
    // Unchanged, `env` keeps what a copy would lose: process.env's case-insensitive names on Windows.
    if (missing.length === 0)
        return env;
    return { ...env, ...Object.fromEntries(missing.map(key => [key, file.get(key)])) };
}
/** cfg.EnvFile: $GOENV (`off`: none), else os.UserConfigDir()/go/env. */
function userEnvFile(env, platform) {
    if (env.GOENV)
        return env.GOENV === 'off' ? undefined : env.GOENV;
    const dir = userConfigDir(env, platform);
    return dir && external_node_path_.join(dir, 'go', 'env');
}
/** os.UserConfigDir, per platform. */
function userConfigDir(env, platform) {
    if (platform === 'win32')
        return env.AppData || env.APPDATA || undefined;
    if (platform === 'darwin')
        return env.HOME && external_node_path_.join(env.HOME, 'Library', 'Application Support');
    const xdg = env.XDG_CONFIG_HOME;
    if (xdg)
        return external_node_path_.isAbsolute(xdg) ? xdg : undefined;
    return env.HOME ? external_node_path_.join(env.HOME, '.config') : undefined;
}
/**
 * cfg.readEnvFile: KEY=value lines, the value as written; lines without `=` or not starting
 * with A-Z (comments) are skipped; a later line wins. A file that cannot be read is empty.
 */
function readEnvFile(file) {
    const values = new Map();
    let text;
    try {
        text = file ? (0,external_node_fs_.readFileSync)(file, 'utf8') : '';
    }
    catch {
        return values;
    }
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0 || !/^[A-Z]/.test(line))
            continue;
        values.set(line.slice(0, eq), line.slice(eq + 1));
    }
    return values;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/config/report-path.ts
// Where the JSON report goes, checked before any request: a run that probes for minutes and
// then cannot write its report wastes the job. Only looks (stat, access); creates nothing.




/**
 * Returns `file` when the report can be written there: an existing file that is writable, or a
 * new file whose nearest existing ancestor is a writable directory (the missing ones are created
 * when the report is written). Throws InputError naming `report-path` otherwise.
 */
function checkReportPath(file) {
    const refuse = (reason) => {
        throw new config_errors/* InputError */.d(constants/* Inputs */.G0.ReportPath, file, reason);
    };
    try {
        const target = external_node_path_.resolve(file);
        const existing = statOrUndefined(target);
        if (existing?.isDirectory())
            refuse('is a directory; give the path of a file');
        if (existing) {
            if (!writable(target, external_node_fs_.constants.W_OK))
                refuse('is a file that cannot be written');
            return file;
        }
        const ancestor = nearestExisting(external_node_path_.dirname(target));
        if (!(0,external_node_fs_.statSync)(ancestor).isDirectory()) {
            refuse(`cannot be created: ${ancestor} is not a directory`);
        }
        if (!writable(ancestor, external_node_fs_.constants.W_OK | external_node_fs_.constants.X_OK)) {
            refuse(`cannot be created: ${ancestor} is not writable`);
        }
        return file;
    }
    catch (err) {
        if (err instanceof config_errors/* InputError */.d)
            throw err;
        return refuse(`cannot be written: ${err instanceof Error ? err.message : String(err)}`);
    }
}
function statOrUndefined(file) {
    try {
        return (0,external_node_fs_.statSync)(file);
    }
    catch (err) {
        if (isMissing(err))
            return undefined;
        throw err;
    }
}
// ENOTDIR: an ancestor is a file; walking up reaches it, and it is then refused as no directory.
function isMissing(err) {
    const code = err.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
function nearestExisting(dir) {
    for (let current = dir;; current = external_node_path_.dirname(current)) {
        if (statOrUndefined(current) !== undefined || external_node_path_.dirname(current) === current)
            return current;
    }
}
function writable(file, mode) {
    try {
        (0,external_node_fs_.accessSync)(file, mode);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/log/ecs.ts
var ecs = __webpack_require__(1751);
;// CONCATENATED MODULE: ./src/action/inputs.ts







/** Every input as the runner passed it (empty when unset). */
function readInputs() {
    const raw = {};
    for (const name of Object.values(constants/* Inputs */.G0))
        raw[name] = core.getInput(name);
    return raw;
}
function readSettings(raw, env) {
    const text = (name, fallback) => raw[name]?.trim() || fallback;
    return {
        exportEnv: parseBoolean(constants/* Inputs */.G0.ExportEnv, text(constants/* Inputs */.G0.ExportEnv, 'true')),
        summary: parseBoolean(constants/* Inputs */.G0.Summary, text(constants/* Inputs */.G0.Summary, 'true')),
        logFormat: (0,ecs/* parseLogFormat */.r5)(raw[constants/* Inputs */.G0.LogFormat]),
        reportPath: checkReportPath(text(constants/* Inputs */.G0.ReportPath, external_node_path_.join(env.RUNNER_TEMP || external_node_os_.tmpdir(), 'validate-goproxy-report.json')))
    };
}
/** The runner's tool cache survives between jobs on a self-hosted runner; hosted ones start empty. */
function defaultCacheDir(env) {
    return external_node_path_.join(env.RUNNER_TOOL_CACHE || external_node_path_.join(external_node_os_.tmpdir(), 'validate-goproxy'), 'validate-goproxy-cache');
}

;// CONCATENATED MODULE: ./src/action/log.ts


function createActionLog(format, env) {
    const masker = (0,ecs/* createMasker */.aD)();
    const context = (0,ecs/* logContext */.EN)(env);
    const json = (event) => core.info((0,ecs/* ecsLine */.m)(event, context, masker.mask));
    const text = {
        debug: m => core.debug(m),
        info: m => core.info(m),
        warning: m => core.warning(m),
        error: m => core.error(m)
    };
    const event = (e) => {
        if (format === 'text')
            return text[e.level](e.message);
        // Debug lines stay behind the runner's step-debug switch, as core.debug keeps them.
        if (e.level === 'debug' && !core.isDebug())
            return;
        json(e);
        if (e.level === 'warning' || e.level === 'error')
            text[e.level](e.message);
    };
    const at = (level) => (message, fields) => event({ ...fields, level, message });
    return {
        debug: at('debug'),
        info: at('info'),
        warning: at('warning'),
        event,
        json: format === 'json' ? json : undefined,
        annotate: (level, m, where) => core[level](m, where),
        group: (title, body) => {
            if (format === 'json')
                return body();
            core.startGroup(title);
            body();
            core.endGroup();
        },
        fail: (message, fields) => {
            if (format === 'json')
                json({ action: 'error', ...fields, level: 'error', message });
            core.setFailed(message);
        },
        // Masked by the runner in the log, and by us in the json lines, report, summary and cache.
        addSecret: secret => {
            for (const form of (0,ecs/* secretForms */.eo)(secret))
                core.setSecret(form);
            masker.add(secret);
        },
        mask: masker.mask
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts







/**
 * The action: read and validate every input, probe, then report and export. A bad input fails
 * the step before anything is probed or exported.
 */
async function run(jobEnv = process.env) {
    // Text until the inputs say otherwise: a bad log-format is reported in text.
    let log = createActionLog('text', jobEnv);
    try {
        // What the build's go command will see: the job's variables, else Go's env file.
        const env = withGoEnvFile(jobEnv, process.platform);
        const raw = readInputs();
        const settings = readSettings(raw, env);
        log = createActionLog(settings.logFormat, env);
        const plan = buildPlan(raw, {
            env,
            platform: process.platform,
            defaultCacheDir: defaultCacheDir(env),
            yaml: await loadYaml(raw)
        });
        for (const secret of planSecrets(plan))
            log.addSecret(secret);
        // What good inputs lead to (effects, engine, reports, the Actions cache) is loaded only now:
        // an input error ends the step having loaded the least (see src/index.ts).
        const { probeAndReport } = await Promise.all(/* import() */[__webpack_require__.e(90), __webpack_require__.e(641)]).then(__webpack_require__.bind(__webpack_require__, 3641));
        await probeAndReport(plan, settings, env, log);
    }
    catch (err) {
        log.fail((0,logger/* messageOf */.bD)(err));
    }
}


/***/ }),

/***/ 7827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ forInput),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _credentials_mask_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7380);

/** A bad input value: names the input and the value (passwords masked), and why it is wrong. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, value, reason) {
        // The reason may quote the value too (a URL parser's message): mask the whole message.
        super((0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_0__/* .maskCredentialsLoosely */ .Q6)(`Invalid input '${input}': ${JSON.stringify(value)} ${reason}`));
        this.input = input;
    }
}
/**
 * Runs a parser and turns its error into an InputError for `input`. A value that holds
 * credentials gets a reason of our own: the parser's would quote pieces of the password.
 */
function forInput(input, value, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof InputError)
            throw err;
        const reason = (0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_0__/* .maskCredentialsLoosely */ .Q6)(value) === value
            ? `is not valid: ${err.message}`
            : 'is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("/" as %2F, "#" as %23, "@" as %40)';
        throw new InputError(input, value, reason);
    }
}


/***/ }),

/***/ 3334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   fg: () => (/* binding */ isGlob),
/* harmony export */   mw: () => (/* binding */ globMatches),
/* harmony export */   nn: () => (/* binding */ globMayMatchUnder)
/* harmony export */ });
/* harmony import */ var _gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7811);
// File patterns for `go-sum`: '/'-separated elements, each matched by Go's path.Match (`*`, `?`,
// `[a-z]`, `\` escapes; never across '/'), plus `**` as a whole element for any number of
// directories. A Go user reads them as Go reads GOPRIVATE, and no dependency is needed.

/** Whether an item of `go-sum` is a pattern rather than a path. */
function isGlob(item) {
    return /[*?[]/.test(item);
}
/**
 * Compiles a pattern relative to the working directory; throws Error with the reason when it is
 * absolute, leaves the directory (`..`) or has a malformed element.
 */
function compileGlob(pattern) {
    if (pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern)) {
        throw new Error('is a pattern, so it must be relative to working-directory');
    }
    const elements = [];
    for (const element of pattern.split('/')) {
        if (element === '' || element === '.')
            continue;
        if (element === '..')
            throw new Error('is a pattern, so it must stay under working-directory');
        // Consecutive `**` mean the same as one.
        if (element === '**' && elements.at(-1) === '**')
            continue;
        if (element !== '**' && (0,_gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_0__/* .goPathMatch */ .V)(element, '') === _gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_0__/* .BAD_PATTERN */ .$z) {
            throw new Error(`is not a valid pattern: ${JSON.stringify(element)} is malformed`);
        }
        elements.push(element);
    }
    if (elements.length === 0 || elements.at(-1) === '**') {
        throw new Error('is not a valid pattern: it must end in a file name pattern such as go.sum');
    }
    return { pattern, elements };
}
/**
 * Whether the elements of a relative path match the glob: the whole path, or with `prefix`, a
 * directory some file below which could match (so a walk can skip the others).
 */
function matchElements(glob, path, prefix) {
    const p = glob.elements;
    // can[i][j]: p[i:] matches path[j:]; filled from the ends backwards.
    const can = Array.from({ length: p.length + 1 }, () => new Array(path.length + 1));
    for (let i = p.length; i >= 0; i--) {
        for (let j = path.length; j >= 0; j--) {
            if (i === p.length)
                can[i][j] = j === path.length;
            // A pattern never ends in `**`, so a rest of it needs more elements.
            else if (j === path.length)
                can[i][j] = prefix;
            else if (p[i] === '**')
                can[i][j] = can[i + 1][j] || can[i][j + 1];
            else
                can[i][j] = can[i + 1][j + 1] && (0,_gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_0__/* .goPathMatch */ .V)(p[i], path[j]) === true;
        }
    }
    return can[0][0];
}
/** Whether a file's path relative to the working directory ('/'-separated) matches. */
function globMatches(glob, relativePath) {
    return matchElements(glob, relativePath.split('/'), false);
}
/** Whether a file under this directory (relative, '/'-separated; '' for the root) could match. */
function globMayMatchUnder(glob, relativeDir) {
    return matchElements(glob, relativeDir === '' ? [] : relativeDir.split('/'), true);
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   H9: () => (/* binding */ GOAUTH),
/* harmony export */   Kl: () => (/* binding */ GODEBUG),
/* harmony export */   OB: () => (/* binding */ GoEnv),
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   cH: () => (/* binding */ GO_DEFAULT_GOPROXY),
/* harmony export */   lw: () => (/* binding */ GO_DEFAULT_GOSUMDB),
/* harmony export */   tK: () => (/* binding */ DEFAULT_PROBE_MODULES),
/* harmony export */   tY: () => (/* binding */ Outputs),
/* harmony export */   xv: () => (/* binding */ VERSION)
/* harmony export */ });
/** Names of the action's inputs: the v1 API, kept exactly as documented in action.yml. */
var Inputs;
(function (Inputs) {
    Inputs["Proxies"] = "proxies";
    Inputs["Mirrors"] = "mirrors";
    Inputs["Gosumdb"] = "gosumdb";
    Inputs["SumdbMirrors"] = "sumdb-mirrors";
    Inputs["Goprivate"] = "goprivate";
    Inputs["Gonoproxy"] = "gonoproxy";
    Inputs["Gonosumdb"] = "gonosumdb";
    Inputs["ProbeModules"] = "probe-modules";
    Inputs["WorkingDirectory"] = "working-directory";
    Inputs["GoSum"] = "go-sum";
    Inputs["Checks"] = "checks";
    Inputs["Timeout"] = "timeout";
    Inputs["SlowThreshold"] = "slow-threshold";
    Inputs["Retries"] = "retries";
    Inputs["Concurrency"] = "concurrency";
    Inputs["Strategy"] = "strategy";
    Inputs["OnFailure"] = "on-failure";
    Inputs["FailOn"] = "fail-on";
    Inputs["ExportEnv"] = "export-env";
    Inputs["Summary"] = "summary";
    Inputs["ReportPath"] = "report-path";
    Inputs["LogFormat"] = "log-format";
    Inputs["Cache"] = "cache";
    Inputs["CacheTtl"] = "cache-ttl";
    Inputs["CacheDir"] = "cache-dir";
    Inputs["BreakerThreshold"] = "breaker-threshold";
    Inputs["BreakerCooldown"] = "breaker-cooldown";
    Inputs["Profile"] = "profile";
    Inputs["Profiles"] = "profiles";
})(Inputs || (Inputs = {}));
/** Names of the action's outputs. */
var Outputs;
(function (Outputs) {
    Outputs["Goproxy"] = "goproxy";
    Outputs["Gosumdb"] = "gosumdb";
    Outputs["Gonoproxy"] = "gonoproxy";
    Outputs["Gonosumdb"] = "gonosumdb";
    Outputs["Goprivate"] = "goprivate";
    Outputs["Healthy"] = "healthy";
    Outputs["Selected"] = "selected";
    Outputs["FallbackUsed"] = "fallback-used";
    Outputs["CacheHit"] = "cache-hit";
    Outputs["Report"] = "report";
    Outputs["Verdicts"] = "verdicts";
    Outputs["ModulesChecked"] = "modules-checked";
    Outputs["ModulesUnresolved"] = "modules-unresolved";
})(Outputs || (Outputs = {}));
/** The Go environment variables the action reads and exports. */
var GoEnv;
(function (GoEnv) {
    GoEnv["Goproxy"] = "GOPROXY";
    GoEnv["Gosumdb"] = "GOSUMDB";
    GoEnv["Goprivate"] = "GOPRIVATE";
    GoEnv["Gonoproxy"] = "GONOPROXY";
    GoEnv["Gonosumdb"] = "GONOSUMDB";
})(GoEnv || (GoEnv = {}));
/** The Go environment variable for credentials: read from the job's environment, never exported. */
const GOAUTH = 'GOAUTH';
/** Go's runtime settings: read from the job's environment for the TLS the go command speaks. */
const GODEBUG = 'GODEBUG';
/** Go's own defaults, used where neither the input nor the job env sets a value. */
const GO_DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
const GO_DEFAULT_GOSUMDB = 'sum.golang.org';
/**
 * Default probe modules: rsc.io/quote@v1.5.2 is tiny and has been served unchanged
 * since 2018 (the Go tutorials use it); golang.org/x/sys@latest shows a proxy is current.
 */
const DEFAULT_PROBE_MODULES = ['rsc.io/quote@v1.5.2', 'golang.org/x/sys@latest'];
const USER_AGENT = 'validate-goproxy/1';
/** The release, as in package.json (a test keeps them equal); the CLI prints it for --version. */
const VERSION = '1.0.0';


/***/ }),

/***/ 7380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ maskCredentials),
/* harmony export */   Q6: () => (/* binding */ maskCredentialsLoosely),
/* harmony export */   _H: () => (/* binding */ stripUserinfo)
/* harmony export */ });
// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.
//
// Go's URL.Redacted shows a user name that has no password, but such a name is what Go sends as
// the Basic-auth credential (`https://TOKEN@host` is how many private proxies take a token), so
// here it is masked as a password is.
// "//userinfo@": as in Go's authority the user information runs to the last '@' before a '/',
// the user name to its first ':', and the password may hold anything else (spaces, '?', '#').
const USERINFO = /\/\/([^/]*)@/g;
// For text a person typed, which may be no valid URL at all: a password with an unescaped '/'
// (a base64 token) runs on to the last '@' of its list item, and is masked all the same.
const LOOSE_USERINFO = /(\/\/[^/:@\s,|]*:)[^\s,|]*@/g;
/**
 * Replaces every password in `//user:password@` with "xxxxx", keeping the user name, and a user
 * name with no password (or an empty one) with "xxxxx": then the name is the credential.
 */
function maskCredentials(text) {
    return text.replace(USERINFO, (_, userinfo) => {
        if (userinfo === '')
            return '//@';
        const colon = userinfo.indexOf(':');
        const hasPassword = colon >= 0 && colon < userinfo.length - 1;
        return hasPassword ? `//${userinfo.slice(0, colon)}:xxxxx@` : '//xxxxx@';
    });
}
/**
 * Masks credentials in raw input, erring on the side of hiding too much: used for error messages
 * about a value that may not parse, which are printed before any secret could be registered.
 */
function maskCredentialsLoosely(text) {
    return maskCredentials(text).replace(LOOSE_USERINFO, '$1xxxxx@');
}
/** Removes every `//userinfo@` (with or without a password), keeping the `//`. */
function stripUserinfo(text) {
    return text.replace(/\/\/[^/]*@/g, '//');
}


/***/ }),

/***/ 5725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   PH: () => (/* binding */ stripCredentials),
/* harmony export */   YN: () => (/* binding */ credentialsOf),
/* harmony export */   qR: () => (/* binding */ gosumdbWithoutCredentials)
/* harmony export */ });
/* harmony import */ var _mask_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7380);
/* harmony import */ var _gostd_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6034);
// Credentials in proxy URLs: shown only redacted, sent only as Basic auth.


/**
 * Go's URL.Redacted (`https://user:xxxxx@host/path`), but a user name alone (or with an empty
 * password) is masked whole: `https://xxxxx@host`. Never throws, and never shows a credential:
 * text Go cannot parse, or where Go finds none but the text still holds `//user:pass@` (a list
 * pasted as one URL, a '?' in a password), has every such credential masked too.
 */
function redactUrl(url) {
    const parsed = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .tryParseGoUrl */ .cT)(url);
    if (parsed === undefined)
        return (0,_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .maskCredentials */ .Bs)(url);
    // A user name with no password, or an empty one, is the credential Go sends: masked whole.
    const nameOnly = !!parsed.user?.username && !parsed.user.password;
    return (0,_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .maskCredentials */ .Bs)(nameOnly ? (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .formatGoUrl */ .Dr)({ ...parsed, user: { username: 'xxxxx' } }) : (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .redactedGoUrl */ .G0)(parsed));
}
/** The decoded user name and password that Go would send as Basic auth (password '' if none). */
function credentialsOf(url) {
    const user = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .tryParseGoUrl */ .cT)(url)?.user;
    if (user === undefined)
        return undefined;
    return { username: user.username, password: user.password ?? '' };
}
/**
 * The URL as Go prints it without its user information, for building requests; never throws.
 * Not a redaction of arbitrary text (the path is kept as it is): show URLs with redactUrl.
 */
function stripCredentials(url) {
    const parsed = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .tryParseGoUrl */ .cT)(url);
    return parsed === undefined ? (0,_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .stripUserinfo */ ._H)(url) : (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .formatGoUrl */ .Dr)({ ...parsed, user: undefined });
}
/** GOSUMDB with the credentials of its URL field removed: for cache keys and cache entries. */
function gosumdbWithoutCredentials(gosumdb) {
    const [name, ...url] = gosumdb.trim().split(/\s+/);
    return [name, ...url.map(stripCredentials)].join(' ');
}


/***/ }),

/***/ 9858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ basicToken)
/* harmony export */ });
// Its own module, with nothing to import: the input checks use it and load nothing more with it.
/** The credential of a Basic authorization (Request.SetBasicAuth): `user:password` in base64. */
function basicToken(username, password) {
    return Buffer.from(`${username}:${password}`).toString('base64');
}


/***/ }),

/***/ 1550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ parseGosumdb),
/* harmony export */   Db: () => (/* binding */ checkSumdbUrl),
/* harmony export */   lU: () => (/* binding */ directUrl),
/* harmony export */   xc: () => (/* binding */ TOOLCHAIN_MODULE)
/* harmony export */ });
/* unused harmony export SUM_GOLANG_ORG_KEY */
/* harmony import */ var _xmod_sumdb_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2391);
/* harmony import */ var _xmod_sumdb_note_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1453);
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3180);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1817);
/* harmony import */ var _gostd_url_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6034);
// GOSUMDB as the go command reads it (cmd/go/internal/modfetch sumdb.go dbDial, key.go):
// "off", or "<key> [<url>]" where the key is a full verifier key or a name Go knows the key of.





/** The module the go command downloads toolchains as (gover.ToolchainModule). */
const TOOLCHAIN_MODULE = 'golang.org/toolchain';
const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
// modfetch's knownGOSUMDB (a Map, so that "constructor" is not a known name).
const KNOWN_KEYS = new Map([['sum.golang.org', SUM_GOLANG_ORG_KEY]]);
// An empty GOSUMDB means the value from $GOROOT/go.env.
const DEFAULT_GOSUMDB = 'sum.golang.org';
// The whole value "sum.golang.google.cn" is Go's alias for sum.golang.org reachable from China.
const CHINA_ALIAS = 'sum.golang.google.cn';
const CHINA_ALIAS_MEANS = 'sum.golang.org https://sum.golang.google.cn';
const URL_SCHEMES = new Set(['https', 'http', 'file']);
function verifierName(verifierKey) {
    try {
        return (0,_xmod_sumdb_note_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVerifierKey */ .z$)(verifierKey).name;
    }
    catch (err) {
        if (err instanceof _xmod_sumdb_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SumdbError */ .q)
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O(`invalid GOSUMDB: ${err.message}`);
        throw err;
    }
}
// https://<name> must parse to nothing but a host and a canonically escaped path.
function checkDatabaseName(name) {
    const url = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_4__/* .tryParseGoUrl */ .cT)(`https://${name}`);
    const plain = url !== undefined &&
        url.host !== '' &&
        url.rawPath === '' &&
        url.opaque === '' &&
        url.user === undefined &&
        url.rawQuery === '' &&
        !url.forceQuery &&
        url.fragment === '' &&
        url.rawFragment === '' &&
        !url.omitHost;
    if (!plain || name.endsWith('/')) {
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O(`invalid sumdb name (must be host[/path]): ${name}`);
    }
}
/**
 * The URL of a checksum database, as GOSUMDB's second field or a `sumdb-mirrors` entry (exported
 * in a GOSUMDB): Go's url.Parse must accept it. Go fails at the first fetch on a URL it can parse
 * but never fetch; we refuse that early too. Returns the URL to fetch: one without a scheme
 * (`//host/path`) is fetched over https, as cmd/go/internal/web fetches it. Throws GoEnvError.
 */
function checkSumdbUrl(raw) {
    let url;
    try {
        url = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_4__/* .parseGoUrl */ .P)(raw);
    }
    catch (err) {
        if (err instanceof _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O)
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O(`invalid GOSUMDB URL: ${err.message}`);
        throw err;
    }
    if (url.scheme === '' && url.host !== '')
        return `https:${raw}`;
    if (!URL_SCHEMES.has(url.scheme) || (url.scheme !== 'file' && url.host === '')) {
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O(`invalid GOSUMDB URL: ${(0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(raw)} is not an absolute https, http or file URL`);
    }
    return raw;
}
/** Parses a GOSUMDB value; throws GoEnvError with the go command's wording. */
function parseGosumdb(value) {
    const raw = value === '' ? DEFAULT_GOSUMDB : value;
    if (raw === 'off')
        return { kind: 'off', raw: 'off' };
    const words = (0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_3__/* .fields */ .OA)(raw === CHINA_ALIAS ? CHINA_ALIAS_MEANS : raw);
    if (words.length === 0)
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O('missing GOSUMDB');
    if (words.length > 2)
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GoEnvError */ .O('invalid GOSUMDB: too many fields');
    const verifierKey = KNOWN_KEYS.get(words[0]) ?? words[0];
    const name = verifierName(verifierKey);
    checkDatabaseName(name);
    const spec = { kind: 'db', raw, name, verifierKey };
    if (words.length === 2)
        spec.url = checkSumdbUrl(words[1]);
    return spec;
}
/**
 * Where the go command reaches the database when no proxy serves it: https://<name>. (A name
 * may end in '#', an empty fragment that url.Parse drops.)
 */
function directUrl(spec) {
    return `https://${spec.name.endsWith('#') ? spec.name.slice(0, -1) : spec.name}`;
}


/***/ }),

/***/ 4130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ matchPrefixPatterns),
/* harmony export */   PL: () => (/* binding */ resolvePrivatePatterns),
/* harmony export */   uO: () => (/* binding */ checkPatterns)
/* harmony export */ });
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1817);
/* harmony import */ var _gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7811);
// GOPRIVATE, GONOPROXY and GONOSUMDB: comma-separated path.Match patterns, each matched against
// as many leading elements of a module path as it has itself (module.MatchPrefixPatterns).




// The patterns as Go walks them: split at ',' (no trimming of spaces), a trailing '/' dropped,
// empty ones skipped.
function patternsOf(globs) {
    return globs
        .split(',')
        .map(glob => (glob.endsWith('/') ? glob.slice(0, -1) : glob))
        .filter(glob => glob !== '');
}
// The first n+1 elements of target, or undefined when it has fewer.
function leadingElements(target, slashes) {
    const elements = target.split('/');
    return elements.length <= slashes ? undefined : elements.slice(0, slashes + 1).join('/');
}
/** Whether target (a module path) matches any of the comma-separated patterns. */
function matchPrefixPatterns(globs, target) {
    return patternsOf(globs).some(glob => {
        const prefix = leadingElements(target, glob.split('/').length - 1);
        return prefix !== undefined && (0,_gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_2__/* .goPathMatch */ .V)(glob, prefix) === true;
    });
}
/**
 * Throws GoEnvError naming the first malformed pattern (one Go's path.Match rejects, such as an
 * unclosed '[', a bad range or a trailing '\\'). Go never reports these: such a pattern just
 * never matches, which silently sends private modules to the public proxy.
 */
function checkPatterns(globs) {
    const bad = patternsOf(globs).find(glob => (0,_gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_2__/* .goPathMatch */ .V)(glob, '') === _gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_2__/* .BAD_PATTERN */ .$z);
    if (bad !== undefined)
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`malformed pattern ${(0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(bad)}: ${_gostd_pathmatch_js__WEBPACK_IMPORTED_MODULE_2__/* .BAD_PATTERN */ .$z}`);
}
/**
 * GONOPROXY and GONOSUMDB as the go command reads them (cfg.EnvOrAndChanged): an unset or
 * empty value means GOPRIVATE. ("none" is an ordinary pattern, matching no real module.)
 */
function resolvePrivatePatterns(env) {
    const orPrivate = (value) => value === undefined || value === '' ? env.goprivate : value;
    return {
        goprivate: env.goprivate,
        gonoproxy: orPrivate(env.gonoproxy),
        gonosumdb: orPrivate(env.gonosumdb)
    };
}


/***/ }),

/***/ 2057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QE: () => (/* binding */ formatProxyList),
/* harmony export */   WY: () => (/* binding */ parseProxyList),
/* harmony export */   l_: () => (/* binding */ isProxyEntry),
/* harmony export */   u0: () => (/* binding */ entryText)
/* harmony export */ });
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
/* harmony import */ var _gostd_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6034);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1817);
/* harmony import */ var _gostd_filepath_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2362);
// GOPROXY, read as the go command reads it (cmd/go/internal/modfetch/proxy.go: proxyList and
// the URL checks of newProxyRepo).




/** A proxy to probe (http, https or file), as opposed to `direct` or `off`. */
function isProxyEntry(entry) {
    return entry.kind === 'proxy' || entry.kind === 'file';
}
/** The entry's text in a GOPROXY list: 'direct', 'off' or the URL. */
function entryText(entry) {
    return entry.kind === 'direct' || entry.kind === 'off' ? entry.kind : entry.url;
}
// Single words are reserved for built-in behaviours (and Go rejects the unknown ones as URLs
// without a scheme); a complete URL or an absolute path is kept; anything else is a bare host.
function withImpliedScheme(text, style) {
    const bareHost = /[.:/]/.test(text) &&
        !text.includes(':/') &&
        !(0,_gostd_filepath_js__WEBPACK_IMPORTED_MODULE_3__/* .isAbsolutePath */ .Z1)(text, style) &&
        !(0,_gostd_filepath_js__WEBPACK_IMPORTED_MODULE_3__/* .isAbsolutePath */ .Z1)(text, 'posix');
    return bareHost ? `https://${text}` : text;
}
// A file:// proxy URL holds only a path: no host (not even localhost), user, query or fragment,
// and not the host-less form "file:/x".
function isPathOnly(url) {
    const { opaque, user, host, rawQuery, forceQuery, fragment, omitHost } = url;
    return (opaque === '' &&
        user === undefined &&
        host === '' &&
        rawQuery === '' &&
        !forceQuery &&
        fragment === '' &&
        !omitHost);
}
function parseProxyUrl(text, fallBackOnError, style) {
    const url = withImpliedScheme(text, style);
    const parsed = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGoUrl */ .P)(url);
    switch (parsed.scheme) {
        case 'http':
        case 'https':
            return { kind: 'proxy', url, fallBackOnError };
        case 'file': {
            if (!isPathOnly(parsed)) {
                throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid file:// proxy URL with non-path elements: ${(0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedGoUrl */ .G0)(parsed)}`);
            }
            return { kind: 'file', url, path: (0,_gostd_filepath_js__WEBPACK_IMPORTED_MODULE_3__/* .fileProxyDirectory */ .u6)(parsed.path, style), fallBackOnError };
        }
        case '':
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid proxy URL missing scheme: ${(0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedGoUrl */ .G0)(parsed)}`);
        default:
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid proxy URL scheme (must be https, http, file): ${(0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedGoUrl */ .G0)(parsed)}`);
    }
}
/**
 * Parses a non-empty GOPROXY value into its entries, or throws GoEnvError with Go's message.
 * The empty value is not a list: Go reads it as its default, which the caller must substitute.
 */
function parseProxyList(value, options = {}) {
    if (value === '') {
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O('GOPROXY is empty: Go reads an empty GOPROXY as its default (https://proxy.golang.org,direct), not as a list');
    }
    const style = (0,_gostd_filepath_js__WEBPACK_IMPORTED_MODULE_3__/* .pathStyleOf */ .yJ)(options.platform ?? 'linux');
    const entries = [];
    // Texts at even indexes, each followed by its separator.
    const parts = value.split(/([,|])/);
    for (let i = 0; i < parts.length; i += 2) {
        const text = (0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .trimSpace */ .Pd)(parts[i]);
        if (text === '')
            continue;
        if (text === 'direct' || text === 'off') {
            entries.push({ kind: text, fallBackOnError: false });
            break;
        }
        entries.push(parseProxyUrl(text, parts[i + 1] === '|', style));
    }
    if (entries.length === 0) {
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O('GOPROXY list is not the empty string, but contains no entries');
    }
    return entries;
}
/**
 * Writes entries back as a GOPROXY value, each followed by its own separator; the separator
 * after the last entry means nothing to Go and is left out. Throws on an empty list: an empty
 * GOPROXY would mean Go's default, not "none".
 */
function formatProxyList(entries) {
    if (entries.length === 0) {
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O('cannot write an empty GOPROXY list: Go would read it as its default');
    }
    return entries
        .map((entry, i) => {
        const last = i === entries.length - 1;
        return last ? entryText(entry) : entryText(entry) + (entry.fallBackOnError ? '|' : ',');
    })
        .join('');
}


/***/ }),

/***/ 3180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ GoEnvError)
/* harmony export */ });
/** The one error type of the Go environment rules: a value Go itself would reject or misread. */
class GoEnvError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GoEnvError';
    }
}


/***/ }),

/***/ 2362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z1: () => (/* binding */ isAbsolutePath),
/* harmony export */   u6: () => (/* binding */ fileProxyDirectory),
/* harmony export */   yJ: () => (/* binding */ pathStyleOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
// Local paths as the go command sees them on the runner's platform: whether a GOPROXY entry
// is an absolute path (Go then adds no "https://"), and which directory a file:// proxy names.

function pathStyleOf(platform) {
    return platform === 'win32' ? 'windows' : 'posix';
}
const isSeparator = (c) => c === '/' || c === '\\';
// Length of a UNC volume: up to the second separator after the prefix (host and share).
function uncLength(path, prefixLength) {
    let count = 0;
    for (let i = prefixLength; i < path.length; i++) {
        if (isSeparator(path[i]) && ++count === 2)
            return i;
    }
    return path.length;
}
// Case-insensitive prefix test where either slash matches a separator, and the prefix must end
// at a separator or the end of the path.
function hasPrefixFold(path, prefix) {
    if (path.length < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++) {
        const same = isSeparator(prefix[i])
            ? isSeparator(path[i])
            : prefix[i].toUpperCase() === path[i].toUpperCase();
        if (!same)
            return false;
    }
    return path.length === prefix.length || isSeparator(path[prefix.length]);
}
// filepath.VolumeName's length on Windows: "C:", \\host\share, \\.\device, \\?\…, \??\….
function windowsVolumeLength(path) {
    if (path.length >= 2 && path[1] === ':')
        return 2;
    if (!isSeparator(path[0]))
        return 0;
    if (hasPrefixFold(path, '\\\\.\\UNC'))
        return uncLength(path, 8);
    if (['\\\\.', '\\\\?', '\\??'].some(prefix => hasPrefixFold(path, prefix))) {
        if (path.length === 3)
            return 3;
        const separator = [...path.slice(4)].findIndex(c => isSeparator(c));
        return separator < 0 ? path.length : 4 + separator;
    }
    if (isSeparator(path[1]))
        return uncLength(path, 2);
    return 0;
}
/** filepath.IsAbs for the style. */
function isAbsolutePath(path, style) {
    if (style === 'posix')
        return path.startsWith('/');
    const volume = windowsVolumeLength(path);
    if (volume === 0)
        return false;
    if (isSeparator(path[0]) && isSeparator(path[1]))
        return true;
    return isSeparator(path[volume]);
}
/**
 * The directory that a file:// proxy with this (decoded) URL path reads from. Go appends
 * "/<module>/@v/…" before it converts the URL, so "file://" means the root directory and
 * "file:///C:" means C:\ on Windows. Throws where every fetch from it would fail.
 */
function fileProxyDirectory(urlPath, style) {
    const dir = urlPath.replace(/\/+$/, '') + '/';
    if (style === 'posix')
        return dir === '/' ? dir : dir.slice(0, -1);
    const local = dir.slice(1).replaceAll('/', '\\');
    const volume = windowsVolumeLength(local);
    if (volume === 0 || local.startsWith('\\\\')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`file URL missing drive letter: ${urlPath}`);
    }
    if (!isAbsolutePath(local, style))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`path is not absolute: ${local}`);
    return local.length === volume + 1 ? local : local.slice(0, -1);
}


/***/ }),

/***/ 8972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ compareGo),
/* harmony export */   H5: () => (/* binding */ versionOfToolchain),
/* harmony export */   JI: () => (/* binding */ isLanguageVersion),
/* harmony export */   pz: () => (/* binding */ isValidGo)
/* harmony export */ });
// Go toolchain versions as the go command reads them (src/internal/gover, cmd/go/internal/gover):
// "1.21.0", "1.21rc1", and the language version "1.21". Not semver: 1.21 < 1.21rc1 < 1.21.0.
// A decimal without a needless leading zero, then the rest.
const NUMBER = '(0|[1-9][0-9]*)';
const VERSION = new RegExp(`^${NUMBER}(?:\\.${NUMBER}(?:\\.${NUMBER}|([a-z]+)${NUMBER}?)?)?$`);
/** gover.Parse: undefined when x is malformed (Go's zero Version). */
function parse(x) {
    const m = VERSION.exec(x);
    if (!m)
        return undefined;
    const [, major, minor, patch, kind = '', pre = ''] = m;
    // "1" means 1.0.0; before Go 1.21 a missing patch meant .0, since then it is the language.
    if (minor === undefined)
        return { major, minor: '0', patch: '0', kind, pre };
    const oldLanguage = patch === undefined && kind === '' && compareNumbers(minor, '21') < 0;
    return { major, minor, patch: oldLanguage ? '0' : (patch ?? ''), kind, pre };
}
// Decimal strings, "" the least (a missing part).
function compareNumbers(x, y) {
    if (x === y)
        return 0;
    if (x.length !== y.length)
        return x.length < y.length ? -1 : 1;
    return x < y ? -1 : 1;
}
/** gover.Compare: -1, 0 or 1; a malformed version is less than any valid one. */
function compareGo(x, y) {
    const a = parse(x);
    const b = parse(y);
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return (compareNumbers(a.major, b.major) ||
        compareNumbers(a.minor, b.minor) ||
        compareNumbers(a.patch, b.patch) ||
        (a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1) ||
        compareNumbers(a.pre, b.pre));
}
/** gover.IsValid. */
function isValidGo(x) {
    return parse(x) !== undefined;
}
/** gover.IsLang: a language version ("1.22"), not a release ("1.22.0", "1.22rc1"). */
function isLanguageVersion(x) {
    const v = parse(x);
    return v !== undefined && v.patch === '' && v.kind === '' && v.pre === '';
}
/**
 * gover.FromToolchain: the version a toolchain name stands for ("go1.21.1-corp" → "1.21.1"),
 * '' when the name is not one the go command can run.
 */
function versionOfToolchain(name) {
    if (/[\\/]/.test(name) || !name.startsWith('go'))
        return '';
    const version = name.slice(2).split(/[ \t-]/, 1)[0];
    return isValidGo(version) ? version : '';
}


/***/ }),

/***/ 7811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ BAD_PATTERN),
/* harmony export */   V: () => (/* binding */ goPathMatch)
/* harmony export */ });
/* unused harmony export pathMatch */
// Go's path.Match (src/path/match.go), byte for byte on the UTF-8 form of both strings.
//   '*' any run of non-'/' bytes, '?' one non-'/' character, '[a-z]' / '[^a-z]' a character
//   class with ranges, '\\c' the character c.
// A malformed pattern is an error even when the name already failed to match, because Go
// checks the rest of the pattern too.
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const utf8 = new TextEncoder();
/** path.ErrBadPattern, as a value rather than an exception. */
const BAD_PATTERN = 'syntax error in pattern';
// One UTF-8 character at the start of s: its code point and length (Go's RuneError, 1 on
// invalid bytes; TextEncoder output is always valid, so that case does not arise here).
function decodeRune(s, at) {
    const b = s[at];
    if (b < 0x80)
        return [b, 1];
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    let rune = b & (0xff >> (size + 1));
    for (let i = 1; i < size; i++)
        rune = (rune << 6) | (s[at + i] & 0x3f);
    return [rune, size];
}
// The next chunk: leading stars, then the text up to the next '*' outside a class.
function scanChunk(pattern) {
    let start = 0;
    while (start < pattern.length && pattern[start] === STAR)
        start++;
    const p = pattern.subarray(start);
    let inRange = false;
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === BACKSLASH && i + 1 < p.length)
            i++;
        else if (c === OPEN)
            inRange = true;
        else if (c === CLOSE)
            inRange = false;
        else if (c === STAR && !inRange)
            return { star: start > 0, chunk: p.subarray(0, i), rest: p.subarray(i) };
    }
    return { star: start > 0, chunk: p, rest: p.subarray(p.length) };
}
// One possibly escaped character of a class; the class must go on after it.
function classChar(chunk, at) {
    if (at >= chunk.length || chunk[at] === DASH || chunk[at] === CLOSE)
        return undefined;
    const start = chunk[at] === BACKSLASH ? at + 1 : at;
    if (start >= chunk.length)
        return undefined;
    const [rune, size] = decodeRune(chunk, start);
    const next = start + size;
    return next >= chunk.length ? undefined : { rune, next };
}
// A class "[...]" starting at chunk[at] === '[', against rune (undefined when s is used up).
function matchClass(chunk, at, rune) {
    let i = at + 1;
    const negated = chunk[i] === CARET;
    if (negated)
        i++;
    let matched = false;
    for (let ranges = 0;; ranges++) {
        if (ranges > 0 && chunk[i] === CLOSE)
            return { next: i + 1, ok: matched !== negated };
        const lo = classChar(chunk, i);
        if (!lo)
            return undefined;
        let hi = lo;
        if (chunk[lo.next] === DASH) {
            const end = classChar(chunk, lo.next + 1);
            if (!end)
                return undefined;
            hi = end;
        }
        i = hi.next;
        if (rune !== undefined && lo.rune <= rune && rune <= hi.rune)
            matched = true;
    }
}
// Matches chunk against the start of s: the rest of s on success, null on a mismatch,
// BAD_PATTERN on a malformed chunk (which is checked to its end even after a mismatch).
function matchChunk(chunk, s) {
    let failed = false;
    let pos = 0;
    for (let i = 0; i < chunk.length;) {
        failed ||= pos >= s.length;
        const c = chunk[i];
        if (c === OPEN) {
            let rune;
            if (!failed) {
                const [r, size] = decodeRune(s, pos);
                rune = r;
                pos += size;
            }
            const result = matchClass(chunk, i, rune);
            if (!result)
                return BAD_PATTERN;
            failed ||= !result.ok;
            i = result.next;
        }
        else if (c === QUESTION) {
            if (!failed) {
                failed = s[pos] === SLASH;
                pos += decodeRune(s, pos)[1];
            }
            i++;
        }
        else {
            if (c === BACKSLASH && ++i >= chunk.length)
                return BAD_PATTERN;
            if (!failed)
                failed = chunk[i] !== s[pos++];
            i++;
        }
    }
    return failed ? null : s.subarray(pos);
}
// After a mismatch: Go still reports a malformed rest of the pattern.
function checkRest(pattern) {
    for (let rest = pattern; rest.length > 0;) {
        const next = scanChunk(rest);
        if (matchChunk(next.chunk, new Uint8Array(0)) === BAD_PATTERN)
            return BAD_PATTERN;
        rest = next.rest;
    }
    return false;
}
/** path.Match, with ErrBadPattern as the BAD_PATTERN value. */
function goPathMatch(patternText, nameText) {
    let pattern = utf8.encode(patternText);
    let name = utf8.encode(nameText);
    patterns: while (pattern.length > 0) {
        const { star, chunk, rest } = scanChunk(pattern);
        pattern = rest;
        // A trailing '*' matches the rest of the name unless it crosses a '/'.
        if (star && chunk.length === 0)
            return !name.includes(SLASH);
        const t = matchChunk(chunk, name);
        if (t instanceof Uint8Array && (t.length === 0 || pattern.length > 0)) {
            name = t;
            continue;
        }
        if (t === BAD_PATTERN)
            return BAD_PATTERN;
        if (star) {
            // Let the star eat one more non-'/' byte at a time.
            for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
                const u = matchChunk(chunk, name.subarray(i + 1));
                if (u instanceof Uint8Array) {
                    if (pattern.length === 0 && u.length > 0)
                        continue;
                    name = u;
                    continue patterns;
                }
                if (u === BAD_PATTERN)
                    return BAD_PATTERN;
            }
        }
        return checkRest(pattern);
    }
    return name.length === 0;
}
/** Go's path.Match: whether name matches the shell pattern; a malformed pattern never matches. */
function pathMatch(pattern, name) {
    return goPathMatch(pattern, name) === true;
}


/***/ }),

/***/ 1817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ quoteBytes),
/* harmony export */   OA: () => (/* binding */ fields),
/* harmony export */   Pd: () => (/* binding */ trimSpace),
/* harmony export */   Zx: () => (/* binding */ quoteRune),
/* harmony export */   aQ: () => (/* binding */ isGraphicOrSpace),
/* harmony export */   hD: () => (/* binding */ quote)
/* harmony export */ });
// Go's string helpers that the environment rules depend on: unicode.IsSpace (for
// strings.TrimSpace and strings.Fields) and strconv's %q quoting used in Go's messages.
// unicode.IsSpace: ASCII white space, NEL, NBSP and the Z categories (JS \s differs: it has
// U+FEFF but lacks U+0085).
const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${SPACE}]+$`);
const SPACE_RUN = new RegExp(`[${SPACE}]+`);
// unicode.IsGraphic (letters, marks, numbers, punctuation, symbols, space separators) or
// unicode.IsSpace.
const GRAPHIC_OR_SPACE = new RegExp(`^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}${SPACE}]*$`, 'u');
/** Every character of `s` is graphic or white space, as Go's unicode package says. */
function isGraphicOrSpace(s) {
    return GRAPHIC_OR_SPACE.test(s);
}
/** strings.TrimSpace. */
function trimSpace(s) {
    return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}
/** strings.Fields: the non-empty runs between white space. */
function fields(s) {
    return s.split(SPACE_RUN).filter(f => f !== '');
}
// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const NAMED_ESCAPES = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v'
};
function quoteChar(ch, quote) {
    if (ch === quote || ch === '\\')
        return `\\${ch}`;
    const cp = ch.codePointAt(0) ?? 0;
    // A lone surrogate is what invalid UTF-8 becomes in JS; Go shows such bytes as \ufffd.
    if (cp >= 0xd800 && cp <= 0xdfff)
        return '\\ufffd';
    if (PRINTABLE.test(ch))
        return ch;
    const named = NAMED_ESCAPES[ch];
    if (named !== undefined)
        return named;
    if (cp < 0x20 || cp === 0x7f)
        return `\\x${cp.toString(16).padStart(2, '0')}`;
    if (cp < 0x10000)
        return `\\u${cp.toString(16).padStart(4, '0')}`;
    return `\\U${cp.toString(16).padStart(8, '0')}`;
}
/** strconv.Quote (fmt's %q of a string): `"a\tb"`. */
function quote(s) {
    let out = '"';
    for (const ch of s)
        out += quoteChar(ch, '"');
    return out + '"';
}
/** strconv.QuoteRune (fmt's %q of a rune): `'!'`. */
function quoteRune(ch) {
    return `'${quoteChar(ch, "'")}'`;
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Length of the valid UTF-8 sequence at bytes[i], or 0 if the byte there starts none.
function sequenceLength(bytes, i) {
    const b = bytes[i];
    if (b < 0x80)
        return 1;
    const size = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0)
        return 0;
    try {
        strictUtf8.decode(bytes.subarray(i, i + size));
        return size;
    }
    catch {
        return 0;
    }
}
/** strconv.Quote of raw bytes: like quote, with bytes that are not UTF-8 shown as \xNN. */
function quoteBytes(bytes) {
    let out = '"';
    for (let i = 0; i < bytes.length;) {
        const size = sequenceLength(bytes, i);
        if (size === 0) {
            out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
            i++;
        }
        else {
            out += quoteChar(strictUtf8.decode(bytes.subarray(i, i + size)), '"');
            i += size;
        }
    }
    return out + '"';
}


/***/ }),

/***/ 6034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ formatGoUrl),
/* harmony export */   G0: () => (/* binding */ redactedGoUrl),
/* harmony export */   P: () => (/* binding */ parseGoUrl),
/* harmony export */   cT: () => (/* binding */ tryParseGoUrl),
/* harmony export */   jU: () => (/* binding */ emptyUrl)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _credentials_mask_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7380);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3180);
/* harmony import */ var _strings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1817);
/* harmony import */ var _urlescape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9677);
// A URL as Go's net/url parses and prints it: the go command accepts or rejects a GOPROXY entry
// by url.Parse, and writes URLs in its messages with URL.Redacted, so both must be Go's.





/** The zero GoUrl, as Go's `url.URL{}`. */
function emptyUrl() {
    return {
        scheme: '',
        opaque: '',
        host: '',
        path: '',
        rawPath: '',
        rawQuery: '',
        forceQuery: false,
        fragment: '',
        rawFragment: '',
        omitHost: false
    };
}
/**
 * url.Parse. Throws GoEnvError worded as Go's `parse "<url>": <reason>`, except that a password
 * in the quoted URL is masked (Go prints it).
 */
function parseGoUrl(raw) {
    const hash = raw.indexOf('#');
    const main = hash < 0 ? raw : raw.slice(0, hash);
    const url = withContext(main, () => parseWithoutFragment(main));
    if (hash >= 0 && hash < raw.length - 1) {
        const fragment = raw.slice(hash + 1);
        url.fragment = withContext(raw, () => (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(fragment, 'fragment'));
        url.rawFragment = (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(url.fragment, 'fragment') === fragment ? '' : fragment;
    }
    return url;
}
/** parseGoUrl, or undefined where Go's url.Parse returns an error. */
function tryParseGoUrl(raw) {
    try {
        return parseGoUrl(raw);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O)
            return undefined;
        throw err;
    }
}
function withContext(raw, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O))
            throw err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O(`parse ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)((0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_4__/* .maskCredentials */ .Bs)(raw))}: ${err.message}`);
    }
}
function parseWithoutFragment(raw) {
    if ([...raw].some(c => c < ' ' || c === '\x7f')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O('net/url: invalid control character in URL');
    }
    const url = emptyUrl();
    if (raw === '*')
        return { ...url, path: '*' };
    const [scheme, afterScheme] = splitScheme(raw);
    url.scheme = scheme.toLowerCase();
    let rest = afterScheme;
    if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
        url.forceQuery = true;
        rest = rest.slice(0, -1);
    }
    else if (rest.includes('?')) {
        url.rawQuery = rest.slice(rest.indexOf('?') + 1);
        rest = rest.slice(0, rest.indexOf('?'));
    }
    if (!rest.startsWith('/')) {
        if (url.scheme !== '')
            return { ...url, opaque: rest };
        // A relative path whose first segment has a colon would read as a scheme.
        if (rest.split('/')[0].includes(':')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O('first path segment in URL cannot contain colon');
        }
    }
    if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
        const slash = rest.indexOf('/', 2);
        const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
        rest = slash < 0 ? '' : rest.slice(slash);
        parseAuthority(url, authority);
    }
    else if (url.scheme !== '' && rest.startsWith('/')) {
        url.omitHost = true;
    }
    url.path = (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(rest, 'path');
    url.rawPath = (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(url.path, 'path') === rest ? '' : rest;
    return url;
}
/** getScheme: `[a-zA-Z][a-zA-Z0-9+.-]*:`, else no scheme at all. */
function splitScheme(raw) {
    const match = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(raw);
    if (match)
        return [match[0].slice(0, -1), raw.slice(match[0].length)];
    if (raw.startsWith(':'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O('missing protocol scheme');
    return ['', raw];
}
// The user information ends at the last '@' (so a password may hold '@').
function parseAuthority(url, authority) {
    const at = authority.lastIndexOf('@');
    url.host = parseHost(url.scheme, authority.slice(at + 1));
    if (at < 0)
        return;
    const userinfo = authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O('net/url: invalid userinfo');
    }
    const colon = userinfo.indexOf(':');
    if (colon < 0) {
        url.user = { username: (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(userinfo, 'userPassword') };
    }
    else {
        url.user = {
            username: (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(userinfo.slice(0, colon), 'userPassword'),
            password: (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(userinfo.slice(colon + 1), 'userPassword')
        };
    }
}
function parseHost(scheme, host) {
    const open = host.lastIndexOf('[');
    if (open > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O('invalid IP-literal');
    if (open === 0)
        return parseIpLiteral(host);
    const first = host.indexOf(':');
    if (first >= 0) {
        // Go 1.26 is strict about extra colons in http(s) hosts; elsewhere the last one starts the port.
        const strict = scheme === 'http' || scheme === 'https';
        const port = host.slice(strict ? first : host.lastIndexOf(':'));
        checkPort(port);
    }
    return (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(host, 'host');
}
function checkPort(colonPort) {
    if (colonPort !== '' && !/^:[0-9]*$/.test(colonPort)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O(`invalid port ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(colonPort)} after host`);
    }
}
// "[fe80::1%25en0]:80": only an IPv6 address (with an optional zone) may stand in brackets.
function parseIpLiteral(host) {
    const close = host.lastIndexOf(']');
    if (close < 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O("missing ']' in host");
    const colonPort = host.slice(close + 1);
    checkPort(colonPort);
    const hostname = host.slice(1, close);
    const zone = hostname.indexOf('%25');
    const address = zone < 0
        ? (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(hostname, 'host')
        : (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(hostname.slice(0, zone), 'host') + (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(hostname.slice(zone), 'zone');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(address))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O('invalid IP-literal');
    if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(address)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O(`invalid host: ParseAddr(${(0,_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(address)}): not an IP address`);
    }
    return `[${address}]${colonPort}`;
}
/** URL.EscapedPath: the raw path when it is a valid encoding of the path, else Go's escaping. */
function escapedPath(url) {
    if (url.rawPath !== '' && (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .validEncoded */ .jv)(url.rawPath, 'path')) {
        try {
            if ((0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(url.rawPath, 'path') === url.path)
                return url.rawPath;
        }
        catch {
            // An invalid raw path is ignored, as Go does.
        }
    }
    if (url.path === '*')
        return '*';
    return (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(url.path, 'path');
}
function escapedFragment(url) {
    if (url.rawFragment !== '' && (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .validEncoded */ .jv)(url.rawFragment, 'fragment')) {
        try {
            if ((0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .unescape */ .x4)(url.rawFragment, 'fragment') === url.fragment)
                return url.rawFragment;
        }
        catch {
            // An invalid raw fragment is ignored, as Go does.
        }
    }
    return (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(url.fragment, 'fragment');
}
function userinfoText(user) {
    const name = (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(user.username, 'userPassword');
    return user.password === undefined ? name : `${name}:${(0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(user.password, 'userPassword')}`;
}
/** URL.String. */
function formatGoUrl(url) {
    let out = url.scheme === '' ? '' : `${url.scheme}:`;
    if (url.opaque !== '') {
        out += url.opaque;
    }
    else {
        const hasAuthority = url.scheme !== '' || url.host !== '' || url.user !== undefined;
        const omit = url.omitHost && url.host === '' && url.user === undefined;
        if (hasAuthority && !omit) {
            if (url.host !== '' || url.path !== '' || url.user !== undefined)
                out += '//';
            if (url.user !== undefined)
                out += `${userinfoText(url.user)}@`;
            out += (0,_urlescape_js__WEBPACK_IMPORTED_MODULE_3__/* .escape */ .ih)(url.host, 'host');
        }
        const path = escapedPath(url);
        if (path !== '' && !path.startsWith('/') && url.host !== '')
            out += '/';
        // A colon in the first segment of a bare relative path would read as a scheme.
        if (out === '' && path.split('/')[0].includes(':'))
            out += './';
        out += path;
    }
    if (url.forceQuery || url.rawQuery !== '')
        out += `?${url.rawQuery}`;
    if (url.fragment !== '')
        out += `#${escapedFragment(url)}`;
    return out;
}
/** URL.Redacted: String with any password replaced by "xxxxx". */
function redactedGoUrl(url) {
    if (url.user?.password === undefined)
        return formatGoUrl(url);
    return formatGoUrl({ ...url, user: { username: url.user.username, password: 'xxxxx' } });
}


/***/ }),

/***/ 9677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ih: () => (/* binding */ escape),
/* harmony export */   jv: () => (/* binding */ validEncoded),
/* harmony export */   x4: () => (/* binding */ unescape)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
/* harmony import */ var _strings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1817);
// Percent-encoding as Go's net/url does it, per part of the URL. Go works on bytes; here a
// string is taken as its UTF-8 bytes, so every non-ASCII byte is one that must be escaped.


const HOST_EXTRA = new Set('!$&\'()*+,;=:[]<>"');
const RESERVED = new Set('$&+,/:;=?@');
function isAlphanumeric(c) {
    return /^[A-Za-z0-9]$/.test(c);
}
/** Whether the ASCII character c must be written as %XX in the given part of a URL. */
function shouldEscape(c, mode) {
    if (isAlphanumeric(c))
        return false;
    if ((mode === 'host' || mode === 'zone') && HOST_EXTRA.has(c))
        return false;
    if ('-_.~'.includes(c))
        return false;
    if (RESERVED.has(c)) {
        switch (mode) {
            case 'path':
                return c === '?';
            case 'pathSegment':
                return '/;,?'.includes(c);
            case 'userPassword':
                return '@/?:'.includes(c);
            case 'queryComponent':
                return true;
            case 'fragment':
                return false;
        }
    }
    if (mode === 'fragment' && '!()*'.includes(c))
        return false;
    return true;
}
const utf8 = new TextEncoder();
const isHexDigit = (b) => b !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCharCode(b));
/** net/url's unescape: decodes %XX (and '+' in query components); throws on malformed escapes. */
function unescape(s, mode) {
    // Go works on bytes, and its messages quote byte slices (which may cut a character in two).
    const bytes = utf8.encode(s);
    const out = [];
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === 0x25) {
            const escape = bytes.subarray(i, i + 3);
            if (!isHexDigit(bytes[i + 1]) || !isHexDigit(bytes[i + 2])) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid URL escape ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteBytes */ .K7)(escape)}`);
            }
            checkHostEscape(String.fromCharCode(...escape), mode);
            out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
            i += 2;
        }
        else if (mode === 'host' || mode === 'zone') {
            if (b < 0x80 && shouldEscape(String.fromCharCode(b), mode)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid character ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(String.fromCharCode(b))} in host name`);
            }
            out.push(b);
        }
        else {
            out.push(b === 0x2b && mode === 'queryComponent' ? 0x20 : b);
        }
    }
    // Bytes that are not UTF-8 become U+FFFD here, where Go would keep them.
    return new TextDecoder().decode(Uint8Array.from(out));
}
// Hosts may %-encode only non-ASCII bytes (and %25 for an IPv6 zone); zones only what could
// be written plainly in a host, or a space.
function checkHostEscape(escape, mode) {
    const value = parseInt(escape.slice(1), 16);
    if (mode === 'host' && value < 0x80 && escape !== '%25') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid URL escape ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(escape)}`);
    }
    if (mode === 'zone' && escape !== '%25' && value !== 0x20) {
        const plain = String.fromCharCode(value);
        if (value >= 0x80 || shouldEscape(plain, 'host')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid URL escape ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(escape)}`);
        }
    }
}
/** net/url's escape: every byte that the mode does not allow becomes %XX (upper-case hex). */
function escape(s, mode) {
    let out = '';
    for (const ch of s) {
        if (ch === ' ' && mode === 'queryComponent')
            out += '+';
        else if (ch < '\x80' && !shouldEscape(ch, mode))
            out += ch;
        else {
            for (const b of utf8.encode(ch)) {
                out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
            }
        }
    }
    return out;
}
/** Whether s is already a valid escaped path or fragment (sub-delims, '%' and brackets allowed). */
function validEncoded(s, mode) {
    for (const ch of s) {
        if ("!$&'()*+,;=:@[]%".includes(ch))
            continue;
        if (ch >= '\x80' || shouldEscape(ch, mode))
            return false;
    }
    return true;
}


/***/ }),

/***/ 1751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ logContext),
/* harmony export */   aD: () => (/* binding */ createMasker),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   lQ: () => (/* binding */ matrixOf),
/* harmony export */   m: () => (/* binding */ ecsLine),
/* harmony export */   r5: () => (/* binding */ parseLogFormat)
/* harmony export */ });
/* unused harmony exports LOG_FORMATS, MASK, ECS_VERSION */
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _credentials_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5725);
/* harmony import */ var _credentials_mask_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7380);
// `log-format`: log lines as text, or as ECS JSON objects a log store (ELK, Splunk) ingests.
// Both faces write their json lines through ecsLine, with the same fields.




const LOG_FORMATS = ['text', 'json'];
/** The `log-format` input (empty: text); anything else is an InputError naming it. */
function parseLogFormat(value) {
    const text = value?.trim() || 'text';
    const format = LOG_FORMATS.find(f => f === text);
    if (format)
        return format;
    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.LogFormat, value ?? '', `must be one of: ${LOG_FORMATS.join(', ')}`);
}
function logContext(env) {
    return {
        repository: env.GITHUB_REPOSITORY || undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        job: env.GITHUB_JOB || undefined,
        matrix: matrixOf(env)
    };
}
/** Matrix values a workflow passes as `env: VALIDATE_GOPROXY_MATRIX: ${{ toJSON(matrix) }}`; kept as text when not JSON. */
function matrixOf(env) {
    const text = env.VALIDATE_GOPROXY_MATRIX;
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
const MASK = '***';
/**
 * A secret as written, as a reason quotes a server's words (JSON-escaped: `"` as `\"`), and as a
 * table cell of the job summary holds it (`|` as `\|`), so an echoed one is masked in each form.
 */
function secretForms(secret) {
    const quoted = JSON.stringify(secret).slice(1, -1);
    return [...new Set([secret, quoted, secret.replace(/\|/g, '\\|'), quoted.replace(/\|/g, '\\|')])];
}
function createMasker() {
    // Longest first, so that a secret holding a shorter one is masked whole.
    const secrets = [];
    return {
        mask: text => (0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_3__/* .maskCredentials */ .Bs)(secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text)),
        add: secret => {
            for (const form of secretForms(secret)) {
                if (!form || secrets.includes(form))
                    continue;
                secrets.push(form);
            }
            secrets.sort((a, b) => b.length - a.length);
        }
    };
}
/** The version of the Elastic Common Schema the field names follow. */
const ECS_VERSION = '8.11.0';
/**
 * One event as one line of JSON (no newline). As the ecs-logging spec asks, `log.level` and
 * `ecs.version` are top-level dotted keys; every other field set is a nested object. Each string
 * is masked before encoding, so a secret with a quote or backslash in it cannot slip through as
 * its JSON escape.
 */
function ecsLine(event, context, mask, now = new Date()) {
    const record = {
        '@timestamp': now.toISOString(),
        'log.level': event.level,
        message: event.message,
        'ecs.version': ECS_VERSION,
        service: { name: 'validate-goproxy', version: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .xv },
        event: {
            action: event.action ?? 'log',
            outcome: event.outcome,
            // ECS durations are in nanoseconds.
            duration: event.durationMs === undefined ? undefined : Math.round(event.durationMs * 1e6)
        },
        url: event.url === undefined ? undefined : { full: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(event.url) },
        http: event.status === undefined ? undefined : { response: { status_code: event.status } },
        validate_goproxy: {
            candidate: event.candidate,
            verdict: event.verdict,
            reason: event.reason,
            duration_ms: event.durationMs,
            latency_ms: event.latencyMs
        },
        github: {
            repository: context.repository,
            run_id: context.runId,
            job: context.job,
            matrix: context.matrix
        }
    };
    return JSON.stringify(compact(record, mask));
}
/** Strings masked; undefined values and objects left empty dropped. */
function compact(value, mask) {
    if (typeof value === 'string')
        return mask(value);
    if (Array.isArray(value))
        return value.map(v => compact(v, mask));
    if (value === null || typeof value !== 'object')
        return value;
    const entries = Object.entries(value)
        .map(([key, v]) => [key, compact(v, mask)])
        .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
}


/***/ }),

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z$: () => (/* binding */ maskValues),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   qO: () => (/* binding */ withFields)
/* harmony export */ });
/**
 * `value` (JSON data) with every string in it masked, keys and structure untouched, so it stays
 * the same shape: a short secret masks characters of other words, as the runner does in the log,
 * but never breaks the JSON.
 */
function maskValues(value, mask) {
    if (typeof value === 'string')
        return mask(value);
    if (Array.isArray(value))
        return value.map(v => maskValues(v, mask));
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValues(v, mask)]));
}
/** The logger with `defaults` under each line's own fields: names the action of a component's lines. */
function withFields(log, defaults) {
    return {
        debug: (m, fields) => log.debug(m, { ...defaults, ...fields }),
        info: (m, fields) => log.info(m, { ...defaults, ...fields }),
        warning: (m, fields) => log.warning(m, { ...defaults, ...fields })
    };
}
/** An error's message for a log line. Duck-typed: errors from Node built-ins may come from another realm (jest). */
function messageOf(err) {
    const message = err?.message;
    return typeof message === 'string' ? message : String(err);
}


/***/ }),

/***/ 4530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iU: () => (/* binding */ checkModulePath),
  ps: () => (/* binding */ checkVersion),
  ft: () => (/* binding */ escapePath),
  av: () => (/* binding */ escapeVersion)
});

// UNUSED EXPORTS: splitPathVersion, unescapePath, unescapeVersion

// EXTERNAL MODULE: ./src/gostd/errors.ts
var errors = __webpack_require__(3180);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
;// CONCATENATED MODULE: ./src/xmod/pathelements.ts
// The element rules of golang.org/x/mod/module (checkPath and checkElem): what may stand
// between the slashes of a module path, and what a version (checked as a file name) may hold.
// Each function returns Go's reason for rejecting, or undefined when the text is fine.

const WINDOWS_RESERVED = new Set([
    'CON',
    'PRN',
    'AUX',
    'NUL',
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`COM${n}`, `LPT${n}`])
]);
// Module paths: ASCII letters, digits and - . _ ~. File names add some punctuation, spaces and
// non-ASCII letters.
function isAllowed(c, kind) {
    if (kind === 'module')
        return /^[-._~0-9A-Za-z]$/.test(c);
    return /^[0-9A-Za-z!#$%&()+,\-.=@[\]^_{}~ ]$/.test(c) || (c >= '\x80' && /^\p{L}$/u.test(c));
}
function checkElement(elem, kind) {
    if (elem === '')
        return 'empty path element';
    if (/^\.+$/.test(elem))
        return `invalid path element ${(0,strings/* quote */.hD)(elem)}`;
    if (elem.startsWith('.') && kind === 'module')
        return 'leading dot in path element';
    if (elem.endsWith('.'))
        return 'trailing dot in path element';
    const bad = [...elem].find(c => !isAllowed(c, kind));
    if (bad !== undefined)
        return `invalid char ${(0,strings/* quoteRune */.Zx)(bad)}`;
    // Windows refuses these names, with any extension.
    const short = elem.split('.')[0];
    if (WINDOWS_RESERVED.has(short.toUpperCase())) {
        return `${(0,strings/* quote */.hD)(short)} disallowed as path element component on Windows`;
    }
    // Names like "PROGRA~1" look like Windows short names, which could alias another path.
    if (kind === 'module' && /~[0-9]+$/.test(short)) {
        return 'trailing tilde and digits in path element';
    }
    return undefined;
}
/** checkPath for a module path: the whole-path rules, then every element. */
function checkModuleElements(path) {
    // JS strings hold invalid UTF-8 as lone surrogates.
    if (/\p{Cs}/u.test(path))
        return 'invalid UTF-8';
    if (path === '')
        return 'empty string';
    if (path.startsWith('-'))
        return 'leading dash';
    if (path.includes('//'))
        return 'double slash';
    if (path.endsWith('/'))
        return 'trailing slash';
    for (const elem of path.split('/')) {
        const problem = checkElement(elem, 'module');
        if (problem !== undefined)
            return problem;
    }
    return undefined;
}
/** checkElem for one file-name element (how Go checks a version before escaping it). */
function pathelements_checkFileElement(elem) {
    return checkElement(elem, 'file');
}

// EXTERNAL MODULE: ./src/xmod/semver.ts
var semver = __webpack_require__(1090);
;// CONCATENATED MODULE: ./src/xmod/module.ts
// Module paths and versions as golang.org/x/mod/module checks and escapes them for the proxy
// protocol (module.go: CheckPath, Check, EscapePath, EscapeVersion and their inverses).




/** Throws GoEnvError `malformed module path "<path>": <reason>` unless Go accepts the path. */
function checkModulePath(path) {
    const reason = modulePathProblem(path);
    if (reason !== undefined)
        throw new errors/* GoEnvError */.O(`malformed module path ${(0,strings/* quote */.hD)(path)}: ${reason}`);
}
function modulePathProblem(path) {
    const elementsProblem = checkModuleElements(path);
    if (elementsProblem !== undefined)
        return elementsProblem;
    const slash = path.indexOf('/');
    const first = slash < 0 ? path : path.slice(0, slash);
    if (first === '')
        return 'leading slash';
    if (!first.includes('.'))
        return 'missing dot in first path element';
    if (path.startsWith('-'))
        return 'leading dash in first path element';
    const bad = [...first].find(c => !/^[-.0-9a-z]$/.test(c));
    if (bad !== undefined)
        return `invalid char ${(0,strings/* quoteRune */.Zx)(bad)} in first path element`;
    if (splitPathVersion(path) === undefined)
        return 'invalid version';
    return undefined;
}
/**
 * SplitPathVersion: the path without its major-version suffix and the suffix ("/v2", or ".v1"
 * for gopkg.in); undefined when the suffix is malformed ("/v1", "/v0", "/v2.0", gopkg.in
 * paths without ".vN").
 */
function splitPathVersion(path) {
    if (path.startsWith('gopkg.in/')) {
        // Every gopkg.in path ends in .vN (optionally -unstable); .v0 is the only N led by a zero.
        const m = /^(.*)(\.v([0-9]*)(-unstable)?)$/s.exec(path);
        if (!m)
            return undefined;
        const [, prefix, pathMajor] = m;
        if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0'))
            return undefined;
        return { prefix, pathMajor };
    }
    const m = /^(.*)(\/v[0-9.]+)$/s.exec(path);
    if (!m)
        return { prefix: path, pathMajor: '' };
    const [, prefix, pathMajor] = m;
    if (pathMajor.includes('.') || pathMajor[2] === '0' || pathMajor === '/v1')
        return undefined;
    return { prefix, pathMajor };
}
// Why version does not fit the major-version suffix of its path (CheckPathMajor), if it does not.
function pathMajorMismatch(version, pathMajor) {
    const suffix = pathMajor.startsWith('.v') ? pathMajor.replace(/-unstable$/, '') : pathMajor;
    // An old bug made v0.0.0- pseudo-versions for gopkg.in .v1 paths; Go still accepts them.
    if (version.startsWith('v0.0.0-') && suffix === '.v1')
        return undefined;
    const m = (0,semver/* major */.eR)(version);
    if (suffix === '') {
        if (m === 'v0' || m === 'v1' || (0,semver/* build */.jq)(version) === '+incompatible')
            return undefined;
        return `should be v0 or v1, not ${m}`;
    }
    return m === suffix.slice(1) ? undefined : `should be ${suffix.slice(1)}, not ${m}`;
}
function versionProblem(path, version) {
    if (!(0,semver/* isValid */.fn)(version))
        return 'not a semantic version';
    const wanted = (0,semver/* canonical */.$N)(version) + ((0,semver/* build */.jq)(version) === '+incompatible' ? '+incompatible' : '');
    if (version !== wanted)
        return `not canonical (canonical form: ${wanted})`;
    const pathMajor = splitPathVersion(path)?.pathMajor ?? '';
    const mismatch = pathMajorMismatch(version, pathMajor);
    if (mismatch !== undefined)
        return mismatch;
    const base = version.replace(/\+incompatible$/, '');
    if (base !== version && pathMajorMismatch(base, pathMajor) === undefined) {
        return `+incompatible suffix not allowed: major version ${(0,semver/* major */.eR)(version)} is compatible`;
    }
    return undefined;
}
/**
 * Throws GoEnvError `<path>@<version>: invalid version: <reason>` unless the path is valid and
 * the version is one a proxy may serve for it: canonical semver whose major version fits the
 * path's /vN (or gopkg.in .vN) suffix, with +incompatible only on v2+ of a path without one.
 */
function checkVersion(path, version) {
    checkModulePath(path);
    const reason = versionProblem(path, version);
    if (reason !== undefined)
        throw new errors/* GoEnvError */.O(`${path}@${version}: invalid version: ${reason}`);
}
// Upper-case letters become '!' + lower case, so escaped paths survive case-folding file systems.
function escapeString(s) {
    return s.replace(/[A-Z]/g, c => `!${c.toLowerCase()}`);
}
/** The path as it appears in proxy URLs and the module cache; throws on an invalid path. */
function escapePath(path) {
    checkModulePath(path);
    return escapeString(path);
}
/** The version as it appears in proxy URLs; throws on a version Go would not escape. */
function escapeVersion(version) {
    // Go's escaping also refuses the non-ASCII letters that file names may hold.
    const escapable = !version.includes('!') && [...version].every(c => c < '\x80');
    if (pathelements_checkFileElement(version) !== undefined || !escapable) {
        throw new errors/* GoEnvError */.O(`version ${(0,strings/* quote */.hD)(version)} invalid: disallowed version string`);
    }
    return escapeString(version);
}
// The inverse of escapeString; undefined for upper case, a '!' not before a-z, or non-ASCII.
function unescapeString(escaped) {
    if ([...escaped].some(c => c > '\x7f') || /[A-Z]|!(?![a-z])/.test(escaped))
        return undefined;
    return escaped.replace(/!([a-z])/g, (_, c) => c.toUpperCase());
}
/** The module path an escaped path stands for; throws on a bad escape or an invalid result. */
function unescapePath(escaped) {
    const path = unescapeString(escaped);
    if (path === undefined)
        throw new GoEnvError(`invalid escaped module path ${quote(escaped)}`);
    const reason = modulePathProblem(path);
    if (reason !== undefined) {
        throw new GoEnvError(`invalid escaped module path ${quote(escaped)}: malformed module path ${quote(path)}: ${reason}`);
    }
    return path;
}
/** The version an escaped version stands for; throws on a bad escape or an invalid result. */
function unescapeVersion(escaped) {
    const version = unescapeString(escaped);
    if (version === undefined)
        throw new GoEnvError(`invalid escaped version ${quote(escaped)}`);
    const reason = checkFileElement(version);
    if (reason !== undefined) {
        throw new GoEnvError(`invalid escaped version ${quote(version)}: ${reason}`);
    }
    return version;
}


/***/ }),

/***/ 1090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ canonical),
/* harmony export */   Dv: () => (/* binding */ isPseudoVersion),
/* harmony export */   Rt: () => (/* binding */ prerelease),
/* harmony export */   UD: () => (/* binding */ compare),
/* harmony export */   eR: () => (/* binding */ major),
/* harmony export */   fn: () => (/* binding */ isValid),
/* harmony export */   jq: () => (/* binding */ build)
/* harmony export */ });
// Semantic versions as Go modules use them (golang.org/x/mod/semver and module/pseudo.go):
// a leading "v", and the shorthands vMAJOR and vMAJOR.MINOR.
const NUMBER = '0|[1-9][0-9]*';
const IDENT = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(`^v(${NUMBER})(?:\\.(${NUMBER})(?:\\.(${NUMBER})(-${IDENT}(?:\\.${IDENT})*)?(\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`);
// A numeric prerelease identifier may not have a leading zero.
const BAD_NUMERIC_IDENT = /^0[0-9]+$/;
function parse(v) {
    const m = SEMVER.exec(v);
    if (!m)
        return undefined;
    const [, major, minor, patch, prerelease = '', build = ''] = m;
    if (prerelease
        .slice(1)
        .split('.')
        .some(id => BAD_NUMERIC_IDENT.test(id)))
        return undefined;
    return {
        major,
        minor: minor ?? '0',
        patch: patch ?? '0',
        short: minor === undefined ? '.0.0' : patch === undefined ? '.0' : '',
        prerelease,
        build
    };
}
/** Whether v is a valid semantic version in Go's sense (e.g. v1.2.3-pre+build, v1.2, v1). */
function isValid(v) {
    return parse(v) !== undefined;
}
/** The canonical form of v: shorthands completed, build metadata dropped; '' if invalid. */
function canonical(v) {
    const p = parse(v);
    if (!p)
        return '';
    if (p.build !== '')
        return v.slice(0, v.length - p.build.length);
    return v + p.short;
}
/** The major version prefix ("v2" of "v2.1.0"), or '' if invalid. */
function major(v) {
    const p = parse(v);
    return p ? `v${p.major}` : '';
}
/** The prerelease suffix including its '-' ("-rc.1"), or '' if none or invalid. */
function prerelease(v) {
    return parse(v)?.prerelease ?? '';
}
/** The build suffix including its '+' ("+incompatible"), or '' if none or invalid. */
function build(v) {
    return parse(v)?.build ?? '';
}
// Decimal strings without leading zeros: the longer is larger.
function compareNumbers(x, y) {
    if (x.length !== y.length)
        return x.length < y.length ? -1 : 1;
    return x === y ? 0 : x < y ? -1 : 1;
}
function compareIdentifiers(x, y) {
    const xNumeric = /^[0-9]+$/.test(x);
    const yNumeric = /^[0-9]+$/.test(y);
    if (xNumeric && yNumeric)
        return compareNumbers(x, y);
    // Numeric identifiers sort before alphanumeric ones.
    if (xNumeric !== yNumeric)
        return xNumeric ? -1 : 1;
    return x === y ? 0 : x < y ? -1 : 1;
}
// A version without a prerelease is greater than one with; otherwise identifier by identifier,
// and a shorter list of equal identifiers sorts first.
function comparePrereleases(x, y) {
    if (x === y)
        return 0;
    if (x === '')
        return 1;
    if (y === '')
        return -1;
    const xs = x.slice(1).split('.');
    const ys = y.slice(1).split('.');
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const c = compareIdentifiers(xs[i], ys[i]);
        if (c !== 0)
            return c;
    }
    return xs.length < ys.length ? -1 : 1;
}
/**
 * Compares two versions: -1, 0 or 1. Build metadata is ignored; an invalid version is less
 * than every valid one and equal to every other invalid one.
 */
function compare(a, b) {
    const pa = parse(a);
    const pb = parse(b);
    if (!pa || !pb)
        return pa ? 1 : pb ? -1 : 0;
    return (compareNumbers(pa.major, pb.major) ||
        compareNumbers(pa.minor, pb.minor) ||
        compareNumbers(pa.patch, pb.patch) ||
        comparePrereleases(pa.prerelease, pb.prerelease));
}
// module/pseudo.go: vX.0.0-yyyymmddhhmmss-abcdef123456, vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef123456
// and vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef123456, each with optional build metadata.
const PSEUDO = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
/** Whether v is a pseudo-version (a version Go made up for an untagged commit). */
function isPseudoVersion(v) {
    return (v.match(/-/g) ?? []).length >= 2 && isValid(v) && PSEUDO.test(v);
}


/***/ }),

/***/ 2391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ SumdbError)
/* harmony export */ });
/** A checksum database answer (or key) failed verification; `code` says how. */
class SumdbError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'SumdbError';
        this.code = code;
    }
}


/***/ }),

/***/ 1453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rb: () => (/* binding */ isValidKeyName),
/* harmony export */   tL: () => (/* binding */ decodeStdBase64),
/* harmony export */   w8: () => (/* binding */ keyLabel),
/* harmony export */   z$: () => (/* binding */ parseVerifierKey)
/* harmony export */ });
/* unused harmony exports keyHash, parseSignerKey, generateSignerKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1817);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2391);
// Checksum database keys as golang.org/x/mod/sumdb/note writes them: a verifier key is
// "<name>+<8 hex key hash>+<base64(0x01 ‖ ed25519 public key)>", a signer key is the same with
// "PRIVATE+KEY+" in front and the 32-byte private seed in place of the public key.



const ALG_ED25519 = 0x01;
const ED25519_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;
// DER framing of a raw ed25519 key, so node:crypto can import the 32 bytes Go stores.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Go's base64.StdEncoding.DecodeString: standard alphabet, padding required, CR and LF skipped,
 * non-zero trailing bits tolerated. Undefined when Go would report an error (Node would not).
 */
function decodeStdBase64(s) {
    const clean = s.replace(/[\r\n]/g, '');
    return STD_BASE64.test(clean) ? Buffer.from(clean, 'base64') : undefined;
}
/** A key name: non-empty valid UTF-8 without Unicode white space or '+'. */
function isValidKeyName(name) {
    if (name === '' || name.includes('+') || LONE_SURROGATE.test(name))
        return false;
    const words = (0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .fields */ .OA)(name);
    return words.length === 1 && words[0] === name;
}
/** First 4 bytes (big-endian) of SHA-256(name ‖ "\n" ‖ key), key including its algorithm byte. */
function keyHash(name, key) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(name, 'utf8').update('\n').update(key).digest().readUInt32BE(0);
}
function hex8(hash) {
    return hash.toString(16).padStart(8, '0');
}
/** "name+hash" as Go names a key in its messages. */
function keyLabel(name, hash) {
    return `${name}+${hex8(hash)}`;
}
function cut(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}
function badKey(reason, key) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SumdbError */ .q('bad-key', `${reason} ${(0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)}`);
}
function ed25519Verifier(name, hash, publicKey) {
    const keyObject = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({
        key: Buffer.concat([SPKI_PREFIX, publicKey]),
        format: 'der',
        type: 'spki'
    });
    const verify = (msg, sig) => {
        if (sig.length !== ED25519_SIGNATURE_SIZE)
            return false;
        try {
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(null, msg, keyObject, sig);
        }
        catch {
            return false;
        }
    };
    return { name, keyHash: hash, publicKey, verify };
}
/** Parses "<name>+<hash>+<key>" with note.NewVerifier's checks and wording. */
function parseVerifierKey(vkey) {
    const [name, rest] = cut(vkey, '+');
    const [hash16, key64] = cut(rest, '+');
    const key = decodeStdBase64(key64);
    if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key || key.length === 0 || !isValidKeyName(name)) {
        throw badKey('malformed verifier id', vkey);
    }
    const hash = parseInt(hash16, 16);
    if (hash !== keyHash(name, key))
        throw badKey('invalid verifier hash', vkey);
    if (key[0] !== ALG_ED25519)
        throw badKey('unknown verifier algorithm', vkey);
    if (key.length !== 1 + ED25519_KEY_SIZE)
        throw badKey('malformed verifier id', vkey);
    return ed25519Verifier(name, hash, key.subarray(1));
}
function publicKeyOf(privateKey) {
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return Buffer.concat([Buffer.of(ALG_ED25519), spki.subarray(SPKI_PREFIX.length)]);
}
function formatKey(name, hash, key) {
    return `${name}+${hex8(hash)}+${key.toString('base64')}`;
}
/** Parses Go's "PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>" (note.NewSigner's checks). */
function parseSignerKey(skey) {
    const [priv, afterPriv] = cut(skey, '+');
    const [word, afterWord] = cut(afterPriv, '+');
    const [name, rest] = cut(afterWord, '+');
    const [hash16, key64] = cut(rest, '+');
    const key = decodeStdBase64(key64);
    const wellFormed = priv === 'PRIVATE' && word === 'KEY' && /^[0-9a-fA-F]{8}$/.test(hash16);
    // The key itself is not echoed: it is a secret.
    if (!wellFormed || !key || key.length === 0 || !isValidKeyName(name)) {
        throw new SumdbError('bad-key', 'malformed signer key');
    }
    if (key[0] !== ALG_ED25519)
        throw new SumdbError('bad-key', 'unknown signer key algorithm');
    if (key.length !== 1 + ED25519_KEY_SIZE)
        throw new SumdbError('bad-key', 'malformed signer key');
    const privateKey = createPrivateKey({
        key: Buffer.concat([PKCS8_PREFIX, key.subarray(1)]),
        format: 'der',
        type: 'pkcs8'
    });
    const hash = parseInt(hash16, 16);
    if (hash !== keyHash(name, publicKeyOf(privateKey))) {
        throw new SumdbError('bad-key', `invalid signer key hash for ${quote(name)}`);
    }
    return { name, keyHash: hash, privateKey };
}
/** A fresh ed25519 key named `name`, with its keys in Go's text forms (note.GenerateKey). */
function generateSignerKey(name) {
    if (!isValidKeyName(name))
        throw new SumdbError('bad-key', `invalid key name ${quote(name)}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKey = publicKeyOf(privateKey);
    const hash = keyHash(name, publicKey);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = Buffer.concat([Buffer.of(ALG_ED25519), pkcs8.subarray(PKCS8_PREFIX.length)]);
    return {
        signer: { name, keyHash: hash, privateKey },
        verifierKey: formatKey(name, hash, publicKey),
        signerKey: `PRIVATE+KEY+${formatKey(name, hash, seed)}`
    };
}


/***/ }),

/***/ 950:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads require() on demand */
// Stands in for @actions/http-client in the bundles. @actions/core imports it for getIDToken,
// which this action never calls; loading it at start loads http, https, tls and tunnel, which an
// input error never needs. The real package is loaded when first used (by the engine's proxy
// agents or the Actions cache). Required by its path: the name would resolve to this file again.
const lazyNamespace = __webpack_require__(7275)

module.exports = lazyNamespace(() =>
  __webpack_require__(4942)
)


/***/ }),

/***/ 7275:
/***/ ((module) => {

// A package's exports, loaded on first use. The bundle's stand-ins (script/lazy/*.js, put in
// place of the package by script/tsconfig.bundle.json) export this: webpack reads an import of a
// CommonJS module as a property of its exports at each use, so the real package is only evaluated
// — with the Node modules it requires — when a run first calls into it. It stays in the bundle.
// The stand-ins are CommonJS .js files (package.json here): ncc's path mapping finds .js and .mjs
// but not .cjs, and only a CommonJS module's exports are looked up at each use. A default import
// reads `__esModule` at once, loading the package then: they serve packages imported by name.

/** A view of `load()`'s exports that calls `load` (once) on the first look at any of them. */
module.exports = function lazyNamespace(load) {
  let real
  const target = () => (real ??= load())
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(target(), key),
      has: (_, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, key) => {
        const found = Reflect.getOwnPropertyDescriptor(target(), key)
        // A proxy may not report a property its empty target lacks as non-configurable.
        return found && { ...found, configurable: true }
      }
    }
  )
}


/***/ }),

/***/ 4258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ getExecOutput),
/* harmony export */   m: () => (/* binding */ exec)
/* harmony export */ });
// Stands in for @actions/exec in the bundles (script/tsconfig.bundle.json). @actions/core imports
// it for core.platform, which this action never reads, and @actions/cache for tar: loading it at
// start (child_process and @actions/io with it) costs every run time it mostly never uses. Both of
// its functions return a promise, so each can wait for the real package's chunk, loaded on the
// first call. It is imported by its path: the name `@actions/exec` would lead back here.
const real = () => __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 1955))

async function exec(...args) {
  return (await real()).exec(...args)
}

async function getExecOutput(...args) {
  return (await real()).getExecOutput(...args)
}


/***/ }),

/***/ 5149:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ProxyAgent)
/* harmony export */ });
// Stands in for undici in the bundles (script/build.mjs). @actions/http-client imports undici for
// one method, getAgentDispatcher() (a dispatcher for fetch through a proxy), that neither this
// action nor @actions/cache calls; undici is half of the bundle and a third of its start-up time.
class ProxyAgent {
  constructor() {
    throw new Error(
      'validate-goproxy bundles @actions/http-client without undici: getAgentDispatcher() is unavailable'
    )
  }
}


/***/ })

};
