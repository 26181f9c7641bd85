export const id = 438;
export const ids = [438];
export const modules = {

/***/ 6885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ deadlineSignal),
/* harmony export */   u: () => (/* binding */ onAbort)
/* harmony export */ });
// Abort listening that scales. A candidate's signal lives for the whole run and is shared by all
// of its requests (a thousand for a large go.sum); one 'abort' listener each would pass Node's
// limit of ten and print MaxListenersExceededWarning. Here a signal gets one real listener that
// calls every subscriber, removed again with the last subscriber.
const bySignal = new WeakMap();
/**
 * Calls `callback` once when `signal` aborts (in a microtask if it already has, never before this
 * returns). Returns the unsubscribe function: call it when the operation ends, so nothing is kept
 * for a signal that lives on.
 */
function onAbort(signal, callback) {
    if (signal.aborted) {
        let subscribed = true;
        queueMicrotask(() => subscribed && callback());
        return () => void (subscribed = false);
    }
    const subscribers = bySignal.get(signal) ?? listen(signal);
    // A wrapper of its own, so that one function subscribed twice is called twice.
    const entry = () => callback();
    subscribers.callbacks.add(entry);
    return () => {
        if (!subscribers.callbacks.delete(entry) || subscribers.callbacks.size > 0)
            return;
        signal.removeEventListener('abort', subscribers.fire);
        if (bySignal.get(signal) === subscribers)
            bySignal.delete(signal);
    };
}
function listen(signal) {
    const callbacks = new Set();
    const fire = () => {
        bySignal.delete(signal);
        for (const callback of [...callbacks])
            callback();
        callbacks.clear();
    };
    signal.addEventListener('abort', fire, { once: true });
    const subscribers = { callbacks, fire };
    bySignal.set(signal, subscribers);
    return subscribers;
}
/**
 * Like AbortSignal.any([parent, AbortSignal.timeout(ms)]), but it leaves nothing behind on a
 * long-lived `parent` once disposed (AbortSignal.any keeps a reference per call in some Node
 * versions).
 */
function deadlineSignal(parent, timeoutMs) {
    const controller = new AbortController();
    let expired = false;
    const timer = setTimeout(() => {
        expired = true;
        controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    }, timeoutMs);
    if (parent?.aborted)
        controller.abort(parent.reason);
    const unsubscribe = parent
        ? onAbort(parent, () => controller.abort(parent.reason))
        : () => undefined;
    return {
        signal: controller.signal,
        expired: () => expired,
        dispose: () => {
            clearTimeout(timer);
            unsubscribe();
        }
    };
}


/***/ }),

/***/ 7692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  stepEnd: () => (/* binding */ stepEnd)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
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

// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
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
                throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, text ?? '', `lists ${item}, which stands alone`);
            }
            if (!(0,glob/* isGlob */.fg)(item))
                return { kind: 'path', path: item };
            try {
                return { kind: 'glob', glob: (0,glob/* compileGlob */.SO)(item) };
            }
            catch (err) {
                throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, item, err.message);
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
 * Reads a GOPROXY-syntax input (`proxies` or `mirrors`) into candidates. Newlines count as `,`
 * so a YAML block list works. Credentials over http are refused, as the go command refuses them.
 */
function parseCandidates(input, value, role, platform) {
    const text = value.replace(/\r?\n/g, ',');
    const entries = (0,errors/* forInput */.c)(input, value, () => (0,proxylist/* parseProxyList */.WY)(text, { platform }));
    return entries.map((entry, index) => {
        refuseInsecureCredentials(input, value, entry);
        return { id: `${input}[${index}]`, role, entry, display: displayOf(entry) };
    });
}
function refuseInsecureCredentials(input, value, entry) {
    if (entry.kind !== 'proxy' || !(0,redact/* credentialsOf */.YN)(entry.url))
        return;
    if (!entry.url.toLowerCase().startsWith('https:')) {
        throw new errors/* InputError */.d(input, value, `has credentials in an http:// URL (${(0,redact/* redactUrl */.BO)(entry.url)}); the go command refuses to send credentials to an insecure URL — use https://`);
    }
}
function displayOf(entry) {
    return (0,redact/* redactUrl */.BO)((0,proxylist/* entryText */.u0)(entry));
}

// EXTERNAL MODULE: ./src/xmod/module.ts + 1 modules
var xmod_module = __webpack_require__(4530);
;// CONCATENATED MODULE: ./src/config/values.ts
/** Parsers for scalar inputs; each error names the input and the value. */

function parseInteger(input, value, min, max) {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new errors/* InputError */.d(input, value, `must be a whole number from ${min} to ${max}`);
    }
    return n;
}
function parseRatio(input, value) {
    const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
    if (!(n > 0 && n <= 1))
        throw new errors/* InputError */.d(input, value, 'must be a number above 0 and at most 1');
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
        throw new errors/* InputError */.d(input, value, 'is not a duration (examples: 10, 90s, 10m, 1h)');
    }
    // Checked after rounding to whole milliseconds, so "0.1ms" cannot become a zero timeout.
    const rounded = Math.round(ms);
    if ((!allowZero && rounded <= 0) || ms > maxMs || !Number.isFinite(ms)) {
        throw new errors/* InputError */.d(input, value, `must be ${allowZero ? 'at least 0' : 'at least 1 ms'} and at most ${maxMs / 1000} s`);
    }
    return rounded;
}
function parseBoolean(input, value) {
    const text = value.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    throw new errors/* InputError */.d(input, value, 'must be true or false');
}
function parseChoice(input, value, choices) {
    const text = value.trim();
    if (!choices.includes(text))
        throw new errors/* InputError */.d(input, value, `must be one of: ${choices.join(', ')}`);
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
        throw new errors/* InputError */.d(input, value, 'names no module');
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
            throw new errors/* InputError */.d(input, text, `is not a module path@version: ${err.message}`);
        }
        return { path, version, text };
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/credentials/mask.ts
var mask = __webpack_require__(7380);
;// CONCATENATED MODULE: ./src/config/profiles.ts
// Multi-tenant profiles: one document of named sets of proxy inputs, one of them chosen per job.




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
/** The entry used when `profile` names no entry (or is empty). */
const DEFAULT_PROFILE = 'default';
/**
 * Applies the profile `profile` names from the `profiles` document: its values fill the inputs
 * left empty (an input given explicitly wins). `profile` is the name to report: the chosen name,
 * or `name (default)` when the `default` entry stood in for `name`.
 */
function applyProfile(raw) {
    const document = raw[constants/* Inputs */.G0.Profiles]?.trim() ? raw[constants/* Inputs */.G0.Profiles] : undefined;
    const wanted = raw[constants/* Inputs */.G0.Profile]?.trim() ?? '';
    if (document === undefined) {
        if (wanted) {
            const reason = 'is set but `profiles` is empty: there is no profile to choose';
            throw new errors/* InputError */.d(constants/* Inputs */.G0.Profile, wanted, reason);
        }
        return { raw };
    }
    const table = parseProfiles(document);
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
/** The document as a mapping of profile names; YAML merge keys (`<<: *base`) are honoured. */
function parseProfiles(text) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, merge: true, uniqueKeys: true });
    const [error] = doc.errors;
    if (error) {
        const { line, where } = errorPlace(text, error.pos[0]);
        throw new errors/* InputError */.d(constants/* Inputs */.G0.Profiles, line, `is not valid YAML (${where}): ${error.message}`);
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (err) {
        throw new errors/* InputError */.d(constants/* Inputs */.G0.Profiles, excerpt(text), `cannot be read: ${err.message}`);
    }
    if (!isMapping(value)) {
        throw new errors/* InputError */.d(constants/* Inputs */.G0.Profiles, excerpt(text), `is ${kindOf(value)}, not a mapping of profile names to profiles`);
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
        throw new errors/* InputError */.d(constants/* Inputs */.G0.Profile, '', `is empty and \`profiles\` has no \`${DEFAULT_PROFILE}\` entry: choose one with \`profile\` (known profiles: ${known})`);
    }
    throw new errors/* InputError */.d(constants/* Inputs */.G0.Profile, wanted, `is not in \`profiles\` and there is no \`${DEFAULT_PROFILE}\` entry (known profiles: ${known})`);
}
/** The profile's values as input text; a profile written as nothing (`dev:`) sets nothing. */
function profileInputs(name, profile) {
    if (profile === null)
        return {};
    if (!isMapping(profile)) {
        throw new errors/* InputError */.d(constants/* Inputs */.G0.Profiles, name, `is ${kindOf(profile)}; a profile must be a mapping of ${keyList()}`);
    }
    const values = {};
    for (const [key, value] of Object.entries(profile)) {
        const spec = Object.hasOwn(PROFILE_KEYS, key) ? PROFILE_KEYS[key] : undefined;
        if (!spec) {
            const reason = `in profile ${quoted(name)} is not a key a profile may set (use ${keyList()})`;
            throw new errors/* InputError */.d(constants/* Inputs */.G0.Profiles, key, reason);
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
    throw new errors/* InputError */.d(constants/* Inputs */.G0.Profiles, key, `in profile ${quoted(name)} must be ${allowed}, not ${kindOf(value)}`);
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
    return JSON.stringify((0,mask/* maskPasswords */.jz)(name));
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
    const masked = (0,mask/* maskPasswords */.jz)(text.trim());
    return masked.length > max ? `${masked.slice(0, max)}…` : masked;
}

;// CONCATENATED MODULE: ./src/config/build.ts










/**
 * Validates every input and builds the plan; throws InputError on the first bad value. The chosen
 * profile fills the inputs left empty before anything else is read.
 */
function buildPlan(inputs, ctx) {
    const { raw, profile } = applyProfile(inputs);
    const value = name => (raw[name]?.trim() ? raw[name] : undefined);
    const probed = probing(value);
    return {
        ...sources(value, raw, ctx),
        ...probed,
        slowThresholdMs: slowThreshold(value, probed.timeoutMs),
        ...resilience(value, ctx),
        profile
    };
}
/** What to check: the candidates, the checksum database, the private patterns, the modules. */
function sources(value, raw, ctx) {
    const proxies = value(constants/* Inputs */.G0.Proxies) ?? nonEmpty(ctx.env[constants/* GoEnv */.OB.Goproxy]) ?? constants/* GO_DEFAULT_GOPROXY */.cH;
    const mirrors = value(constants/* Inputs */.G0.Mirrors);
    const gosumdb = value(constants/* Inputs */.G0.Gosumdb) ?? nonEmpty(ctx.env[constants/* GoEnv */.OB.Gosumdb]) ?? constants/* GO_DEFAULT_GOSUMDB */.lw;
    const modules = value(constants/* Inputs */.G0.ProbeModules) ?? constants/* DEFAULT_PROBE_MODULES */.tK.join('\n');
    return {
        candidates: [
            ...parseCandidates(constants/* Inputs */.G0.Proxies, proxies, 'primary', ctx.platform),
            ...(mirrors ? parseCandidates(constants/* Inputs */.G0.Mirrors, mirrors, 'mirror', ctx.platform) : [])
        ],
        gosumdb: (0,errors/* forInput */.c)(constants/* Inputs */.G0.Gosumdb, gosumdb, () => (0,goenv_gosumdb/* parseGosumdb */.$M)(gosumdb.trim())),
        sumdbMirrors: parseSumdbMirrors(value(constants/* Inputs */.G0.SumdbMirrors)),
        patterns: build_patterns(raw, ctx.env),
        modules: parseProbeModules(constants/* Inputs */.G0.ProbeModules, modules),
        build: {
            goSum: parseGoSumInput(value(constants/* Inputs */.G0.GoSum)),
            workingDirectory: resolveWorkingDirectory(value(constants/* Inputs */.G0.WorkingDirectory), ctx.env, ctx.cwd ?? process.cwd()),
            gowork: ctx.env.GOWORK,
            platform: goPlatformOf(ctx.platform, ctx.arch ?? process.arch)
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
        throw new errors/* InputError */.d(constants/* Inputs */.G0.SlowThreshold, text, reason);
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
function nonEmpty(text) {
    return text?.trim() ? text : undefined;
}
/** GOPRIVATE and friends: input, else the job env; GONOPROXY/GONOSUMDB default to GOPRIVATE. */
function build_patterns(raw, env) {
    const pick = (input, name) => {
        const text = raw[input] ? raw[input] : env[name];
        if (text !== undefined)
            (0,errors/* forInput */.c)(input, text, () => (0,patterns/* checkPatterns */.uO)(text));
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
    return splitList(value ?? '').map(url => (0,errors/* forInput */.c)(constants/* Inputs */.G0.SumdbMirrors, url, () => (0,goenv_gosumdb/* checkSumdbUrl */.Db)(url)));
}

;// CONCATENATED MODULE: ./src/config/secrets.ts

/**
 * Every password the plan's URLs carry (proxies, mirrors, the GOSUMDB URL, sumdb mirrors), as
 * written and URL-encoded, so each face can mask them in everything it prints.
 */
function planSecrets(plan) {
    const urls = [
        ...plan.candidates.flatMap(c => (c.entry.kind === 'proxy' ? [c.entry.url] : [])),
        ...plan.sumdbMirrors,
        ...(plan.gosumdb.kind === 'db' && plan.gosumdb.url ? [plan.gosumdb.url] : [])
    ];
    return urls.flatMap(url => {
        const password = (0,redact/* credentialsOf */.YN)(url)?.password;
        if (!password)
            return [];
        // The exported value holds the password as the URL spells it (`%2f` is not `%2F` to a mask).
        return [...new Set([password, encodeURIComponent(password), spelledPassword(url) ?? password])];
    });
}
// As Go parses a URL: the user info ends at the authority's last '@'; the password follows its
// first ':'.
function spelledPassword(url) {
    const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1] ?? '';
    const colon = userinfo.indexOf(':');
    return colon < 0 ? undefined : userinfo.slice(colon + 1);
}

// EXTERNAL MODULE: ./src/walk/toolchain.ts
var walk_toolchain = __webpack_require__(7562);
;// CONCATENATED MODULE: ./src/report/build.ts

/** How many modules a list names before it says "and N more". */
const LISTED = 20;
/** `path@version (file:line)`: where a module version of the build comes from. */
function moduleLabel(result) {
    const { path, version, zipAt, modAt } = result.module;
    const at = zipAt ?? modAt;
    return `${path}@${version}${at ? ` (${at.file}:${at.line})` : ''}`;
}
/** What each candidate answered for a module version that resolves through none. */
function unresolvedLine(result) {
    const answers = result.files.flatMap(f => f.asked.map(({ candidate, answer }) => `${candidate.display} .${f.file}: ${answer.kind === 'served' ? 'served' : (answer.problem ?? answer.kind)}`));
    const said = answers.length > 0 ? answers.join('; ') : 'no candidate was asked';
    return `${moduleLabel(result)}: ${said}`;
}
function buildFacts(result) {
    const { build } = result;
    if (build.modules.length === 0 && build.toolchains.length === 0)
        return undefined;
    const files = build.found.goSumFiles.length;
    return {
        intro: `${build.modules.length} module versions of ${files} go.sum file${files === 1 ? '' : 's'} walked along the exported chain, as the go command fetches them.`,
        later: listed(build.modules.filter(m => m.laterEntry), m => `${moduleLabel(m)} via ${m.servedBy?.display ?? '?'}`),
        unresolved: listed(build.unresolved, unresolvedLine),
        toolchains: build.toolchains.map(t => (0,walk_toolchain/* toolchainWarning */.w$)(t) ??
            `Toolchain ${t.need.name}: ${t.module.path}@${t.module.version} resolves through the chain${t.proved ? ', its .mod proved against the checksum database' : ''}.`)
    };
}
/** The build's part of the summary: per candidate counts, then the modules worth a look. */
function buildMarkdown(result) {
    const facts = buildFacts(result);
    if (!facts)
        return [];
    const lines = ['### The build', '', facts.intro, ''];
    const { tallies } = result.build;
    if (tallies.length > 0) {
        lines.push('| candidate | serves | lacks | contradicts | fails |', '| --- | --- | --- | --- | --- |');
        for (const t of tallies)
            lines.push(`| ${t.candidate.id} ${t.candidate.display} | ${t.serves} | ${t.lacks} | ${t.contradicts} | ${t.fails} |`);
        lines.push('');
    }
    const section = (title, items) => items.length > 0 ? [title, '', ...items.map(i => `- ${i}`), ''] : [];
    return [
        ...lines,
        ...section('Resolve only through a later entry:', facts.later),
        ...section('**Resolve through no candidate:**', facts.unresolved),
        ...facts.toolchains.flatMap(t => [t, ''])
    ];
}
/** The build for the CLI's table: the same facts as plain lines. */
function buildText(result) {
    const facts = buildFacts(result);
    if (!facts)
        return [];
    const tallies = result.build.tallies.map(t => `  ${t.candidate.display}: serves ${t.serves}, lacks ${t.lacks}, contradicts ${t.contradicts}, fails ${t.fails}`);
    const section = (title, items) => items.length > 0 ? [title, ...items.map(i => `  ${i}`)] : [];
    return [
        `Build: ${facts.intro}`,
        ...tallies,
        ...section('Resolve only through a later entry:', facts.later),
        ...section('Resolve through no candidate:', facts.unresolved),
        ...facts.toolchains
    ];
}
function listed(modules, line) {
    const shown = modules.slice(0, LISTED).map(line);
    const more = modules.length - LISTED;
    return more > 0 ? [...shown, `… and ${more} more`] : shown;
}
/** The build in the JSON report: every module version with its outcome and where it comes from. */
function buildJson(result) {
    const { build } = result;
    return {
        goSumFiles: build.found.goSumFiles,
        workspace: build.found.workspace ?? null,
        modules: build.modules.length,
        unresolved: build.unresolved.length,
        candidates: build.tallies.map(t => ({
            id: t.candidate.id,
            url: t.candidate.display,
            serves: t.serves,
            lacks: t.lacks,
            contradicts: t.contradicts,
            fails: t.fails
        })),
        contradicted: build.contradicted.map(c => ({
            module: `${c.module.path}@${c.module.version}`,
            file: c.file,
            url: c.candidate.display,
            problem: c.problem
        })),
        toolchains: build.toolchains.map(t => ({
            name: t.need.name,
            file: t.need.file,
            module: `${t.module.path}@${t.module.version}`,
            outcome: t.outcome,
            proved: t.proved,
            servedBy: t.files.find(f => f.file === 'zip')?.servedBy?.display ?? null,
            warning: (0,walk_toolchain/* toolchainWarning */.w$)(t) ?? null
        })),
        versions: build.modules.map(m => ({
            module: `${m.module.path}@${m.module.version}`,
            outcome: m.outcome,
            servedBy: m.servedBy?.display ?? null,
            file: (m.module.zipAt ?? m.module.modAt)?.file ?? null,
            line: (m.module.zipAt ?? m.module.modAt)?.line ?? null,
            files: m.files.map(f => ({
                file: f.file,
                outcome: f.outcome,
                servedBy: f.servedBy?.display ?? null,
                asked: f.asked.map(a => ({
                    url: a.candidate.display,
                    answer: a.answer.kind,
                    problem: a.answer.problem ?? null,
                    outsideChain: a.outsideChain ?? false
                }))
            }))
        }))
    };
}

;// CONCATENATED MODULE: ./src/report/json.ts



/** Bumped on any change a consumer of the report would notice; see report.schema.json. */
const REPORT_SCHEMA = 'validate-goproxy/report@1';
/** The JSON report: every URL redacted, nothing that could carry a credential. */
function jsonReport(result, context) {
    const { selection, exported } = result;
    return {
        schema: REPORT_SCHEMA,
        version: constants/* VERSION */.xv,
        timestamp: new Date(result.startedAt).toISOString(),
        durationMs: result.durationMs,
        context,
        outcome: selection.outcome,
        healthy: exported.healthy,
        fallbackUsed: exported.fallbackUsed,
        selected: exported.selected ?? null,
        exported: {
            GOPROXY: exported.shown ?? null,
            GOSUMDB: (0,mask/* maskPasswords */.jz)(result.sumdb.gosumdb),
            GOPRIVATE: result.plan.patterns.goprivate,
            GONOPROXY: result.plan.patterns.gonoproxy,
            GONOSUMDB: result.plan.patterns.gonosumdb
        },
        checks: result.plan.checks,
        modules: result.plan.modules.map(m => m.text),
        skippedModules: result.skippedModules,
        build: buildJson(result),
        sumdb: sumdbJson(result),
        candidates: result.reports.map(candidateJson)
    };
}
function probeJson(p) {
    return {
        endpoint: p.endpoint,
        module: p.module,
        url: p.url,
        status: p.status ?? null,
        latencyMs: p.latencyMs ?? null,
        totalMs: p.totalMs,
        attempts: p.attempts,
        ok: p.ok,
        problem: p.problem ?? null,
        phases: p.phases ?? null
    };
}
function sumdbJson(result) {
    return {
        status: result.integrity.status,
        ok: result.sumdb.ok,
        reason: result.sumdb.reason,
        route: result.sumdb.route ?? null,
        mirrorUsed: result.sumdb.mirrorUsed,
        verified: result.integrity.records.map(r => `${r.path}@${r.version}`),
        routes: result.sumdb.routes.map(({ route, verdict }) => ({
            kind: route.kind,
            url: route.label,
            ok: verdict.ok,
            problem: verdict.problem ?? null,
            treeSize: verdict.tree?.size ?? null,
            probes: verdict.probes.map(probeJson)
        }))
    };
}
function candidateJson(r) {
    return {
        id: r.candidate.id,
        role: r.candidate.role,
        url: r.candidate.display,
        verdict: r.verdict,
        reason: r.reason,
        findings: r.findings,
        latencyMs: r.latencyMs ?? null,
        checksPassed: r.checksPassed,
        checksTotal: r.checksTotal,
        retries: r.retries,
        cached: r.cached
            ? { ageMs: r.cached.ageMs, storedAt: new Date(r.cached.storedAt).toISOString() }
            : null,
        breaker: r.breaker ?? null,
        latest: r.latest,
        sumdb: r.sumdb ?? null,
        probes: r.probes.map(probeJson)
    };
}

;// CONCATENATED MODULE: ./src/report/sentences.ts

const VERDICT_MARK = {
    healthy: '✅ healthy',
    degraded: '⚠️ degraded',
    unhealthy: '❌ unhealthy',
    tampered: '🛑 tampered',
    skipped: '➖ skipped'
};
function formatMs(ms) {
    if (ms === undefined)
        return '—';
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** One sentence on what was exported and why, for the summary, the log and the CLI. */
function outcomeSentence(result) {
    const { selection } = result;
    const cause = !result.sumdb.ok
        ? `The checksum database check failed (${result.sumdb.reason})`
        : result.build.unresolved.length > 0
            ? unresolvedCause(result)
            : 'No candidate passed';
    const first = selection.chain[0]?.candidate.display;
    const { shown } = result.exported;
    switch (selection.outcome) {
        case 'proxies':
            return `Exported GOPROXY=${shown} — ${first} passed its checks.`;
        case 'mirrors':
            return `No proxy of \`proxies\` passed; fell back to mirror ${first}: GOPROXY=${shown}.`;
        case 'nothing-to-probe':
            return `Nothing to probe: exported GOPROXY=${shown} as given, unverified.`;
        case 'on-failure-direct':
            return `${cause}; exported GOPROXY=direct because on-failure is \`direct\`.`;
        case 'on-failure-keep':
            return `${cause}; left the environment as it was because on-failure is \`keep\`.`;
        case 'failed':
            return `${cause}; nothing was exported.`;
    }
}
/** Why each failed primary was left out, naming what replaced it when mirrors took over. */
function fallbackLines(result) {
    const lines = result.sumdb.mirrorUsed ? [`Checksum database: ${result.sumdb.reason}.`] : [];
    if (result.selection.outcome !== 'mirrors' && result.selection.outcome !== 'on-failure-direct')
        return lines;
    const replacement = result.selection.chain[0]?.candidate.display ?? 'direct';
    const replaced = result.reports
        .filter(r => r.candidate.role === 'primary' && r.verdict !== 'skipped')
        .map(r => `${r.candidate.display} failed (${r.reason}); replaced by ${replacement}.`);
    return [...replaced, ...lines];
}
/** One line on the checksum database: what was proved, by which route, or why it failed. */
function sumdbSentence(result) {
    const { sumdb, integrity } = result;
    const mark = integrity.status !== 'checked' ? '➖' : sumdb.ok ? '✅' : '❌';
    return `${mark} Checksum database: ${sumdb.reason}. GOSUMDB=${(0,mask/* maskPasswords */.jz)(sumdb.gosumdb)}`;
}
/** Why a run whose candidates passed still failed: modules of the build no candidate serves. */
function unresolvedCause(result) {
    const { unresolved } = result.build;
    const first = unresolved[0].module;
    const more = unresolved.length > 1 ? ` and ${unresolved.length - 1} more` : '';
    return `${unresolved.length} module version${unresolved.length === 1 ? '' : 's'} of the build resolve${unresolved.length === 1 ? 's' : ''} through no candidate (${first.path}@${first.version}${more})`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts


/** The job summary as Markdown: one table row a candidate, then what was exported and why. */
function summaryMarkdown(result, profile) {
    const lines = ['## validate-goproxy', ''];
    if (profile)
        lines.push(`Profile: \`${profile}\``, '');
    lines.push('| candidate | verdict | latency | checks | reason |', '| --- | --- | --- | --- | --- |', ...result.reports.map(r => {
        const cached = r.cached ? ` (cached, ${formatMs(r.cached.ageMs)} old)` : '';
        const checks = r.checksTotal ? `${r.checksPassed}/${r.checksTotal}` : '—';
        return `| ${cell(`${r.candidate.id} ${r.candidate.display}`)} | ${VERDICT_MARK[r.verdict]}${cached} | ${formatMs(r.latencyMs)} | ${checks} | ${cell(r.reason)} |`;
    }), '', outcomeSentence(result));
    for (const line of fallbackLines(result))
        lines.push('', `> ${line}`);
    for (const skipped of result.skippedModules)
        lines.push('', `Skipped probe module \`${skipped.module}\`: ${skipped.reason}.`);
    const build = buildMarkdown(result);
    if (build.length > 0)
        lines.push('', ...build);
    lines.push('', sumdbSentence(result), '', `Took ${formatMs(result.durationMs)}.`);
    return lines.join('\n') + '\n';
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/log/ecs.ts
// `log-format`: log lines as text, or as ECS JSON objects a log store (ELK, Splunk) ingests.
// Both faces write their json lines through ecsLine, with the same fields.




const LOG_FORMATS = ['text', 'json'];
/** The `log-format` input (empty: text); anything else is an InputError naming it. */
function parseLogFormat(value) {
    const text = value?.trim() || 'text';
    const format = LOG_FORMATS.find(f => f === text);
    if (format)
        return format;
    throw new errors/* InputError */.d(constants/* Inputs */.G0.LogFormat, value ?? '', `must be one of: ${LOG_FORMATS.join(', ')}`);
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
function createMasker() {
    // Longest first, so that a secret holding a shorter one is masked whole.
    const secrets = [];
    return {
        mask: text => (0,mask/* maskPasswords */.jz)(secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text)),
        add: secret => {
            if (!secret || secrets.includes(secret))
                return;
            secrets.push(secret);
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
        service: { name: 'validate-goproxy', version: constants/* VERSION */.xv },
        event: {
            action: event.action ?? 'log',
            outcome: event.outcome,
            // ECS durations are in nanoseconds.
            duration: event.durationMs === undefined ? undefined : Math.round(event.durationMs * 1e6)
        },
        url: event.url === undefined ? undefined : { full: (0,redact/* redactUrl */.BO)(event.url) },
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

;// CONCATENATED MODULE: ./src/log/events.ts


/** `✓ info https://…/@v/v1.0.0.info → 200 in 12 ms`: one request and its answer. */
function probeLine(probe) {
    const mark = probe.ok ? '✓' : '✗';
    const answer = probe.ok ? `${probe.status ?? ''} in ${formatMs(probe.totalMs)}` : probe.problem;
    const tries = probe.attempts > 1 ? ` (${probe.attempts} attempts)` : '';
    return `${mark} ${probe.endpoint} ${probe.url} → ${answer}${tries}`;
}
function probeEvent(report, probe) {
    return {
        level: 'info',
        message: probeLine(probe),
        action: 'probe',
        url: probe.url,
        candidate: report.candidate.id,
        status: probe.status,
        durationMs: probe.totalMs,
        outcome: probe.ok ? 'success' : 'failure',
        reason: probe.problem
    };
}
const VERDICT_LEVEL = {
    healthy: 'info',
    degraded: 'info',
    skipped: 'info',
    unhealthy: 'warning',
    tampered: 'error'
};
/** A candidate's verdict; `message` is the face's own line for it. */
function verdictEvent(report, message) {
    return {
        level: VERDICT_LEVEL[report.verdict],
        message,
        action: 'verdict',
        url: (0,proxylist/* isProxyEntry */.l_)(report.candidate.entry) ? report.candidate.display : undefined,
        candidate: report.candidate.id,
        verdict: report.verdict,
        reason: report.reason,
        latencyMs: report.latencyMs
    };
}
/** The fields of the run's last line, which says what was exported. */
function exportFields(result) {
    const head = result.selection.chain[0]?.candidate;
    return {
        action: 'export',
        url: head && (0,proxylist/* isProxyEntry */.l_)(head.entry) ? head.display : undefined,
        durationMs: result.durationMs,
        outcome: result.selection.goproxy === undefined ? 'failure' : 'success'
    };
}

// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/select/gate.ts
var gate = __webpack_require__(8233);
;// CONCATENATED MODULE: ./src/action/build-log.ts



/**
 * Annotations on the build's own files: an error on each go.sum line a candidate contradicts or
 * no candidate serves, a warning on the go.mod whose toolchain the chain does not serve. Paths are
 * relative to the workspace, as the runner links them to the repository's files.
 */
function annotateBuild(result, log, workspace) {
    const at = (place) => place && { file: (0,external_node_path_.relative)(workspace, place.file), startLine: place.line };
    for (const { module, file, candidate, problem } of result.build.contradicted) {
        const place = file === 'zip' ? module.zipAt : module.modAt;
        const title = `validate-goproxy: ${candidate.display} contradicts go.sum`;
        log.annotate('error', problem, { title, ...at(place) });
    }
    for (const module of result.build.unresolved) {
        const title = 'validate-goproxy: no candidate serves this module version';
        const place = module.module.zipAt ?? module.module.modAt;
        log.annotate('error', unresolvedLine(module), { title, ...at(place) });
    }
    for (const toolchain of result.build.toolchains) {
        const warning = (0,walk_toolchain/* toolchainWarning */.w$)(toolchain);
        if (!warning)
            continue;
        const file = (0,external_node_path_.relative)(workspace, toolchain.need.file);
        log.annotate('warning', warning, { title: 'validate-goproxy: toolchain not served', file });
    }
}

// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/cache/key.ts
var key = __webpack_require__(5877);
;// CONCATENATED MODULE: ./src/cache/deadline.ts
function callBudget(limits) {
    const { deadlineMs, budgetMs, clock } = limits;
    let spentMs = 0;
    let leftBehind;
    const limitMs = () => {
        const left = budgetMs === undefined ? undefined : budgetMs - spentMs;
        if (deadlineMs === undefined)
            return left;
        return left === undefined ? deadlineMs : Math.min(deadlineMs, left);
    };
    return {
        refusal() {
            if (leftBehind !== undefined)
                return `${leftBehind} did not finish in time: the cache service is not answering`;
            const left = limitMs();
            if (left !== undefined && left <= 0)
                return `the ${budgetMs} ms given to the Actions cache are spent`;
            return undefined;
        },
        async run(what, work) {
            const limit = limitMs();
            const started = clock.now();
            try {
                return await within(work(limit), limit, clock, what);
            }
            catch (err) {
                if (err instanceof LeftBehind)
                    leftBehind = what;
                throw err;
            }
            finally {
                spentMs += Math.max(0, clock.now() - started);
            }
        }
    };
}
class LeftBehind extends Error {
}
async function within(work, limitMs, clock, what) {
    if (limitMs === undefined)
        return work;
    // A call left behind may still fail later; that must not become an unhandled rejection.
    work.catch(() => undefined);
    const settled = new AbortController();
    const giveUp = () => Promise.reject(new LeftBehind(`${what} took longer than ${limitMs} ms; left behind`));
    const late = clock.sleep(Math.max(0, limitMs), settled.signal).then(giveUp, giveUp);
    late.catch(() => undefined);
    try {
        return await Promise.race([work, late]);
    }
    finally {
        settled.abort();
    }
}

// EXTERNAL MODULE: ./src/cache/entry.ts
var cache_entry = __webpack_require__(8962);
// EXTERNAL MODULE: ./src/cache/local-store.ts
var local_store = __webpack_require__(3009);
;// CONCATENATED MODULE: ./src/cache/actions-sync.ts
// The GitHub Actions cache as a transport for store entries between matrix legs and runs. The
// cache is best effort: nothing here throws, a failure only costs the run its head start.






// @actions/cache refuses keys with commas or over 512 characters; a bucket number has ≤ 16 digits.
const MAX_KEY_LENGTH = 512;
const MAX_BUCKET_DIGITS = 16;
function createActionsCacheSync(o) {
    checkOptions(o);
    const sync = {
        o,
        staging: (0,local_store/* createLocalStore */.B)(o.stagingDir, o.log),
        paths: [o.cachePath ?? o.stagingDir],
        calls: callBudget(o),
        currentKey: () => `${o.keyPrefix}${Math.floor(o.clock.now() / o.bucketMs)}`
    };
    return { restore: () => restore(sync), save: () => save(sync) };
}
async function restore({ o, staging, paths, calls, currentKey }) {
    try {
        if (!o.cache.isFeatureAvailable()) {
            o.log.debug('actions cache: not available here (no cache service in the environment)');
            return { merged: 0 };
        }
        await emptyDir(o.stagingDir);
        const key = await calls.run('restoreCache', limitMs => o.cache.restoreCache(paths, currentKey(), [o.keyPrefix], downloadLimits(limitMs)));
        if (key === undefined) {
            o.log.debug(`actions cache: nothing restored under ${o.keyPrefix} (a miss, or a failure @actions/cache logged)`);
            return { merged: 0 };
        }
        const merged = await copyNewer(staging, o.store, o);
        o.log.info(`actions cache: restored ${key}; ${merged} newer entr${merged === 1 ? 'y' : 'ies'} merged`);
        return { key, merged };
    }
    catch (err) {
        o.log.warning(`actions cache: restore failed, going on without it: ${(0,logger/* messageOf */.b)(err)}`);
        return { merged: 0 };
    }
    finally {
        await removeDir(o.stagingDir);
    }
}
async function save({ o, staging, paths, calls, currentKey }) {
    const key = currentKey();
    try {
        if (!o.cache.isFeatureAvailable())
            return notSaved(o.log, key, 'the Actions cache is not available here');
        const refusal = calls.refusal();
        if (refusal !== undefined)
            return notSaved(o.log, key, refusal);
        await emptyDir(o.stagingDir);
        const copied = await copyNewer(o.store, staging, o);
        if (copied === 0)
            return notSaved(o.log, key, 'no valid entries to save');
        if ((await calls.run('saveCache', () => o.cache.saveCache(paths, key))) === -1) {
            return notSaved(o.log, key, 'the cache service did not take it (the key exists, another job is saving it, or the service failed: see the cache log)');
        }
        o.log.info(`actions cache: saved ${copied} entr${copied === 1 ? 'y' : 'ies'} as ${key}`);
        return { saved: true, key };
    }
    catch (err) {
        // Older @actions/cache versions threw this where 6.x logs it and returns -1.
        if (err?.name === 'ReserveCacheError')
            return notSaved(o.log, key, (0,logger/* messageOf */.b)(err));
        o.log.warning(`actions cache: save failed, going on without it: ${(0,logger/* messageOf */.b)(err)}`);
        return { saved: false, key };
    }
    finally {
        await removeDir(o.stagingDir);
    }
}
/**
 * The download's own timeouts, which abort it for real; they apply only where the library uses
 * the Azure SDK (archives on Azure Blob Storage). The JSON calls to the service take no timeout.
 */
function downloadLimits(limitMs) {
    if (limitMs === undefined)
        return undefined;
    const ms = Math.max(1, Math.ceil(limitMs));
    return { timeoutInMs: ms, segmentTimeoutInMs: ms };
}
function checkOptions(o) {
    if (o.keyPrefix === '' ||
        o.keyPrefix.includes(',') ||
        o.keyPrefix.length > MAX_KEY_LENGTH - MAX_BUCKET_DIGITS) {
        throw new Error(`actions cache key prefix must be 1-${MAX_KEY_LENGTH - MAX_BUCKET_DIGITS} characters without commas, got ${JSON.stringify(o.keyPrefix)}`);
    }
    for (const [name, ms] of Object.entries({ deadlineMs: o.deadlineMs, budgetMs: o.budgetMs })) {
        if (ms !== undefined && !(ms > 0))
            throw new RangeError(`actions cache ${name} must be positive, got ${ms}`);
    }
    if (!Number.isSafeInteger(o.bucketMs) || o.bucketMs < 1) {
        throw new RangeError(`actions cache bucketMs must be a positive integer, got ${o.bucketMs}`);
    }
    const storeInStaging = (0,external_node_path_.relative)(o.stagingDir, o.store.dir);
    const outside = storeInStaging === '..' || storeInStaging.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(storeInStaging);
    if (!outside) {
        throw new Error(`actions cache staging dir ${o.stagingDir} must not hold the store ${o.store.dir}: it is wiped`);
    }
}
function notSaved(log, key, reason) {
    log.info(`actions cache: ${key} not saved: ${reason}`);
    return { saved: false, key, reason };
}
const anyPayload = (p) => p !== undefined;
/**
 * Copies each valid entry of `from` that `to` lacks or holds in an older or damaged version. An
 * entry from the future (a damaged or foreign clock) is left out: it would win every later merge.
 */
async function copyNewer(from, to, o) {
    const isPayload = o.isPayload ?? anyPayload;
    const now = o.clock.now();
    let copied = 0;
    for (const key of await from.keys()) {
        const entry = await from.read(key, isPayload);
        if (!entry || (0,cache_entry/* ageOf */.hy)(entry, now) === undefined)
            continue;
        const current = await to.read(key, isPayload);
        if (current && current.storedAt >= entry.storedAt)
            continue;
        await to.write(key, entry.payload, entry.storedAt);
        copied++;
    }
    return copied;
}
async function emptyDir(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
}
/** The staging dir may sit in the user's workspace: leave nothing behind there. */
async function removeDir(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
}

// EXTERNAL MODULE: ./src/cache/verdicts.ts
var verdicts = __webpack_require__(4270);
// EXTERNAL MODULE: ./src/cache/sumdb.ts
var sumdb = __webpack_require__(2275);
;// CONCATENATED MODULE: ./src/action/effects.ts







/**
 * @actions/cache takes no deadline and cannot be cancelled (its JSON calls wait up to 3 minutes
 * each, with retries): the run waits this long at most for one call, and for restore and save
 * together, then goes on without the cache; src/index.ts then exits, which ends what is left.
 */
const CACHE_CALL_DEADLINE_MS = 15_000;
const CACHE_BUDGET_MS = 20_000;
/** The engine's effects plus the Actions cache, restored before probing. */
async function createActionEffects(plan, env, log) {
    // Loaded here, not with the action: an input error never needs the engine's HTTP stack.
    const { createEffects } = await __webpack_require__.e(/* import() */ 525).then(__webpack_require__.bind(__webpack_require__, 6525));
    const { effects, close } = await createEffects(plan, env, log, log.addSecret);
    const sync = effects.store && (await actionsCacheSync(plan, effects.store, env, log));
    await sync?.restore();
    return { effects, saveCache: async () => void (await sync?.save()), close };
}
/** The Actions cache only exists on a runner; loading its client elsewhere only costs time. */
async function actionsCacheSync(plan, store, env, log) {
    if (!env.ACTIONS_CACHE_URL && !env.ACTIONS_RESULTS_URL)
        return undefined;
    const cache = await __webpack_require__.e(/* import() */ 863).then(__webpack_require__.bind(__webpack_require__, 1863));
    const planHash = (0,key/* cacheKey */.k)({
        url: plan.candidates.map(c => c.display).join(' '),
        checks: plan.checks,
        modules: plan.modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw
    }).slice(0, 16);
    // tar runs in the workspace: a path relative to it is the same string on every leg, and the
    // archive's version (a hash of that string) matches across machines.
    const cachePath = '.validate-goproxy-cache-sync';
    return createActionsCacheSync({
        cache,
        store,
        cachePath,
        stagingDir: external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd(), cachePath),
        deadlineMs: CACHE_CALL_DEADLINE_MS,
        budgetMs: CACHE_BUDGET_MS,
        // What the store holds: a damaged entry is neither merged over a good one nor shared.
        isPayload: (p) => (0,verdicts/* isCachedVerdict */.kR)(p) || (0,sumdb/* isRemembered */.rK)(p),
        keyPrefix: `validate-goproxy-v1-${planHash}-`,
        bucketMs: Math.max(60_000, Math.min(plan.cache.ttlMs, plan.breaker.cooldownMs)),
        clock: clock/* systemClock */.m,
        log: (0,logger/* withFields */.q)(log, { action: 'cache.sync' })
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
        throw new errors/* InputError */.d(constants/* Inputs */.G0.ReportPath, file, reason);
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
        if (err instanceof errors/* InputError */.d)
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
        logFormat: parseLogFormat(raw[constants/* Inputs */.G0.LogFormat]),
        reportPath: checkReportPath(text(constants/* Inputs */.G0.ReportPath, external_node_path_.join(env.RUNNER_TEMP || external_node_os_.tmpdir(), 'validate-goproxy-report.json')))
    };
}
/** The runner's tool cache survives between jobs on a self-hosted runner; hosted ones start empty. */
function defaultCacheDir(env) {
    return external_node_path_.join(env.RUNNER_TOOL_CACHE || external_node_path_.join(external_node_os_.tmpdir(), 'validate-goproxy'), 'validate-goproxy-cache');
}

;// CONCATENATED MODULE: ./src/action/log.ts




function createActionLog(format, env) {
    const masker = createMasker();
    const context = logContext(env);
    const json = (event) => core.info(ecsLine(event, context, masker.mask));
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
        addSecret: secret => {
            core.setSecret(secret);
            masker.add(secret);
        }
    };
}
/** Each candidate's verdict with its probes, and an annotation for each one that failed. */
function logReports(result, log) {
    for (const report of result.reports)
        logReport(report, log);
}
function verdictTitle(report) {
    const { candidate } = report;
    return `${candidate.id} ${candidate.display}: ${VERDICT_MARK[report.verdict]} — ${report.reason}`;
}
/**
 * A candidate's verdict as soon as its own probes end, one line (the groups with every probe and
 * the final verdicts follow once the checksum database and the build are checked).
 */
function logProbed(report, log) {
    log.info(`probed ${verdictTitle(report)}`, { action: 'probe', candidate: report.candidate.id });
}
/** In text a collapsed group titled with the verdict; in json an event a probe, then the verdict's. */
function logReport(report, log) {
    const { candidate } = report;
    const title = verdictTitle(report);
    log.group(title, () => {
        if (report.cached) {
            const age = formatMs(report.cached.ageMs);
            log.info(`verdict from cache, ${age} old`, { action: 'cache.hit', candidate: candidate.id });
        }
        for (const probe of report.probes)
            log.event(probeEvent(report, probe));
    });
    // In text the group's title says it; a log store needs the verdict as an event of its own.
    log.json?.(verdictEvent(report, title));
    const where = { title: `validate-goproxy: ${candidate.display} is ${report.verdict}` };
    if (report.verdict === 'tampered')
        log.annotate('error', report.reason, where);
    if (report.verdict === 'unhealthy')
        log.annotate('warning', report.reason, where);
}

;// CONCATENATED MODULE: ./src/action/outputs.ts




/**
 * Sets the outputs (redacted: outputs are not secret) and, with export-env, the environment of
 * later steps (with credentials: the go command needs them; the runner masks them in logs).
 */
function publish(result, exportEnv, reportPath) {
    const { exported, plan } = result;
    core.setOutput(constants/* Outputs */.tY.Goproxy, exported.shown ?? '');
    core.setOutput(constants/* Outputs */.tY.Gosumdb, (0,mask/* maskPasswords */.jz)(result.sumdb.gosumdb));
    core.setOutput(constants/* Outputs */.tY.Goprivate, plan.patterns.goprivate);
    core.setOutput(constants/* Outputs */.tY.Gonoproxy, plan.patterns.gonoproxy);
    core.setOutput(constants/* Outputs */.tY.Gonosumdb, plan.patterns.gonosumdb);
    core.setOutput(constants/* Outputs */.tY.Healthy, String(exported.healthy));
    core.setOutput(constants/* Outputs */.tY.Selected, exported.selected ?? '');
    core.setOutput(constants/* Outputs */.tY.FallbackUsed, String(exported.fallbackUsed));
    core.setOutput(constants/* Outputs */.tY.CacheHit, String(exported.cacheHit));
    core.setOutput(constants/* Outputs */.tY.Report, reportPath);
    core.setOutput(constants/* Outputs */.tY.Verdicts, JSON.stringify((0,gate/* verdictsByCandidate */.NF)(result.reports)));
    core.setOutput(constants/* Outputs */.tY.ModulesChecked, String(result.build.modules.length));
    core.setOutput(constants/* Outputs */.tY.ModulesUnresolved, result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`).join('\n'));
    if (!exportEnv || exported.goproxy === undefined)
        return;
    core.exportVariable(constants/* GoEnv */.OB.Goproxy, exported.goproxy);
    core.exportVariable(constants/* GoEnv */.OB.Gosumdb, result.sumdb.gosumdb);
    const patterns = [
        [constants/* GoEnv */.OB.Goprivate, plan.patterns.goprivate],
        [constants/* GoEnv */.OB.Gonoproxy, plan.patterns.gonoproxy],
        [constants/* GoEnv */.OB.Gonosumdb, plan.patterns.gonosumdb]
    ];
    for (const [name, value] of patterns)
        if (value)
            core.exportVariable(name, value);
}

;// CONCATENATED MODULE: ./src/action/main.ts


















/**
 * The action: read and validate every input, probe, then report and export. A bad input fails
 * the step before anything is probed or exported.
 */
async function run(env = process.env) {
    let deps;
    // Text until the inputs say otherwise: a bad log-format is reported in text.
    let log = createActionLog('text', env);
    try {
        const raw = readInputs();
        const settings = readSettings(raw, env);
        log = createActionLog(settings.logFormat, env);
        const plan = buildPlan(raw, {
            env,
            platform: process.platform,
            defaultCacheDir: defaultCacheDir(env)
        });
        for (const secret of planSecrets(plan))
            log.addSecret(secret);
        deps = await createActionEffects(plan, env, log);
        const probing = plan.candidates.filter(c => (0,proxylist/* isProxyEntry */.l_)(c.entry)).length;
        log.info(`probing ${probing} candidate${probing === 1 ? '' : 's'} (checks: ${plan.checks})…`, {
            action: 'start'
        });
        const onProbed = (report) => logProbed(report, log);
        // The engine is loaded only once the inputs are known to be good (see src/index.ts).
        const { validate } = await Promise.all(/* import() */[__webpack_require__.e(866), __webpack_require__.e(20)]).then(__webpack_require__.bind(__webpack_require__, 3020));
        const result = await validate(plan, { ...deps.effects, onProbed });
        logReports(result, log);
        annotateBuild(result, log, env.GITHUB_WORKSPACE || process.cwd());
        await writeReport(settings.reportPath, result, env, plan);
        publish(result, settings.exportEnv, settings.reportPath);
        // Outside a runner there is no summary file; the log and the report still say everything.
        if (settings.summary && env.GITHUB_STEP_SUMMARY) {
            await core.summary.addRaw(summaryMarkdown(result, plan.profile)).write();
        }
        await deps.saveCache();
        finish(result, log);
    }
    catch (err) {
        log.fail((0,logger/* messageOf */.b)(err));
    }
    finally {
        deps?.close();
    }
}
/** How the step ends, and why: failed (no usable candidate, or fail-on's gate), a warning, or fine. */
function stepEnd(result) {
    const sentence = outcomeSentence(result);
    const degraded = (0,gate/* degradedHead */.vr)(result.selection, result.plan.failOn);
    if (degraded)
        return { level: 'failed', message: `${sentence} ${(0,gate/* degradedHeadSentence */.wl)(degraded)}` };
    switch (result.selection.outcome) {
        case 'failed':
            return {
                level: 'failed',
                message: `${sentence} See the job summary for each candidate's reason.`
            };
        case 'on-failure-direct':
        case 'on-failure-keep':
        case 'nothing-to-probe':
        case 'mirrors':
            return { level: 'warning', message: sentence };
        case 'proxies':
            return { level: 'info', message: sentence };
    }
}
function finish(result, log) {
    const { level, message } = stepEnd(result);
    if (level === 'failed')
        log.fail(message, exportFields(result));
    else
        log[level](message, exportFields(result));
}
async function writeReport(file, result, env, plan) {
    const context = {
        runId: env.GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        job: env.GITHUB_JOB,
        workflow: env.GITHUB_WORKFLOW,
        repository: env.GITHUB_REPOSITORY,
        runnerOs: env.RUNNER_OS,
        profile: plan.profile,
        matrix: matrixOf(env)
    };
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, JSON.stringify(jsonReport(result, context), null, 2) + '\n');
}


/***/ }),

/***/ 8962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hk: () => (/* binding */ ENTRY_SCHEMA),
/* harmony export */   hy: () => (/* binding */ ageOf),
/* harmony export */   qH: () => (/* binding */ entryProblem)
/* harmony export */ });
/* unused harmony exports MAX_CLOCK_SKEW_MS, isCacheEntry */
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2439);
// The on-disk form of a cached value, the same in the local store and in the Actions cache.

/** Bumped whenever an entry or a payload changes shape: older entries are then misses. */
const ENTRY_SCHEMA = 'validate-goproxy/cache@2';
/** Runners' clocks differ a little; an entry from further in the future than this is damaged. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Why `v` is not an entry of this schema, for `key`, with a payload `isPayload` accepts (the
 * first problem found); undefined when it is one. Fields nobody reads are problems too.
 */
function entryProblem(v, key, isPayload) {
    const entry = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
        schema: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)([ENTRY_SCHEMA]),
        key: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)([key]),
        storedAt: _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .count */ .U9,
        payload: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .fromGuard */ .aV)(isPayload)
    });
    return entry.problem(v, 'entry');
}
/** True when `v` is an entry of this schema, for `key`, with a payload `isPayload` accepts. */
function isCacheEntry(v, key, isPayload) {
    return entryProblem(v, key, isPayload) === undefined;
}
/** The entry's age at `now` (0 if stored a little later); undefined when it cannot be that new. */
function ageOf(entry, now) {
    if (entry.storedAt > now + MAX_CLOCK_SKEW_MS)
        return undefined;
    return Math.max(0, now - entry.storedAt);
}


/***/ }),

/***/ 5877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ cacheKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);
// Verdict cache keys: a hash of what a verdict depends on, never of a credential.


const KEY_SCHEME = 'validate-goproxy/key@1';
/**
 * SHA-256 hex of a canonical JSON of the parts. User information is stripped from the URLs first
 * (the candidate's and GOSUMDB's), so that no key can be used to confirm a guessed password.
 */
function cacheKey(parts) {
    const canonical = JSON.stringify({
        scheme: KEY_SCHEME,
        url: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .stripCredentials */ .PH)(parts.url),
        checks: parts.checks,
        modules: [...new Set(parts.modules)].sort(),
        gosumdb: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .gosumdbWithoutCredentials */ .qR)(parts.gosumdb),
        extra: parts.extra ?? null
    });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex');
}


/***/ }),

/***/ 3009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ createLocalStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6999);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8962);
// Cache entries as one JSON file per key, replaced atomically so a reader never sees half a file.





const KEY_PATTERN = /^[0-9a-f]{64}$/;
const ENTRY_FILE = /^([0-9a-f]{64})\.json$/;
/** A store in `dir`, created (recursively) on the first write. Keys are SHA-256 hex. */
function createLocalStore(dir, log) {
    return {
        dir,
        async read(key, isPayload) {
            const file = entryFile(dir, key);
            let text;
            try {
                text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
            }
            catch (err) {
                if (errorCode(err) !== 'ENOENT')
                    log.debug(`cache: cannot read ${file}: ${(0,_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .b)(err)}`);
                return undefined;
            }
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (err) {
                log.debug(`cache: ignoring ${file}: not JSON (${(0,_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .b)(err)})`);
                return undefined;
            }
            const problem = (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .entryProblem */ .qH)(value, key, isPayload);
            if (problem === undefined)
                return value;
            // A miss: the caller's fresh result then replaces the file.
            log.debug(`cache: ignoring ${file}: not a ${_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .ENTRY_SCHEMA */ .Hk} entry for this key (${problem})`);
            return undefined;
        },
        async write(key, payload, now) {
            const file = entryFile(dir, key);
            const entry = { schema: _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .ENTRY_SCHEMA */ .Hk, key, storedAt: now, payload };
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
                await replaceFile(file, `${JSON.stringify(entry)}\n`);
            }
            catch (err) {
                log.warning(`cache: cannot write ${file}: ${(0,_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .b)(err)}`);
            }
        },
        async keys() {
            let names;
            try {
                names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
            }
            catch (err) {
                if (errorCode(err) !== 'ENOENT')
                    log.debug(`cache: cannot list ${dir}: ${(0,_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .b)(err)}`);
                return [];
            }
            return names.flatMap(name => ENTRY_FILE.exec(name)?.[1] ?? []).sort();
        }
    };
}
function entryFile(dir, key) {
    if (!KEY_PATTERN.test(key))
        throw new Error(`cache key must be 64 lower-case hex digits, got ${JSON.stringify(key)}`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${key}.json`);
}
/** Writes a temporary file beside `file`, flushes it to disk and renames it over `file`. */
async function replaceFile(file, text) {
    // Unique per writer, so concurrent writers (other processes included) never share one.
    const temp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx');
        try {
            await handle.writeFile(text, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, file);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true }).catch(() => undefined);
        throw err;
    }
}
function errorCode(err) {
    return err?.code;
}


/***/ }),

/***/ 2439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ik: () => (/* binding */ object),
/* harmony export */   It: () => (/* binding */ checkedByItsReader),
/* harmony export */   Rz: () => (/* binding */ milliseconds),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   Yj: () => (/* binding */ string),
/* harmony export */   aV: () => (/* binding */ fromGuard),
/* harmony export */   iZ: () => (/* binding */ oneOfKeys),
/* harmony export */   jk: () => (/* binding */ arrayOf),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   yL: () => (/* binding */ oneOf),
/* harmony export */   zM: () => (/* binding */ boolean),
/* harmony export */   zv: () => (/* binding */ recordOf)
/* harmony export */ });
// Checks for what comes back from the cache: JSON that another version, another machine or a
// damaged disk wrote. A value counts only when every part of it has the type the code expects;
// each check names the first part that does not, for the debug log and for tests.
function schema(problem) {
    const is = (value) => problem(value, 'value') === undefined;
    return Object.assign(is, { problem: (value, where = 'value') => problem(value, where) });
}
function describe(value) {
    if (value === undefined)
        return 'missing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
function leaf(expected, test) {
    return schema((value, where) => test(value) ? undefined : `${where} is ${describe(value)}, not ${expected}`);
}
const string = leaf('a string', v => typeof v === 'string');
const boolean = leaf('true or false', v => typeof v === 'boolean');
/** A count or an HTTP status: a whole number, not negative. */
const count = leaf('a whole number ≥ 0', v => Number.isSafeInteger(v) && v >= 0);
/** A duration or a time since the epoch, in ms. */
const milliseconds = leaf('a finite number ≥ 0', v => typeof v === 'number' && Number.isFinite(v) && v >= 0);
/** Any object, not null and not an array: for a part that the module reading it checks in full. */
function checkedByItsReader() {
    return leaf('an object', isRecord);
}
function oneOf(values) {
    const allowed = new Set(values);
    const expected = values.map(v => JSON.stringify(v));
    const what = expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`;
    return leaf(what, v => allowed.has(v));
}
/** One of the keys of `table`: a Record over a union type names every member, or tsc complains. */
function oneOfKeys(table) {
    return oneOf(Object.keys(table));
}
function optional(inner) {
    return schema((value, where) => value === undefined ? undefined : inner.problem(value, where));
}
function arrayOf(item) {
    return schema((value, where) => {
        if (!Array.isArray(value))
            return `${where} is ${describe(value)}, not an array`;
        for (const [i, v] of value.entries()) {
            const problem = item.problem(v, `${where}[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    });
}
/** An object used as a map: any keys, every value a T. */
function recordOf(item) {
    return schema((value, where) => {
        if (!isRecord(value))
            return `${where} is ${describe(value)}, not an object`;
        for (const [key, v] of Object.entries(value)) {
            const problem = item.problem(v, `${where}[${JSON.stringify(key)}]`);
            if (problem)
                return problem;
        }
        return undefined;
    });
}
/** A schema for a plain type guard, which cannot say more than that the value is wrong. */
function fromGuard(guard) {
    return 'problem' in guard ? guard : leaf('what its reader expects', guard);
}
/** An object with exactly these fields: a field the code does not know is a problem too. */
function object(fields) {
    const entries = Object.entries(fields);
    return schema((value, where) => {
        if (!isRecord(value))
            return `${where} is ${describe(value)}, not an object`;
        const unknown = Object.keys(value).find(key => !Object.hasOwn(fields, key));
        if (unknown !== undefined)
            return `${where}.${unknown} is not a known field`;
        for (const [key, field] of entries) {
            const problem = field.problem(value[key], `${where}.${key}`);
            if (problem)
                return problem;
        }
        return undefined;
    });
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 2275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ rememberSumdb),
/* harmony export */   FC: () => (/* binding */ recallSumdb),
/* harmony export */   rK: () => (/* binding */ isRemembered)
/* harmony export */ });
/* harmony import */ var _credentials_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5725);
/* harmony import */ var _key_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5877);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8962);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2439);




/** The whole shape: a damaged entry is a miss, and the next run that checks replaces it. */
const isRemembered = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ik({
    gosumdb: _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .string */ .Yj,
    reason: _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .string */ .Yj,
    route: _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .string */ .Yj),
    mirrorUsed: _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zM
});
/**
 * The GOSUMDB decision is cached beside the verdicts: a run whose verdicts all come from the cache
 * proves no content and asks no route, so it must reuse the decision of the run that did — or it
 * would export a database URL that run found down instead of the sumdb mirror it chose.
 */
async function recallSumdb(store, plan, now) {
    const entry = await store.read(sumdbKey(plan), isRemembered);
    const ageMs = entry && (0,_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .ageOf */ .hy)(entry, now);
    if (!entry || ageMs === undefined || ageMs >= plan.cache.ttlMs)
        return undefined;
    const { payload } = entry;
    const gosumdb = withCredentials(plan, payload.gosumdb);
    if (gosumdb === undefined)
        return undefined;
    return { ...payload, ok: true, gosumdb, reason: `${payload.reason} (from cache)`, routes: [] };
}
/**
 * Stores the decision without the passwords of its URL: the cache may be uploaded to the Actions
 * cache, which other branches read. recallSumdb gives them back from the plan.
 */
async function rememberSumdb(store, plan, outcome, now) {
    if (!outcome.ok)
        return;
    const { reason, route, mirrorUsed } = outcome;
    const gosumdb = (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .gosumdbWithoutCredentials */ .qR)(outcome.gosumdb);
    await store.write(sumdbKey(plan), { gosumdb, reason, route, mirrorUsed }, now);
}
/** The plan's spelling, credentials included, of a stored GOSUMDB: its own or a sumdb mirror's. */
function withCredentials(plan, stored) {
    const key = plan.gosumdb.kind === 'db' ? plan.gosumdb.verifierKey : undefined;
    const mirrors = key ? plan.sumdbMirrors.map(url => `${key} ${url}`) : [];
    return [plan.gosumdb.raw, ...mirrors].find(spelling => (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .gosumdbWithoutCredentials */ .qR)(spelling) === stored);
}
function sumdbKey(plan) {
    return (0,_key_js__WEBPACK_IMPORTED_MODULE_1__/* .cacheKey */ .k)({
        url: 'gosumdb',
        checks: plan.checks,
        modules: plan.modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw,
        extra: [...plan.candidates.map(c => c.display), ...plan.sumdbMirrors].join(' ')
    });
}


/***/ }),

/***/ 4270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Un: () => (/* binding */ verdictCache),
/* harmony export */   kQ: () => (/* binding */ verdictScope),
/* harmony export */   kR: () => (/* binding */ isCachedVerdict)
/* harmony export */ });
/* unused harmony exports lookupVerdict, storeVerdict, verdictKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2057);
/* harmony import */ var _key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5877);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8962);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2439);
/* harmony import */ var _probe_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2367);






/** `scope` names what else a verdict depends on (see verdictScope). */
function verdictCache(store, plan, scope, clock) {
    const key = (candidate, modules) => verdictKey(plan, candidate, modules, scope);
    return {
        recall: (candidate, modules) => lookupVerdict(store, plan, candidate, key(candidate, modules), clock.now()),
        keep: async (fresh, modules) => {
            const now = clock.now();
            await Promise.all(fresh.map(f => storeVerdict(store, key(f.report.candidate, modules), f.report, f.breaker, now)));
        }
    };
}
/**
 * Looks up a candidate's last verdict. Usable and tampered verdicts live for `cache-ttl`; a failed
 * one only until the breaker's cooldown ends (sooner if the TTL is shorter), so a recovered mirror
 * is tried again soon but a dead one is not hammered by every leg of a matrix.
 */
async function lookupVerdict(store, plan, candidate, key, now) {
    const entry = await store.read(key, isCachedVerdict);
    const ageMs = entry && (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .ageOf */ .hy)(entry, now);
    if (!entry || ageMs === undefined)
        return {};
    const { report, breaker } = entry.payload;
    const failed = report.verdict === 'unhealthy';
    const lifetime = failed ? Math.min(plan.cache.ttlMs, plan.breaker.cooldownMs) : plan.cache.ttlMs;
    if (ageMs < lifetime) {
        return {
            report: { ...report, candidate, served: [], cached: { ageMs, storedAt: entry.storedAt } }
        };
    }
    return { breaker };
}
async function storeVerdict(store, key, report, breaker, now) {
    // Fresh probes only: re-storing a cached verdict would extend its life past the TTL.
    if (report.cached)
        return;
    const { candidate: _candidate, served: _served, cached: _cached, ...rest } = report;
    await store.write(key, { report: rest, breaker }, now);
}
/**
 * What a verdict depends on besides the candidate: the modules actually asked (GONOPROXY
 * removes some), the timeout and retries (slow, degraded), the private patterns and the go.sum
 * lines it was checked against.
 */
function verdictScope(plan, build) {
    // The lines' content only, not where the files are: every leg of a matrix shares the verdicts.
    const lines = build.map(m => [m.path, m.version, m.modHash ?? '', m.zipHash ?? ''].join(' '));
    const goSum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(lines.sort().join('\n')).digest('hex');
    const { timeoutMs, slowThresholdMs, retries, patterns, checks } = plan;
    return JSON.stringify({
        timeoutMs,
        slowThresholdMs,
        retries,
        checks,
        gonoproxy: patterns.gonoproxy,
        gonosumdb: patterns.gonosumdb,
        goSum
    });
}
/** The cache key of a candidate's verdict: its URL without credentials, and what was checked. */
function verdictKey(plan, candidate, modules, scope) {
    return (0,_key_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheKey */ .k)({
        url: (0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .entryText */ .u0)(candidate.entry),
        checks: plan.checks,
        modules: modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw,
        extra: scope
    });
}
// The whole shape, so that a damaged entry is a miss here rather than a crash later.
const isProbeRecord = _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({
    endpoint: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOfKeys */ .iZ({
        list: 1,
        latest: 1,
        info: 1,
        mod: 1,
        zip: 1,
        supported: 1,
        lookup: 1,
        tile: 1
    }),
    module: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj,
    url: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj,
    status: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9),
    latencyMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz),
    totalMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz,
    attempts: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9,
    ok: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zM,
    problem: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj),
    timedOut: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zM),
    tolerated: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zM),
    rateLimited: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({ retryAfterMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz })),
    breakerOpen: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zM),
    phases: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({
        dnsMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz),
        connectMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz),
        tlsMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz),
        firstByteMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz),
        transferMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz)
    }))
});
const isFinding = _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({
    stage: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL(_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGES */ .an),
    level: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL(_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .LEVELS */ .A_.filter((l) => l !== 'healthy')),
    reason: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj
});
const isCachedReport = _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({
    verdict: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL(_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .LEVELS */ .A_),
    reason: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj,
    findings: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .arrayOf */ .jk(isFinding),
    latencyMs: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .milliseconds */ .Rz),
    checksPassed: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9,
    checksTotal: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9,
    retries: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .count */ .U9,
    probes: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .arrayOf */ .jk(isProbeRecord),
    latest: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .recordOf */ .zv(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj),
    breaker: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL(['closed', 'open', 'half-open'])),
    sumdb: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL(['supported', 'unsupported'])),
    buildAnswers: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .recordOf */ .zv(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({
        kind: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL(['served', 'missing', 'failed', 'contradicts']),
        problem: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .Yj)
    })))
});
/** Exported for tests and for checks of a cache directory. */
const isCachedVerdict = _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ik({
    report: isCachedReport,
    // restoreStart (breaker-state.ts) checks a snapshot in full and starts a closed breaker from
    // one that does not fit, so a damaged snapshot costs at most the breaker's memory.
    breaker: _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .checkedByItsReader */ .It())
});


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6885);

const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            stopListening();
            resolve();
        }, ms);
        // Many requests of one candidate may back off at once on its shared signal.
        const stopListening = signal
            ? (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .onAbort */ .u)(signal, () => {
                clearTimeout(timer);
                reject(signal.reason);
            })
            : () => undefined;
    })
};


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
        super((0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_0__/* .maskPasswordsLoosely */ .k2)(`Invalid input '${input}': ${JSON.stringify(value)} ${reason}`));
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
        const reason = (0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_0__/* .maskPasswordsLoosely */ .k2)(value) === value
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
/* harmony export */   _H: () => (/* binding */ stripUserinfo),
/* harmony export */   jz: () => (/* binding */ maskPasswords),
/* harmony export */   k2: () => (/* binding */ maskPasswordsLoosely)
/* harmony export */ });
// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.
// "//user:password@": as in Go's authority the password runs to the last '@' before a '/', and
// it may hold anything else (spaces, '?', '#').
const USERINFO_WITH_PASSWORD = /(\/\/[^/:]*:)[^/]*@/g;
// For text a person typed, which may be no valid URL at all: a password with an unescaped '/'
// (a base64 token) runs on to the last '@' of its list item, and is masked all the same.
const LOOSE_USERINFO = /(\/\/[^/:@\s,|]*:)[^\s,|]*@/g;
/** Replaces every password in `//user:password@` with "xxxxx", keeping the user name. */
function maskPasswords(text) {
    return text.replace(USERINFO_WITH_PASSWORD, '$1xxxxx@');
}
/**
 * Masks passwords in raw input, erring on the side of hiding too much: used for error messages
 * about a value that may not parse, which are printed before any secret could be registered.
 */
function maskPasswordsLoosely(text) {
    return maskPasswords(text).replace(LOOSE_USERINFO, '$1xxxxx@');
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
 * Go's URL.Redacted: `https://user:xxxxx@host/path`; a URL without a password comes back as Go
 * prints it. Never throws, and never shows a password: text Go cannot parse, or where Go finds
 * no password but the text still holds `//user:pass@` (a list pasted as one URL, a '?' in a
 * password), has every such password masked too.
 */
function redactUrl(url) {
    const parsed = (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .tryParseGoUrl */ .cT)(url);
    return (0,_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .maskPasswords */ .jz)(parsed === undefined ? url : (0,_gostd_url_js__WEBPACK_IMPORTED_MODULE_0__/* .redactedGoUrl */ .G0)(parsed));
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

/***/ 1550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ parseGosumdb),
/* harmony export */   Db: () => (/* binding */ checkSumdbUrl),
/* harmony export */   lU: () => (/* binding */ directUrl)
/* harmony export */ });
/* unused harmony export SUM_GOLANG_ORG_KEY */
/* harmony import */ var _xmod_sumdb_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2391);
/* harmony import */ var _xmod_sumdb_note_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1453);
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3180);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1817);
/* harmony import */ var _gostd_url_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6034);
// GOSUMDB as the go command reads it (cmd/go/internal/modfetch sumdb.go dbDial, key.go):
// "off", or "<key> [<url>]" where the key is a full verifier key or a name Go knows the key of.





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
 * but never fetch; we refuse that early too. Throws GoEnvError.
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GoEnvError */ .O(`parse ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)((0,_credentials_mask_js__WEBPACK_IMPORTED_MODULE_4__/* .maskPasswords */ .jz)(raw))}: ${err.message}`);
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

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ messageOf),
/* harmony export */   q: () => (/* binding */ withFields)
/* harmony export */ });
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

/***/ 2367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ LEVELS),
/* harmony export */   Ng: () => (/* binding */ isUsable),
/* harmony export */   an: () => (/* binding */ STAGES)
/* harmony export */ });
/**
 * Who records a finding. Within one level, findings are ranked in this order (then in the order
 * they were recorded), so a candidate's reason never depends on which stage finished first.
 */
const STAGES = ['contact', 'probe', 'sumdb', 'build', 'route', 'staleness'];
/**
 * Ranked from worst to best: a candidate's verdict is the worst level among its findings, healthy
 * when there is none. `skipped` is only ever a candidate's one finding (an entry not probed).
 */
const LEVELS = ['tampered', 'unhealthy', 'degraded', 'healthy', 'skipped'];
function isUsable(verdict) {
    return verdict === 'healthy' || verdict === 'degraded';
}


/***/ }),

/***/ 8233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NF: () => (/* binding */ verdictsByCandidate),
/* harmony export */   jI: () => (/* binding */ headPassed),
/* harmony export */   vr: () => (/* binding */ degradedHead),
/* harmony export */   wl: () => (/* binding */ degradedHeadSentence)
/* harmony export */ });
/**
 * A proxy that passed heads the exported chain, and passed at the level `fail-on` asks: with
 * `degraded`, a degraded head does not count.
 */
function headPassed(selection, failOn) {
    return selection.healthy && degradedHead(selection, failOn) === undefined;
}
/** The head that fails the run under `fail-on: degraded` only: usable, but degraded. */
function degradedHead(selection, failOn) {
    const head = selection.chain[0];
    if (failOn !== 'degraded' || !selection.healthy || head?.verdict !== 'degraded')
        return undefined;
    return head;
}
/**
 * Each candidate's verdict by its display (redacted URL, or direct/off), for the `verdicts`
 * output. A URL listed twice (in proxies and in mirrors) is one server: its first entry speaks.
 */
function verdictsByCandidate(reports) {
    const verdicts = {};
    for (const { candidate, verdict } of reports) {
        if (!Object.hasOwn(verdicts, candidate.display))
            verdicts[candidate.display] = verdict;
    }
    return verdicts;
}
/** Why a run whose head is degraded fails under `fail-on: degraded`. */
function degradedHeadSentence(head) {
    return `${head.candidate.display} heads the exported GOPROXY and is degraded (${head.reason}); fail-on is \`degraded\`, so the run fails.`;
}


/***/ }),

/***/ 7562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sR: () => (/* binding */ walkToolchains),
/* harmony export */   vM: () => (/* binding */ contradictions),
/* harmony export */   w$: () => (/* binding */ toolchainWarning)
/* harmony export */ });
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3716);

/**
 * Walks each toolchain module's files along the chain as `GOTOOLCHAIN=auto` fetches them: .info,
 * then .mod (proved against the database's record when there is one), then the zip (seen to be
 * served; downloaded and hashed with `checks: full`).
 */
function walkToolchains(toolchains, records, chain, ask, checks) {
    const needed = toolchains.filter((t) => !!t.module);
    return Promise.all(needed.map(async (need) => {
        const record = records.find(r => r.path === need.module.path && r.version === need.module.version);
        const module = {
            ...need.module,
            modHash: record?.modHash,
            zipHash: record?.zipHash
        };
        const files = await Promise.all(TOOLCHAIN_FILES[checks].map(file => (0,_walk_js__WEBPACK_IMPORTED_MODULE_0__/* .walkFile */ .cG)(module, file, chain, ask)));
        return { need, module, proved: record?.modHash !== undefined, files, outcome: worst(files) };
    }));
}
/** `quick` leaves out the zip, as it does for the build's modules. */
const TOOLCHAIN_FILES = {
    quick: ['info', 'mod'],
    standard: ['info', 'mod', 'zip'],
    full: ['info', 'mod', 'zip']
};
function worst(files) {
    if (files.some(f => f.outcome === 'unresolved'))
        return 'unresolved';
    return files.some(f => f.outcome === 'direct') ? 'direct' : 'served';
}
/** The toolchain walks that break the chain: only content that contradicts the database does. */
function contradictions(results) {
    return results.flatMap(r => r.files.filter(f => f.asked.at(-1)?.answer.kind === 'contradicts'));
}
/** What a missing toolchain means for the build: a warning, since the Go installed may do. */
function toolchainWarning(result) {
    if (result.outcome !== 'unresolved')
        return undefined;
    const { name } = result.need;
    const said = result.files
        .flatMap(f => f.asked.map(a => `${a.candidate.display} .${f.file}: ${a.answer.problem ?? a.answer.kind}`))
        .join('; ');
    return (`${result.module.path}@${result.module.version} (the ${name} toolchain go.mod asks for) does not resolve through the chain${said ? ` (${said})` : ''}. ` +
        `With GOTOOLCHAIN=auto, a go command older than ${name} will fail to switch ("toolchain not available"); ` +
        `one at ${name} or newer builds as is. Install ${name} on the runner (actions/setup-go) or serve golang.org/toolchain through the proxy.`);
}


/***/ }),

/***/ 3716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cG: () => (/* binding */ walkFile),
/* harmony export */   gN: () => (/* binding */ walkBuild),
/* harmony export */   nC: () => (/* binding */ explainUnresolved)
/* harmony export */ });
/* harmony import */ var _goenv_patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4130);
/* harmony import */ var _goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2057);
/* harmony import */ var _probe_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2367);



/**
 * The files the go command fetches for a build: each go.sum line's .mod or .zip; `checks: quick`
 * asks only the .mod files (small, and hashed), not the zips.
 */
function buildFiles(modules, checks) {
    return modules.flatMap(module => [
        ...(module.modHash ? [{ module, file: 'mod' }] : []),
        ...(module.zipHash && checks !== 'quick' ? [{ module, file: 'zip' }] : [])
    ]);
}
/**
 * Walks every file of the build along `chain` (the entries to export, in order) side by side; the
 * requests share the run's concurrency limit. Files of GONOPROXY modules are not asked of proxies.
 */
function walkBuild(plan, modules, chain, ask) {
    return Promise.all(buildFiles(modules, plan.checks).map(({ module, file }) => {
        if ((0,_goenv_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .matchPrefixPatterns */ .J8)(plan.patterns.gonoproxy, module.path)) {
            return { module, file, outcome: 'private', asked: [] };
        }
        return walkFile(module, file, chain, ask);
    }));
}
/**
 * One file along the chain, as the go command's TryProxies goes: the first entry that serves it
 * ends the walk; a 404/410 moves on; any other failure moves on only across `|`; `direct` hands it
 * to version control and `off` ends the walk. Content that contradicts go.sum ends it too: the go
 * command would stop with a checksum mismatch.
 */
async function walkFile(module, file, chain, ask) {
    const asked = [];
    for (const [i, { candidate }] of chain.entries()) {
        const { entry } = candidate;
        if (entry.kind === 'direct')
            return { module, file, outcome: 'direct', asked };
        if (entry.kind === 'off')
            break;
        const answer = await ask(candidate, module, file);
        asked.push({ candidate, answer });
        if (answer.kind === 'served')
            return { module, file, outcome: 'served', servedBy: candidate, asked };
        if (answer.kind === 'contradicts') {
            return { module, file, outcome: 'unresolved', asked, breaksAt: candidate };
        }
        if (answer.kind === 'failed' && !entry.fallBackOnError) {
            // Dropping the last entry would only take away what it serves: nothing comes after it.
            const later = i + 1 < chain.length ? candidate : undefined;
            return { module, file, outcome: 'unresolved', asked, breaksAt: later };
        }
    }
    return { module, file, outcome: 'unresolved', asked };
}
/**
 * For each file no entry served, asks the usable candidates the walk did not reach, so the
 * message can say what every candidate answered (a mirror may hold what the chain lacks).
 */
async function explainUnresolved(walks, reports, ask) {
    const usable = reports.filter(r => (0,_probe_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isUsable */ .Ng)(r.verdict) && (0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .isProxyEntry */ .l_)(r.candidate.entry));
    const unresolved = walks.filter(w => w.outcome === 'unresolved');
    await Promise.all(unresolved.map(async (walk) => {
        const unasked = usable.filter(r => !walk.asked.some(a => a.candidate.id === r.candidate.id));
        const answers = await Promise.all(unasked.map(r => ask(r.candidate, walk.module, walk.file)));
        answers.forEach((answer, i) => walk.asked.push({ candidate: unasked[i].candidate, answer, outsideChain: true }));
    }));
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
