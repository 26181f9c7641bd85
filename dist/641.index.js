export const id = 641;
export const ids = [641];
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

/***/ 3641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  probeAndReport: () => (/* binding */ probeAndReport)
});

// UNUSED EXPORTS: stepEnd

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/credentials/mask.ts
var mask = __webpack_require__(7380);
// EXTERNAL MODULE: ./src/probe/types.ts
var types = __webpack_require__(2367);
// EXTERNAL MODULE: ./src/walk/result.ts
var walk_result = __webpack_require__(7164);
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
/**
 * Whether the build went unresolved for want of any candidate: every one failed its checks (or
 * was dropped), no chain was left, and so no file of the build was asked of anyone.
 */
function noCandidateLeft(result) {
    const { unresolved } = result.build;
    return (result.selection.chain.length === 0 &&
        unresolved.length > 0 &&
        unresolved.every(m => m.files.every(f => f.asked.length === 0)));
}
/** What the build comes to when no candidate is left (see noCandidateLeft). */
function noCandidateLeftLine(result) {
    const count = result.build.unresolved.length;
    return `${count} module version${count === 1 ? '' : 's'} of the build: no candidate passed its checks, so none was asked for ${count === 1 ? 'it' : 'them'}`;
}
/**
 * Whether the build goes unresolved because GOPROXY is `off` as given (nothing to probe): the go
 * command downloads nothing, so the build must come from the module cache or vendor/, which the
 * action cannot see. A warning, not an error a module: the user chose it.
 */
function buildOffline(result) {
    return result.selection.outcome === 'nothing-to-probe' && result.build.unresolved.length > 0;
}
/** What the build comes to with GOPROXY=off (see buildOffline). */
function buildOfflineLine(result) {
    const count = result.build.unresolved.length;
    const one = count === 1;
    return `GOPROXY=off: the go command downloads none of the build's ${count} module version${one ? '' : 's'}, so ${one ? 'it' : 'they'} must already be in the module cache (or vendor/); not checked`;
}
/** One sentence on what was exported and why, for the summary, the log and the CLI. */
function outcomeSentence(result) {
    const { selection } = result;
    const cause = !result.sumdb.ok
        ? `The checksum database check failed (${result.sumdb.reason})`
        : result.build.unresolved.length > 0 && !noCandidateLeft(result)
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
    return `${mark} Checksum database: ${sumdb.reason}. GOSUMDB=${(0,mask/* maskCredentials */.Bs)(sumdb.gosumdb)}`;
}
/** Why a run whose candidates passed still failed: modules of the build no candidate serves. */
function unresolvedCause(result) {
    const { unresolved } = result.build;
    const first = unresolved[0].module;
    const more = unresolved.length > 1 ? ` and ${unresolved.length - 1} more` : '';
    return `${unresolved.length} module version${unresolved.length === 1 ? '' : 's'} of the build resolve${unresolved.length === 1 ? 's' : ''} through no usable candidate (${first.path}@${first.version}${more})`;
}

// EXTERNAL MODULE: ./src/walk/toolchain.ts
var walk_toolchain = __webpack_require__(7562);
// EXTERNAL MODULE: ./src/checksum/record-lookup.ts
var record_lookup = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/build/vendor.ts
var vendor = __webpack_require__(1516);
// EXTERNAL MODULE: ./src/build/discover.ts + 1 modules
var discover = __webpack_require__(7018);
;// CONCATENATED MODULE: ./src/report/build.ts








/** How many modules a list names before it says "and N more". */
const LISTED = 20;
/** `path@version (file:line)`: where a module version of the build comes from. */
function moduleLabel(result) {
    const { path, version, zipAt, modAt } = result.module;
    const at = zipAt ?? modAt;
    return `${path}@${version}${at ? ` (${at.file}:${at.line})` : ''}`;
}
/**
 * A usable candidate's reason, with what it lacks or fails of the build: its verdict rests on its
 * probes, and a candidate that lacks modules a later entry serves stays usable, as Go moves on.
 */
function reasonWithBuild(result, report) {
    if (!(0,types/* isUsable */.Ng)(report.verdict))
        return report.reason;
    const tally = result.build.tallies.find(t => t.candidate.id === report.candidate.id);
    const gaps = [
        tally?.lacks ? `lacks ${tally.lacks}` : '',
        tally?.fails ? `fails ${tally.fails}` : ''
    ].filter(Boolean);
    if (gaps.length === 0)
        return report.reason;
    return `${report.reason}; it ${gaps.join(' and ')} of the build's module versions`;
}
/** What each candidate answered for a module version that resolves through none. */
function unresolvedLine(result) {
    const answers = result.files.flatMap(f => f.asked.map(({ candidate, answer }) => `${candidate.display} .${f.file}: ${answer.kind === 'served' ? 'served' : (answer.problem ?? answer.kind)}`));
    const said = answers.length > 0 ? answers.join('; ') : 'no candidate was asked';
    return `${moduleLabel(result)}: ${said}`;
}
/** The go.sum lines whose files the build never fetches, and so were not asked; '' when none. */
function notFetchedSentence(modules) {
    const files = modules.flatMap(m => m.files.filter(f => f.outcome === 'not-fetched'));
    if (files.length === 0)
        return '';
    const zips = files.filter(f => f.file === 'zip').length;
    const mods = files.length - zips;
    const lines = files.length === 1 ? '1 go.sum line names a file' : `${files.length} go.sum lines name files`;
    // Below a go.mod no candidate serves, the walk stopped, as the go command does.
    const stopped = modules.some(m => m.files.some(f => f.file === 'mod' && f.outcome === 'unresolved'));
    if (stopped) {
        return ` ${lines} that were not asked: files no build fetches, or that only a go.mod no candidate serves would lead to (the go command stops at it too).`;
    }
    return ` ${lines} that \`go mod download\` and builds never fetch (${zips} zip${zips === 1 ? '' : 's'} of modules no require line names or of versions the build list passes over, ${mods} go.mod${mods === 1 ? '' : 's'} outside the module graph Go loads), so they were not asked.`;
}
/** The go.mod without go.sum, when it requires modules (else no build reads a go.sum line). */
function missingGoSumOf(build) {
    return build.modules.length > 0 ? (0,discover/* withoutGoSum */.GY)(build.found) : undefined;
}
/** What a module with no go.sum comes to; '' when its go.sum is there. */
function missingGoSumSentence({ build }) {
    const missing = missingGoSumOf(build);
    if (missing === undefined)
        return '';
    return `${missing.goMod} has no ${(0,external_node_path_.basename)(missing.goSum)} beside it: a build that may not change go.sum (\`go build\`, \`go test\` by default) stops at "missing go.sum entry"; \`go mod download\` follows the module graph from go.mod alone and writes one, as walked here.`;
}
/** What the main module's own files say that the go command stops at, each led by a space. */
function moduleFileSentences(result) {
    return [queriedSentence(result), missingGoSumSentence(result)]
        .map(s => (s ? ` ${s}` : ''))
        .join('');
}
/** What a main module's go.mod spelling a version as a query comes to; '' when none does. */
function queriedSentence({ build }) {
    const [first, ...more] = build.queried;
    if (first === undefined)
        return '';
    const others = more.length > 0 ? ` and ${more.length} more` : '';
    return `${first.file}:${first.line} spells ${first.path} ${first.version}${others} as no canonical version, which the go command reads as a query: a build that may not change go.mod (\`go build\`, \`go test\` by default) stops ("updates to go.mod needed"), and \`go mod download\` resolves it (\`v1.2\` to the newest v1.2.x) and rewrites go.mod. In a workspace Go resolves it and builds. The walk resolves it as Go does (the @v/list, then the .info of the version picked) and walks the build as Go reads it once it has rewritten the line; \`go mod tidy\` writes the canonical version.`;
}
/** The modules the graph led to that no go.sum line names; '' when none. */
function unlistedSentence({ build, integrity, plan }) {
    const unlisted = build.modules.filter(m => !m.module.modAt && !m.module.zipAt).length;
    if (unlisted === 0)
        return '';
    const which = unlisted === 1 ? '1 of them is' : `${unlisted} of them are`;
    const checked = (0,record_lookup/* looksUpUnlisted */.i)(plan, integrity)
        ? `here, as there, each was checked against the checksum database's record (its go.mod${plan.checks === 'full' ? ' and zip' : '; its zip only with `checks: full`'}), unless GONOSUMDB names it`
        : `here they were seen to be served, not checked against the checksum database (${integrity.reason})`;
    return ` ${which} named by no go.sum line: \`go mod download\` fetches them all the same (checking them against the checksum database unless GOSUMDB is off); ${checked}.`;
}
function buildFacts(result) {
    const { build } = result;
    const vendored = (0,vendor/* vendoredSentence */.Tq)(build.found.vendored);
    const nothing = build.modules.length === 0 && build.toolchains.length === 0;
    if (nothing && !vendored && build.queried.length === 0)
        return undefined;
    const files = build.found.goSumFiles.length;
    // A vendored build alone walks nothing: only its sentence says what was done.
    const walked = (text) => files === 0 && vendored ? vendored : `${text} ${vendored}`.trim();
    const toolchains = build.toolchains.map(t => (0,walk_toolchain/* toolchainWarning */.w$)(t) ??
        `Toolchain ${t.need.name}: ${t.module.path}@${t.module.version} resolves through the chain${t.proved ? ', its zip proved against the checksum database' : ''}.`);
    if (buildOffline(result))
        return { intro: walked(`${buildOfflineLine(result)}.`), later: [], unresolved: [], toolchains };
    return {
        intro: walked(`${(0,walk_result/* walkedModules */.A)(build).length} module versions of ${files} go.sum file${files === 1 ? '' : 's'} walked along the exported chain, as the go command fetches them${result.plan.checks === 'quick' ? ' (with `checks: quick`, their .mod and .info but no zip)' : ''}.${unlistedSentence(result)}${notFetchedSentence(build.modules)}${moduleFileSentences(result)}`),
        later: listed(build.modules.filter(m => m.laterEntry), m => `${moduleLabel(m)} via ${m.servedBy?.display ?? '?'}`),
        unresolved: noCandidateLeft(result)
            ? [`${noCandidateLeftLine(result)}.`]
            : listed(build.unresolved, unresolvedLine),
        toolchains
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
        ...section('**Resolve through no usable candidate:**', facts.unresolved),
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
        ...section('Resolve through no usable candidate:', facts.unresolved),
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
        missingGoSum: missingGoSumOf(build)?.goSum ?? null,
        queried: build.queried,
        vendored: (build.found.vendored ?? []).map(v => ({
            vendor: v.dir,
            reason: v.reason,
            missing: v.missing,
            goSumFiles: v.goSumFiles
        })),
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
            GOSUMDB: (0,mask/* maskCredentials */.Bs)(result.sumdb.gosumdb),
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

;// CONCATENATED MODULE: ./src/report/summary.ts


/** The job summary as Markdown: one table row a candidate, then what was exported and why. */
function summaryMarkdown(result, profile) {
    const lines = ['## validate-goproxy', ''];
    if (profile)
        lines.push(`Profile: \`${profile}\``, '');
    lines.push('| candidate | verdict | latency | checks | reason |', '| --- | --- | --- | --- | --- |', ...result.reports.map(r => {
        const cached = r.cached ? ` (cached, ${formatMs(r.cached.ageMs)} old)` : '';
        const checks = r.checksTotal ? `${r.checksPassed}/${r.checksTotal}` : '—';
        return `| ${cell(`${r.candidate.id} ${r.candidate.display}`)} | ${VERDICT_MARK[r.verdict]}${cached} | ${formatMs(r.latencyMs)} | ${checks} | ${cell(reasonWithBuild(result, r))} |`;
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

// EXTERNAL MODULE: ./src/log/ecs.ts
var ecs = __webpack_require__(1751);
// EXTERNAL MODULE: ./src/goenv/proxylist.ts
var proxylist = __webpack_require__(2057);
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

// EXTERNAL MODULE: ./src/select/gate.ts
var gate = __webpack_require__(8233);
;// CONCATENATED MODULE: ./src/action/build-log.ts




/**
 * Annotations on the build's own files: an error on each go.sum line a candidate contradicts or
 * no candidate serves (one for all when no candidate is left; a warning when GOPROXY is off as
 * given), a warning on the go.mod whose toolchain the chain does not serve, and on one with
 * requirements but no go.sum. Paths are
 * relative to the workspace, as the runner links them to the repository's files.
 */
function annotateBuild(result, log, workspace) {
    const at = (place) => place && { file: (0,external_node_path_.relative)(workspace, place.file), startLine: place.line };
    for (const { module, file, candidate, problem } of result.build.contradicted) {
        // A file with no go.sum line was checked against the checksum database's record instead.
        const line = file === 'zip' ? module.zipAt : module.modAt;
        const against = line ? 'go.sum' : 'the checksum database';
        const title = `validate-goproxy: ${candidate.display} contradicts ${against}`;
        log.annotate('error', problem, { title, ...at(line ?? module.modAt) });
    }
    const { unresolved } = result.build;
    const first = unresolved[0]?.module;
    const firstFile = first && (first.zipAt ?? first.modAt);
    if (buildOffline(result)) {
        const title = 'validate-goproxy: GOPROXY=off downloads nothing';
        log.annotate('warning', `${buildOfflineLine(result)}.`, {
            title,
            ...(firstFile && { file: (0,external_node_path_.relative)(workspace, firstFile.file) })
        });
    }
    else if (noCandidateLeft(result)) {
        // One error, not one a module: each would only say that no candidate was asked.
        const title = 'validate-goproxy: no candidate left to serve the build';
        const message = `${noCandidateLeftLine(result)}. See the job summary for each candidate's reason.`;
        log.annotate('error', message, {
            title,
            ...(firstFile && { file: (0,external_node_path_.relative)(workspace, firstFile.file) })
        });
    }
    else {
        for (const module of unresolved) {
            const unverified = module.files.some(f => f.asked.some(a => a.answer.kind === 'unverified'));
            const title = unverified
                ? 'validate-goproxy: the checksum database cannot vouch for this module version'
                : 'validate-goproxy: no usable candidate serves this module version';
            const place = module.module.zipAt ?? module.module.modAt;
            log.annotate('error', unresolvedLine(module), { title, ...at(place) });
        }
    }
    for (const toolchain of result.build.toolchains) {
        const warning = (0,walk_toolchain/* toolchainWarning */.w$)(toolchain);
        if (!warning)
            continue;
        // GOTOOLCHAIN names no file to annotate.
        const file = toolchain.need.from === 'GOTOOLCHAIN' ? undefined : (0,external_node_path_.relative)(workspace, toolchain.need.file);
        const title = toolchain.outcome === 'unresolved' && !(0,walk_toolchain/* toolchainUnverified */.dj)(toolchain)
            ? 'validate-goproxy: toolchain not served'
            : 'validate-goproxy: toolchain cannot be verified';
        log.annotate('warning', warning, { title, file });
    }
    annotateMissingGoSum(result, log, workspace);
    annotateQueried(result, log, workspace);
}
/** A warning on the first go.mod line that spells a version as a query. */
function annotateQueried(result, log, workspace) {
    const first = result.build.queried[0];
    if (first === undefined)
        return;
    const where = { file: (0,external_node_path_.relative)(workspace, first.file), startLine: first.line };
    const title = 'validate-goproxy: go.mod needs `go mod tidy`';
    log.annotate('warning', queriedSentence(result), { title, ...where });
}
/** A warning on a go.mod with no go.sum: the build's own reads would stop there, not ours. */
function annotateMissingGoSum(result, log, workspace) {
    const missing = missingGoSumOf(result.build);
    if (missing === undefined)
        return;
    const file = (0,external_node_path_.relative)(workspace, missing.goMod);
    const title = `validate-goproxy: ${(0,external_node_path_.basename)(missing.goMod)} has no ${(0,external_node_path_.basename)(missing.goSum)}`;
    log.annotate('warning', missingGoSumSentence(result), { title, file });
}

// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/goenv/goauth.ts
var goauth = __webpack_require__(5253);
// EXTERNAL MODULE: ./src/gostd/filepath.ts
var filepath = __webpack_require__(2362);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/goenv/basic-auth.ts
var basic_auth = __webpack_require__(9858);
// EXTERNAL MODULE: ./src/gostd/errors.ts
var gostd_errors = __webpack_require__(3180);
// EXTERNAL MODULE: ./src/gostd/url.ts
var gostd_url = __webpack_require__(6034);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
;// CONCATENATED MODULE: ./src/goenv/goauth-output.ts
// What GOAUTH's programs print, read as the go command reads it: a GOAUTH command's credential
// sets (cmd/go/internal/auth/userauth.go) and 'git credential fill' (gitauth.go).



/**
 * A GOAUTH command's output: blocks of URL lines, a blank line, header lines ("Name: value"), a
 * blank line. Returns the headers of each URL prefix ("https://" dropped), a later block
 * replacing an earlier one for the same URL. Throws GoEnvError with Go's reasons; the reasons
 * never quote a header line, which may hold a secret.
 */
function parseAuthCommandOutput(output) {
    const credentials = new Map();
    const lines = { rest: output };
    const next = (missing) => {
        const newline = lines.rest.indexOf('\n');
        if (newline < 0)
            throw new gostd_errors/* GoEnvError */.O(`invalid format: missing empty line after ${missing}`);
        const line = lines.rest.slice(0, newline);
        lines.rest = lines.rest.slice(newline + 1);
        return line;
    };
    while (lines.rest !== '') {
        const urls = [];
        for (let line = next('URLs'); line !== ''; line = next('URLs')) {
            urls.push((0,gostd_url/* formatGoUrl */.Dr)(parseRequestUri(line)));
        }
        const headers = {};
        for (let line = next('headers'); line !== ''; line = next('headers')) {
            const colon = line.indexOf(': ');
            const name = colon < 0 ? '' : line.slice(0, colon);
            const value = (0,strings/* trimSpace */.Pd)(line.slice(colon + 2));
            if (colon < 0 || !isToken(name) || !isFieldValue(value)) {
                throw new gostd_errors/* GoEnvError */.O('invalid format: invalid header line');
            }
            const key = canonicalHeaderKey(name);
            headers[key] = [...(headers[key] ?? []), value];
        }
        for (const url of urls) {
            const prefix = url.startsWith('https://') ? url.slice('https://'.length) : url;
            credentials.set(prefix, headers);
        }
    }
    return credentials;
}
/**
 * 'git credential fill' output: the URL prefix it answered for (from protocol, host and path,
 * or a valid url= line) and the user name and password. Empty strings for what is missing.
 */
function parseGitCredential(output) {
    let prefix = (0,gostd_url/* emptyUrl */.jU)();
    let username = '';
    let password = '';
    for (const line of output.split('\n')) {
        const text = (0,strings/* trimSpace */.Pd)(line);
        const eq = text.indexOf('=');
        if (eq < 0)
            continue;
        const value = text.slice(eq + 1);
        switch (text.slice(0, eq)) {
            case 'protocol':
                prefix = { ...prefix, scheme: value };
                break;
            case 'host':
                prefix = { ...prefix, host: value };
                break;
            case 'path':
                prefix = { ...prefix, path: value };
                break;
            case 'username':
                username = value;
                break;
            case 'password':
                password = value;
                break;
            case 'url':
                // A malformed url= line is skipped; the other fields may still name the prefix.
                prefix = tryParseRequestUri(value) ?? prefix;
        }
    }
    return { prefix: (0,gostd_url/* formatGoUrl */.Dr)(prefix), username, password };
}
/** net/url.ParseRequestURI: an absolute URL or an absolute path; a '#' is part of the path. */
function parseRequestUri(raw) {
    if (raw === '')
        throw new gostd_errors/* GoEnvError */.O(`could not parse URL ${raw}: empty url`);
    try {
        const url = (0,gostd_url/* parseGoUrl */.P)(raw.replaceAll('#', '%23'));
        if (url.scheme === '' && !raw.startsWith('/') && raw !== '*') {
            throw new gostd_errors/* GoEnvError */.O('invalid URI for request');
        }
        return url;
    }
    catch (err) {
        if (!(err instanceof gostd_errors/* GoEnvError */.O))
            throw err;
        // Go quotes the line and pieces of it: not a line that may hold credentials.
        if (raw.includes('@'))
            throw new gostd_errors/* GoEnvError */.O('could not parse a URL line with user information');
        throw new gostd_errors/* GoEnvError */.O(`could not parse URL ${raw}: ${err.message}`);
    }
}
function tryParseRequestUri(raw) {
    try {
        return parseRequestUri(raw);
    }
    catch {
        return undefined;
    }
}
// RFC 7230 token characters: what a header name may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function isToken(name) {
    return TOKEN.test(name);
}
// Go's validHeaderFieldValue: no control bytes except space and tab.
function isFieldValue(value) {
    // eslint-disable-next-line no-control-regex
    return !/[\x00-\x08\x0a-\x1f\x7f]/.test(value);
}
/** textproto.CanonicalMIMEHeaderKey for a valid name: "private-token" → "Private-Token". */
function canonicalHeaderKey(name) {
    return name
        .split('-')
        .map(part => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
        .join('-');
}

// EXTERNAL MODULE: ./src/credentials/redact.ts
var redact = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
;// CONCATENATED MODULE: ./src/credentials/run-command.ts

class CommandError extends Error {
    cannotStart;
    name = 'CommandError';
    constructor(message, 
    /** The program could not be started at all (not found, not executable). */
    cannotStart = false) {
        super(message);
        this.cannotStart = cannotStart;
    }
}
/** What a credential program may print: far more than any set of headers. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** The real runner: `env` is the job's environment; each run ends after `timeoutMs`. */
function createCommandRunner(env, timeoutMs) {
    return (argv, options) => new Promise((resolve, reject) => {
        // Loaded on the first run: child_process costs every start, and few runs have GOAUTH.
        const { execFile } = process.getBuiltinModule('node:child_process');
        const child = execFile(argv[0], argv.slice(1), {
            cwd: options.cwd,
            env: { ...env, ...options.env },
            timeout: timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: MAX_OUTPUT_BYTES,
            signal: options.signal,
            windowsHide: true,
            encoding: 'utf8'
        }, (err, stdout, stderr) => err ? reject(commandError(err, stderr, timeoutMs)) : resolve(stdout));
        // A program that exits without reading its input must not fail the run with EPIPE.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.stdin);
    });
}
function commandError(err, stderr, timeoutMs) {
    const code = err.code;
    if (code === 'ENOENT' || code === 'EACCES') {
        return new CommandError(code === 'ENOENT' ? 'not found' : 'permission denied', true);
    }
    if (err.name === 'AbortError')
        return new CommandError('cancelled: the request gave up');
    if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return new CommandError(`printed more than ${MAX_OUTPUT_BYTES} bytes`);
    }
    if (err.killed)
        return new CommandError(`no answer within ${timeoutMs} ms`);
    const status = typeof code === 'number'
        ? `exit status ${code}`
        : err.signal
            ? `killed by ${err.signal}`
            : err.message;
    return new CommandError(`${status}${stderrTail(stderr)}`);
}
/** The program's own words on failure: its last lines of stderr, shortened. */
function stderrTail(stderr) {
    const lines = stderr.trim().split('\n').slice(-3);
    const text = (0,mask/* maskCredentialsLoosely */.Q6)(lines.join(' | ')).slice(0, 300);
    return text === '' ? '' : `: ${text}`;
}

;// CONCATENATED MODULE: ./src/credentials/goauth.ts
// GOAUTH at run time, as the go command applies it (cmd/go/internal/auth, web/http.go): every
// method runs once before the first request; each https request gets the headers stored for
// its URL's longest prefix; after a 4xx, git and commands run again for that URL and the request
// is sent once more if that changed its headers.







/**
 * A GOAUTH value that cannot work (a git directory that is none, a command that cannot start):
 * `reason` completes "Invalid input 'GOAUTH': <value> …", as the caller reports it.
 */
class GoauthValueError extends Error {
    reason;
    name = 'GoauthValueError';
    constructor(reason) {
        super(reason);
        this.reason = reason;
    }
}
/** The credentials GOAUTH yields, request by request. */
class GoAuth {
    methods;
    fx;
    cache = new goauth/* CredentialCache */.a5();
    warned = new Set();
    masked = new Set();
    netrc = [];
    /** What the methods yielded before any request: the same in every run with the same setup. */
    atStart = new goauth/* CredentialCache */.a5();
    constructor(methods, fx) {
        this.methods = methods;
        this.fx = fx;
    }
    /**
     * Checks what Go checks before running anything (git directories, commands that exist) and
     * runs every method once without a URL. Throws GoauthValueError for a GOAUTH that cannot work.
     */
    static async start(methods, fx) {
        const auth = new GoAuth(methods, fx);
        for (const method of methods) {
            if (method.kind === 'netrc')
                auth.netrc = (await fx.readNetrc()) ?? [];
            if (method.kind !== 'git')
                continue;
            const problem = await fx.directoryProblem(method.dir);
            if (problem)
                throw new GoauthValueError(`is not valid: ${problem}`);
        }
        for (const { login, password } of auth.netrc) {
            // The password, and the Basic token it is sent as, which a server may quote back.
            auth.maskSecret(password);
            auth.maskSecret((0,basic_auth/* basicToken */.a)(login, password));
        }
        const errors = await auth.runMethods(undefined);
        for (const err of errors)
            fx.log.debug(err);
        auth.atStart = auth.cache.copy();
        return auth;
    }
    /**
     * The headers for a request. None for plain http (the go command never sends GOAUTH
     * credentials there) and none for a URL with its own user info (Go sends that as Basic auth).
     */
    headersFor(url) {
        return appliesTo(url) ? this.cache.load(url) : undefined;
    }
    /**
     * Which credentials requests to `url` carry, without their values: the methods, and whether
     * they gave any for it at the start. A verdict cache keyed by this never hands a verdict won
     * with credentials to a run without them (a fork's pull request, a secret that is not set).
     * Undefined when that cannot be known before the first request: git, or a command, may give
     * credentials only after a 401, so no verdict for that URL is cached.
     */
    describe(url) {
        if (!appliesTo(url))
            return 'none';
        const atStart = this.atStart.load(url) !== undefined;
        if (!atStart && this.refreshesFor(url))
            return undefined;
        const methods = this.methods.map(m => m.kind).join(';');
        return `${methods}: ${atStart ? 'credentials' : 'none'}`;
    }
    /** Whether a 4xx answer for `url` can change what it sends: GOAUTH runs git or a command. */
    refreshesFor(url) {
        return appliesTo(url) && this.methods.some(m => m.kind !== 'netrc');
    }
    /** After a 4xx for `url`: git and every command run again, told the URL (and the answer). */
    async refresh(url, response, signal) {
        const errors = await this.runMethods({ url, response, signal });
        // As the go command (with -x) does: failures matter only when no method gave credentials.
        if (this.cache.load(url))
            return;
        for (const err of errors) {
            if (this.warned.has(err))
                continue;
            this.warned.add(err);
            this.fx.log.warning(err, { action: 'goauth', url });
        }
    }
    /** Runs the methods last to first, so an earlier method's headers win for the same prefix. */
    async runMethods(context) {
        const errors = [];
        for (const method of [...this.methods].reverse()) {
            try {
                if (method.kind === 'netrc')
                    (0,goauth/* storeNetrc */.CD)(this.cache, this.netrc);
                else if (method.kind === 'git')
                    await this.runGit(method.dir, context);
                else
                    await this.runCommand(method, context);
            }
            catch (err) {
                if (err instanceof GoauthValueError)
                    throw err;
                errors.push(`GOAUTH=${method.text}: ${(0,logger/* messageOf */.bD)(err)}`);
            }
        }
        return errors;
    }
    async runGit(dir, context) {
        // 'git credential' cannot list credentials: git waits for a request that needs them.
        if (!context)
            return;
        const { url, signal } = context;
        const output = await this.fx.run(['git', 'credential', 'fill'], {
            cwd: dir,
            stdin: `url=${url}\n`,
            signal,
            // A validation must not stop at a prompt for a password nobody will type.
            env: { GIT_TERMINAL_PROMPT: '0' }
        });
        const { prefix, username, password } = parseGitCredential(output);
        if (password)
            this.maskSecret(password);
        if (prefix === '')
            throw new Error(`'git credential fill' failed for url=${url}, could not parse url`);
        if (!url.startsWith(prefix)) {
            throw new Error(`requested a credential for ${url}, but 'git credential fill' provided one for ${prefix}`);
        }
        const headers = (0,goauth/* basicAuth */.tB)(username, password);
        this.mask(headers);
        this.cache.store(prefix, headers);
    }
    async runCommand(method, context) {
        const argv = context ? [...method.argv, context.url] : method.argv;
        let output;
        try {
            output = await this.fx.run(argv, {
                stdin: context ? responseText(context.response) : '',
                signal: context?.signal
            });
        }
        catch (err) {
            if (!context && err instanceof CommandError && err.cannotStart) {
                const reason = `is not valid: the command ${JSON.stringify(argv[0])} cannot be run (${(0,logger/* messageOf */.bD)(err)}); GOAUTH takes off, netrc, git DIR or a command (see 'go help goauth')`;
                throw new GoauthValueError(reason);
            }
            throw new Error(`could not run command ${method.text}: ${(0,logger/* messageOf */.bD)(err)}`, { cause: err });
        }
        let credentials;
        try {
            credentials = parseAuthCommandOutput(output);
        }
        catch (err) {
            throw new Error(`cannot parse output of GOAUTH command ${method.text}: ${(0,logger/* messageOf */.bD)(err)}`, {
                cause: err
            });
        }
        for (const [prefix, headers] of credentials) {
            this.mask(headers);
            this.cache.store(prefix, headers);
        }
    }
    /** Every header value as a secret, and the credential inside it on its own. */
    mask(headers) {
        for (const value of Object.values(headers).flat()) {
            for (const secret of secretsOf(value))
                this.maskSecret(secret);
        }
    }
    /** Commands run again after each 4xx: each secret is announced once. */
    maskSecret(secret) {
        if (this.masked.has(secret))
            return;
        this.masked.add(secret);
        this.fx.onSecret(secret);
    }
}
function appliesTo(url) {
    return /^https:\/\//i.test(url) && !(0,redact/* credentialsOf */.YN)(url);
}
/** "Bearer t0ken" → itself and "t0ken"; "Basic <base64>" → also the decoded password. */
function secretsOf(value) {
    const secrets = [value];
    const scheme = /^(\S+) +(\S+)$/.exec(value);
    if (scheme)
        secrets.push(scheme[2]);
    if (scheme && scheme[1].toLowerCase() === 'basic') {
        const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon >= 0)
            secrets.push(decoded.slice(colon + 1));
    }
    return secrets.filter(s => s !== '');
}
/** What the go command writes to a command's stdin after a 4xx: status line, headers, blank line. */
function responseText(response) {
    const status = `${response.status} ${external_node_http_.STATUS_CODES[response.status] ?? ''}`.trim();
    const lines = Object.entries(response.headers).flatMap(([name, value]) => value === undefined ? [] : [`${canonicalHeaderKey(name)}: ${[value].flat().join(', ')}`]);
    return [`HTTP/1.1 ${status}`, ...lines, '', ''].join('\n');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/goenv/netrc.ts
// The go command's .netrc (cmd/go/internal/auth/netrc.go): which file it reads and how it reads
// it. GOAUTH's netrc method (goauth.ts) turns the entries into credentials by URL prefix.



/**
 * Parses .netrc text as Go does, which is simpler than GNU's: tokens are taken in pairs within
 * one line; an entry is kept once it has machine, login and password; a line ending in a lone
 * `default` ends the file; `macdef` skips the following lines up to an empty line (the rest of
 * its own line is still read).
 */
function parseNetrc(text) {
    const entries = [];
    let entry = { machine: '', login: '', password: '' };
    let inMacro = false;
    for (const line of text.split('\n')) {
        if (inMacro) {
            // Only a truly empty line ends a macro ("\r" from a CRLF file does not).
            if (line === '')
                inMacro = false;
            continue;
        }
        const tokens = (0,strings/* fields */.OA)(line);
        let i = 0;
        for (; i < tokens.length - 1; i += 2) {
            const value = tokens[i + 1];
            switch (tokens[i]) {
                case 'machine':
                    entry = { machine: value, login: '', password: '' };
                    break;
                case 'login':
                    entry.login = value;
                    break;
                case 'password':
                    entry.password = value;
                    break;
                case 'macdef':
                    inMacro = true;
                    break;
            }
            if (entry.machine !== '' && entry.login !== '' && entry.password !== '') {
                entries.push(entry);
                entry = { machine: '', login: '', password: '' };
            }
        }
        // "There can be only one default token, and it must be after all machine tokens."
        if (tokens[i] === 'default')
            break;
    }
    return entries;
}
/**
 * The file Go reads: $NETRC if set and non-empty, else .netrc in the home directory; on Windows
 * _netrc there instead when that file exists (pass `exists`, e.g. fs.existsSync, to see it).
 */
function netrcPath(env, platform, home, exists = () => false) {
    const fromEnv = env.NETRC;
    if (fromEnv !== undefined && fromEnv !== '')
        return fromEnv;
    // Go's os.UserHomeDir fails on an empty $HOME, and then reads no .netrc at all.
    if (home === '')
        throw new gostd_errors/* GoEnvError */.O('cannot locate .netrc: the home directory is not set');
    if (platform === 'win32') {
        const legacy = external_node_path_.win32.join(home, '_netrc');
        return exists(legacy) ? legacy : external_node_path_.win32.join(home, '.netrc');
    }
    return external_node_path_.posix.join(home, '.netrc');
}

;// CONCATENATED MODULE: ./src/credentials/lookup.ts
// Where GOAUTH's credentials come from on this machine: the netrc file and git directories.



/** The go command's netrc (NETRC, else ~/.netrc; ~/_netrc on Windows). */
async function readNetrc(env) {
    let text;
    try {
        text = await promises_.readFile(netrcPath(env, process.platform, homeOf(env), external_node_fs_.existsSync), 'utf8');
    }
    catch {
        // No home or no file: the go command then sends no netrc credentials either.
        return undefined;
    }
    return parseNetrc(text);
}
/** os.UserHomeDir: %USERPROFILE% on Windows, $HOME elsewhere. */
function homeOf(env) {
    return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ?? '';
}
/** Go's checks of a `git DIR` directory, worded as its fatal errors. */
async function directoryProblem(dir) {
    try {
        if ((await promises_.stat(dir)).isDirectory())
            return undefined;
        return 'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not a directory';
    }
    catch (err) {
        return `GOAUTH=git encountered an error; cannot stat ${dir}: ${err.code ?? err}`;
    }
}

// EXTERNAL MODULE: ./src/abort.ts
var abort = __webpack_require__(6885);
// EXTERNAL MODULE: ./src/http/types.ts
var http_types = __webpack_require__(5853);
;// CONCATENATED MODULE: ./src/http/goauth-get.ts
// The go command's fetch with GOAUTH (cmd/go/internal/web/http.go): credentials on the first
// request, and after a 4xx answer one more request with what GOAUTH then gives for the URL.


/**
 * `get` with GOAUTH's headers. The second request is sent only when running GOAUTH again changed
 * the URL's headers (Go sends it regardless; an identical request proves nothing more). Both
 * requests and the commands in between share the request's one deadline.
 */
function withGoAuth(get, auth) {
    return async (request) => {
        const started = performance.now();
        const elapsed = () => Math.round(performance.now() - started);
        const sent = auth.headersFor(request.url);
        const first = await get(sent ? { ...request, headers: sent } : request);
        if (first.status < 400 || first.status > 499 || !auth.refreshesFor(request.url))
            return first;
        const deadline = (0,abort/* deadlineSignal */.R)(request.signal, Math.max(0, request.timeoutMs - elapsed()));
        try {
            await auth.refresh(request.url, first, deadline.signal);
        }
        finally {
            deadline.dispose();
        }
        const headers = auth.headersFor(request.url);
        if (JSON.stringify(headers) === JSON.stringify(sent))
            return first;
        const timedOut = () => new http_types/* HttpError */.j$('timeout', `no complete answer within ${request.timeoutMs} ms`);
        const offset = elapsed();
        if (offset >= request.timeoutMs)
            throw timedOut();
        try {
            const second = await get({ ...request, headers, timeoutMs: request.timeoutMs - offset });
            return shifted(second, offset);
        }
        catch (err) {
            throw err instanceof http_types/* HttpError */.j$ && err.kind === 'timeout' ? timedOut() : err;
        }
    };
}
/** The answer's timing measured from the start of the first request. */
function shifted(response, offsetMs) {
    const { timing } = response;
    return {
        ...response,
        timing: {
            ...timing,
            headersMs: timing.headersMs + offsetMs
        }
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/cache/entry.ts
var cache_entry = __webpack_require__(8962);
;// CONCATENATED MODULE: ./src/cache/local-store.ts
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
                text = await (0,promises_.readFile)(file, 'utf8');
            }
            catch (err) {
                if (errorCode(err) !== 'ENOENT')
                    log.debug(`cache: cannot read ${file}: ${(0,logger/* messageOf */.bD)(err)}`);
                return undefined;
            }
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (err) {
                log.debug(`cache: ignoring ${file}: not JSON (${(0,logger/* messageOf */.bD)(err)})`);
                return undefined;
            }
            const problem = (0,cache_entry/* entryProblem */.qH)(value, key, isPayload);
            if (problem === undefined)
                return value;
            // A miss: the caller's fresh result then replaces the file.
            log.debug(`cache: ignoring ${file}: not a ${cache_entry/* ENTRY_SCHEMA */.Hk} entry for this key (${problem})`);
            return undefined;
        },
        async write(key, payload, now) {
            const file = entryFile(dir, key);
            const entry = { schema: cache_entry/* ENTRY_SCHEMA */.Hk, key, storedAt: now, payload };
            try {
                await (0,promises_.mkdir)(dir, { recursive: true });
                await replaceFile(file, `${JSON.stringify(entry)}\n`);
            }
            catch (err) {
                log.warning(`cache: cannot write ${file}: ${(0,logger/* messageOf */.bD)(err)}`);
            }
        },
        async keys() {
            let names;
            try {
                names = await (0,promises_.readdir)(dir);
            }
            catch (err) {
                if (errorCode(err) !== 'ENOENT')
                    log.debug(`cache: cannot list ${dir}: ${(0,logger/* messageOf */.bD)(err)}`);
                return [];
            }
            return names.flatMap(name => ENTRY_FILE.exec(name)?.[1] ?? []).sort();
        }
    };
}
function entryFile(dir, key) {
    if (!KEY_PATTERN.test(key))
        throw new Error(`cache key must be 64 lower-case hex digits, got ${JSON.stringify(key)}`);
    return (0,external_node_path_.join)(dir, `${key}.json`);
}
/** Writes a temporary file beside `file`, flushes it to disk and renames it over `file`. */
async function replaceFile(file, text) {
    // Unique per writer, so concurrent writers (other processes included) never share one.
    const temp = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    try {
        const handle = await (0,promises_.open)(temp, 'wx');
        try {
            await handle.writeFile(text, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temp, file);
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
        throw err;
    }
}
function errorCode(err) {
    return err?.code;
}

;// CONCATENATED MODULE: ./src/effects.ts












/**
 * The real effects both faces share: network (trusting the CAs Go trusts, with GOAUTH's
 * credentials), clock, the local verdict cache. Throws InputError for a GOAUTH that cannot work.
 */
async function createEffects(plan, env, log, secrets) {
    const auth = await startGoauth(plan, env, log, secrets.addSecret);
    const http = httpOnFirstRequest({ trust: () => readTrust(env), godebug: env[constants/* GODEBUG */.Kl] });
    const store = plan.cache.enabled
        ? secretFreeWrites(createLocalStore(plan.cache.dir, (0,logger/* withFields */.qO)(log, { action: 'cache.local' })), secrets.mask, log)
        : undefined;
    const get = auth ? withGoAuth(http.get, auth) : http.get;
    const credentialsOf = (url) => (auth ? auth.describe(url) : 'none');
    return {
        effects: { http: get, clock: clock/* systemClock */.m, log, store, credentialsOf, tempDir: env.RUNNER_TEMP },
        close: http.close
    };
}
/**
 * A store that writes no entry holding a known secret: a server may quote a request's credentials
 * back in the error answer a reason quotes. Masked, such an entry could mislead a later run (a
 * short password masks pieces of module paths in the graph it caches), so it is not written: the
 * next run asks again.
 */
function secretFreeWrites(store, mask, log) {
    return {
        read: (key, isPayload) => store.read(key, isPayload),
        keys: () => store.keys(),
        dir: store.dir,
        write: async (key, payload, now) => {
            const text = JSON.stringify(payload);
            if (JSON.stringify((0,logger/* maskValues */.Z$)(payload, mask)) === text)
                return store.write(key, payload, now);
            log.debug(`cache: entry ${key.slice(0, 12)} not written: it would hold a secret`, {
                action: 'cache.local'
            });
        }
    };
}
/**
 * The network stack (http, https, tls, zlib, the proxy agents) is loaded by the first request,
 * not with the effects: a run answered from the verdict cache sends none. The request's clock
 * starts inside the real getter, so loading it never counts as the server's time. The imports
 * are `eager`: the code stays in the bundle that holds this file (the CLI ships as one file) and
 * only runs, loading those Node modules, when imported.
 */
function httpOnFirstRequest(options) {
    let getter;
    let closed = false;
    let loading;
    const load = () => (loading ??= Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 6046)).then(({ createHttpGetter }) => {
        getter = createHttpGetter(options);
        // Closed while loading: no connection is kept alive past the run.
        if (closed)
            getter.close();
        return getter;
    }));
    return {
        get: async (request) => (await load()).get(request),
        close: () => {
            closed = true;
            getter?.close();
        }
    };
}
/** The CAs to trust, read before the first https request; its module (tls, X.509) loaded then. */
async function readTrust(env) {
    const { trustedCertificates } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 7850));
    return trustedCertificates(env, process.platform, promises_);
}
/** GOAUTH from the job's environment (default netrc); undefined for `off`. */
async function startGoauth(plan, env, log, onSecret) {
    const value = env[constants/* GOAUTH */.H9] ?? '';
    const methods = (0,errors/* forInput */.c)(constants/* GOAUTH */.H9, value, () => (0,goauth/* parseGoauth */._Y)(value, (0,filepath/* pathStyleOf */.yJ)(process.platform)));
    if (methods.length === 0)
        return undefined;
    try {
        return await GoAuth.start(methods, {
            // A credential program gets as long as one request may take.
            run: createCommandRunner(env, plan.timeoutMs),
            readNetrc: () => readNetrc(env),
            directoryProblem: directoryProblem,
            onSecret,
            log: (0,logger/* withFields */.qO)(log, { action: 'goauth' })
        });
    }
    catch (err) {
        if (err instanceof GoauthValueError)
            throw new errors/* InputError */.d(constants/* GOAUTH */.H9, value, err.reason);
        throw err;
    }
}

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
        staging: createLocalStore(o.stagingDir, o.log),
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
        o.log.warning(`actions cache: restore failed, going on without it: ${(0,logger/* messageOf */.bD)(err)}`);
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
            return notSaved(o.log, key, (0,logger/* messageOf */.bD)(err));
        o.log.warning(`actions cache: save failed, going on without it: ${(0,logger/* messageOf */.bD)(err)}`);
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
    const { effects, close } = await createEffects(plan, env, log, log);
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
        log: (0,logger/* withFields */.qO)(log, { action: 'cache.sync' })
    });
}

;// CONCATENATED MODULE: ./src/action/report-log.ts


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
    core.setOutput(constants/* Outputs */.tY.Gosumdb, (0,mask/* maskCredentials */.Bs)(result.sumdb.gosumdb));
    core.setOutput(constants/* Outputs */.tY.Goprivate, plan.patterns.goprivate);
    core.setOutput(constants/* Outputs */.tY.Gonoproxy, plan.patterns.gonoproxy);
    core.setOutput(constants/* Outputs */.tY.Gonosumdb, plan.patterns.gonosumdb);
    core.setOutput(constants/* Outputs */.tY.Healthy, String(exported.healthy));
    core.setOutput(constants/* Outputs */.tY.Selected, exported.selected ?? '');
    core.setOutput(constants/* Outputs */.tY.FallbackUsed, String(exported.fallbackUsed));
    core.setOutput(constants/* Outputs */.tY.CacheHit, String(exported.cacheHit));
    core.setOutput(constants/* Outputs */.tY.Report, reportPath);
    core.setOutput(constants/* Outputs */.tY.Verdicts, JSON.stringify((0,gate/* verdictsByCandidate */.NF)(result.reports)));
    core.setOutput(constants/* Outputs */.tY.ModulesChecked, String((0,walk_result/* walkedModules */.A)(result.build).length));
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

;// CONCATENATED MODULE: ./src/action/probe-and-report.ts















/**
 * The run once every input is known to be good: probe, then report and export. Throws what
 * fails the step; the caller reports it.
 */
async function probeAndReport(plan, settings, env, log) {
    // The engine loads while the effects start (GOAUTH, the Actions cache's restore).
    const [deps, { validate }] = await Promise.all([
        createActionEffects(plan, env, log),
        __webpack_require__.e(/* import() */ 292).then(__webpack_require__.bind(__webpack_require__, 2292))
    ]);
    try {
        const probing = plan.candidates.filter(c => (0,proxylist/* isProxyEntry */.l_)(c.entry)).length;
        log.info(`probing ${probing} candidate${probing === 1 ? '' : 's'} (checks: ${plan.checks})…`, {
            action: 'start'
        });
        const onProbed = (report) => logProbed(report, log);
        const result = await validate(plan, { ...deps.effects, onProbed });
        logReports(result, log);
        annotateBuild(result, log, env.GITHUB_WORKSPACE || process.cwd());
        // A server may quote a request's credentials back: the files written are masked too.
        await writeReport(settings.reportPath, result, env, log);
        publish(result, settings.exportEnv, settings.reportPath);
        // Outside a runner there is no summary file; the log and the report still say everything.
        if (settings.summary && env.GITHUB_STEP_SUMMARY) {
            await core.summary.addRaw(log.mask(summaryMarkdown(result, plan.profile))).write();
        }
        await deps.saveCache();
        finish(result, log);
    }
    finally {
        deps.close();
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
async function writeReport(file, result, env, secrets) {
    const { plan } = result;
    const context = {
        runId: env.GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        job: env.GITHUB_JOB,
        workflow: env.GITHUB_WORKFLOW,
        repository: env.GITHUB_REPOSITORY,
        runnerOs: env.RUNNER_OS,
        profile: plan.profile,
        matrix: (0,ecs/* matrixOf */.lQ)(env)
    };
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    const report = (0,logger/* maskValues */.Z$)(jsonReport(result, context), secrets.mask);
    await (0,promises_.writeFile)(file, JSON.stringify(report, null, 2) + '\n');
}


/***/ }),

/***/ 7018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SO: () => (/* binding */ discoverGoSums),
  Vv: () => (/* binding */ sumFileOf),
  GY: () => (/* binding */ withoutGoSum)
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
// EXTERNAL MODULE: ./src/build/gowork.ts
var gowork = __webpack_require__(3265);
// EXTERNAL MODULE: ./src/config/glob.ts
var config_glob = __webpack_require__(3334);
// EXTERNAL MODULE: ./src/build/walk.ts
var walk = __webpack_require__(8419);
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
    const present = await Promise.all(nextTo.map(walk/* isFile */.fo));
    return { goSumFiles, toolchainFiles: nextTo.filter((_, i) => present[i]) };
}
async function listedFile(path, workingDirectory) {
    const file = (0,external_node_path_.resolve)(workingDirectory, path);
    if (await (0,walk/* isFile */.fo)(file))
        return file;
    const reason = (await (0,walk/* isDirectory */.wd)(file))
        ? 'is a directory, not a go.sum file'
        : `does not exist (a relative path starts at working-directory ${workingDirectory})`;
    throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, path, reason);
}
async function matchingFiles(glob, workingDirectory) {
    let files;
    try {
        files = await (0,walk/* walkFiles */.Fv)(workingDirectory, {
            descend: dir => (0,config_glob/* globMayMatchUnder */.nn)(glob, dir),
            accept: file => (0,config_glob/* globMatches */.mw)(glob, file)
        });
    }
    catch (err) {
        if (!(err instanceof walk/* WalkLimitError */.Jf))
            throw err;
        const reason = `makes the search of ${workingDirectory} visit more than ${walk/* MAX_WALK_ENTRIES */.MH} files and directories: start it with the directories to search (e.g. services/*/go.sum)`;
        throw new errors/* InputError */.d(constants/* Inputs */.G0.GoSum, glob.pattern, reason);
    }
    if (files.length === 0) {
        const skipped = [...walk/* SKIPPED_DIRECTORIES */.j8].join(', ');
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

// EXTERNAL MODULE: ./src/goenv/goflags.ts
var goenv_goflags = __webpack_require__(5360);
// EXTERNAL MODULE: ./src/build/vendor.ts
var vendor = __webpack_require__(1516);
;// CONCATENATED MODULE: ./src/build/discover.ts
// Finds the go.sum files of the build, and the files whose `go`/`toolchain` lines pick its
// toolchain: the module or workspace of the working directory as the go command finds it
// (cmd/go/internal/modload init.go: FindGoWork, findWorkspaceFile, findModuleRoot), or the files
// `go-sum` lists. A build the go command makes from vendor/ downloads no module: its go.sum files
// are set aside, not read (see vendor.ts).










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
    if (!(await (0,walk/* isDirectory */.wd)(workingDirectory))) {
        throw new errors/* InputError */.d(constants/* Inputs */.G0.WorkingDirectory, workingDirectory, 'is not a directory');
    }
    if (goSum.kind === 'none')
        return nothing();
    if (goSum.kind === 'listed') {
        // Go runs in workspace mode there all the same: what the build fetches follows from it.
        const workspace = await findWorkspace(workingDirectory, options.env).catch(() => undefined);
        const listed = await expandListed(goSum.items, workingDirectory);
        if (workspace === undefined)
            return setAsideVendoredModules(listed, options.env.GOFLAGS);
        const root = { dir: (0,external_node_path_.dirname)(workspace), file: workspace, workspace: true };
        return setAsideIfVendored({ ...listed, workspace, found: true }, root, options.env.GOFLAGS);
    }
    const workspace = await findWorkspace(workingDirectory, options.env);
    if (workspace !== undefined) {
        const flag = (0,goenv_goflags/* modfileFlag */.p)(options.env.GOFLAGS);
        if (flag !== undefined) {
            throw autoError(`GOFLAGS sets -modfile=${flag}, which the go command refuses in the workspace ${workspace} ("-modfile cannot be used in workspace mode")`);
        }
        const root = { dir: (0,external_node_path_.dirname)(workspace), file: workspace, workspace: true };
        return setAsideIfVendored(await readWorkspace(workspace), root, options.env.GOFLAGS);
    }
    const goMod = await findUp(workingDirectory, 'go.mod');
    // golang.org/issue/26708: a go.mod left in the temporary directory is not a module root.
    if (goMod === undefined || (0,external_node_path_.dirname)(goMod) === (0,external_node_path_.resolve)(options.tempDir ?? (0,external_node_os_.tmpdir)())) {
        const flag = (0,goenv_goflags/* modfileFlag */.p)(options.env.GOFLAGS);
        if (flag === undefined)
            return nothing();
        throw autoError(`GOFLAGS sets -modfile=${flag}, but there is no go.mod (the go command fails: "cannot find main module, but -modfile was set")`);
    }
    return moduleBuild(goMod, workingDirectory, options.env.GOFLAGS);
}
/**
 * The module whose root holds `goMod`. With GOFLAGS -modfile (relative to the working directory)
 * the go command reads that file instead for the build (requirements, go line) and the go.sum
 * beside it (`x.mod` → `x.sum`); the toolchain it switches to, vendor/ and replacement
 * directories still come from go.mod and the module root (toolchain/select.go reads go.mod).
 */
async function moduleBuild(goMod, workingDirectory, goflags) {
    const flag = (0,goenv_goflags/* modfileFlag */.p)(goflags);
    if (flag !== undefined && !flag.endsWith('.mod')) {
        throw autoError(`GOFLAGS sets -modfile=${flag}: file does not have .mod extension (go fails too)`);
    }
    const modFile = flag === undefined ? goMod : (0,external_node_path_.resolve)(workingDirectory, flag);
    const goSumFile = sumFileOf(modFile);
    const present = await (0,walk/* isFile */.fo)(goSumFile);
    const build = {
        goSumFiles: present ? [goSumFile] : [],
        toolchainFiles: [goMod],
        found: true,
        ...(!present && { missingGoSum: goSumFile }),
        ...(flag !== undefined && { modFile: { path: modFile, moduleRoot: (0,external_node_path_.dirname)(goMod) } })
    };
    const root = { dir: (0,external_node_path_.dirname)(goMod), file: modFile, workspace: false };
    return setAsideIfVendored(build, root, goflags);
}
/** The go.sum of a module file: `go.mod` → `go.sum`, `x.mod` → `x.sum`. */
function sumFileOf(modFile) {
    return `${modFile.slice(0, -'.mod'.length)}.sum`;
}
/** The module file whose go.sum is missing, and that go.sum; undefined when none is. */
function withoutGoSum(found) {
    const goSum = found.missingGoSum;
    if (goSum === undefined)
        return undefined;
    return { goMod: found.modFile?.path ?? (0,external_node_path_.join)((0,external_node_path_.dirname)(goSum), 'go.mod'), goSum };
}
/** The module's or workspace's build, its go.sum files set aside when Go builds it from vendor/. */
async function setAsideIfVendored(build, root, goflags) {
    const mode = await (0,vendor/* vendorModeOf */.Fe)(root, goflags);
    if (mode === undefined)
        return build;
    const { missingGoSum: _none, ...modules } = build;
    return { ...modules, goSumFiles: [], vendored: [{ ...mode, goSumFiles: build.goSumFiles }] };
}
/**
 * Listed go.sum files outside a workspace: each is its module's (the go.mod beside it), and is
 * set aside when Go builds that module from vendor/.
 */
async function setAsideVendoredModules(listed, goflags) {
    const goSumFiles = [];
    const vendored = [];
    for (const file of listed.goSumFiles) {
        const root = {
            dir: (0,external_node_path_.dirname)(file),
            file: (0,external_node_path_.join)((0,external_node_path_.dirname)(file), 'go.mod'),
            workspace: false
        };
        const mode = (0,external_node_path_.basename)(file) === 'go.sum' && (await (0,walk/* isFile */.fo)(root.file))
            ? await (0,vendor/* vendorModeOf */.Fe)(root, goflags)
            : undefined;
        if (mode === undefined)
            goSumFiles.push(file);
        else
            vendored.push({ ...mode, goSumFiles: [file] });
    }
    return { ...listed, goSumFiles, found: true, ...(vendored.length > 0 && { vendored }) };
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
        uses = (0,gowork/* parseUseDirectives */.n)(text);
    }
    catch (err) {
        throw autoError(`cannot read the workspace ${goWork}: ${err.message}`);
    }
    const goSumFiles = [];
    for (const dir of new Set(uses.map(use => (0,external_node_path_.resolve)((0,external_node_path_.dirname)(goWork), use)))) {
        if (!(await (0,walk/* isFile */.fo)((0,external_node_path_.join)(dir, 'go.mod')))) {
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
        if (await (0,walk/* isFile */.fo)(candidate))
            return candidate;
        if ((0,external_node_path_.dirname)(current) === current)
            return undefined;
    }
}
async function existing(files) {
    const present = await Promise.all(files.map(walk/* isFile */.fo));
    return files.filter((_, i) => present[i]);
}


/***/ }),

/***/ 3265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ parseUseDirectives)
/* harmony export */ });
/* harmony import */ var _modfile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1410);
// The `use` directives of a go.work file.

/**
 * The directories a go.work uses, as written (relative to the go.work's directory unless
 * absolute), in file order: `use ./a` and the lines of `use ( … )` blocks. Other directives
 * and their blocks are skipped. Throws GoEnvError on a string that does not end on its line.
 */
function parseUseDirectives(text) {
    return (0,_modfile_js__WEBPACK_IMPORTED_MODULE_0__/* .statements */ .F)(text, 'go.work').flatMap(s => s.verb === 'use' && s.args[0] ? [s.args[0]] : []);
}


/***/ }),

/***/ 1410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ statements)
/* harmony export */ });
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
// The statements of a go.mod or go.work file, read with the lexical rules of
// golang.org/x/mod/modfile (read.go): `//` comments, `verb (` … `)` blocks, identifiers or
// double-quoted Go strings. Only the shape is read; what a verb means is up to the caller.

// Identifiers run until white space, a comment or one of modfile's punctuation characters.
// A string without its closing quote runs to the end of the line, to be refused whole.
const TOKEN = /\s+|\/\/.*|[()[\]{},]|"(?:[^"\\]|\\.)*"?|`[^`]*`|(?:[^\s()[\]{},/"`]|\/(?!\/))+|./gy;
// modfile's lexer skips only spaces, tabs and CRs; any other character that is not printable
// (unicode.IsPrint), and a /* comment, stop it.
const NOT_LEXED = /[^ \t\r\P{C}]|[^ \P{Z}]|\/\*/u;
// The tokens of one line: comments dropped, quoted strings unquoted.
function tokenize(line, where) {
    const tokens = [];
    for (const [text] of line.matchAll(TOKEN)) {
        if (text.startsWith('//'))
            continue;
        const quoted = text.startsWith('"') || text.startsWith('`');
        const bad = quoted ? undefined : NOT_LEXED.exec(text)?.[0];
        if (bad === '/*')
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`${where}: mod files must use // comments (not /* */ comments)`);
        if (bad !== undefined)
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`${where}: unexpected input character ${JSON.stringify(bad)}`);
        if (/^\s/.test(text))
            continue;
        if (text === '(')
            tokens.push({ kind: 'open' });
        else if (text === ')')
            tokens.push({ kind: 'close' });
        else if (text.startsWith('"'))
            tokens.push({ kind: 'word', text: unquote(text, where) });
        // A raw string: its text as written.
        else if (text.length > 1 && text.startsWith('`'))
            tokens.push({ kind: 'word', text: text.slice(1, -1) });
        else
            tokens.push({ kind: 'word', text });
    }
    return tokens;
}
// A Go string literal; JSON's escapes are the ones a path needs (`go work use` writes strconv.Quote).
function unquote(text, where) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`${where}: cannot read the string ${text}`);
    }
}
const words = (tokens) => tokens.flatMap(t => (t.kind === 'word' ? [t.text] : []));
/**
 * Every statement, in file order: `verb args…` lines, and the lines of `verb ( … )` blocks, each
 * with the block's verb. Throws GoEnvError, naming `file` and the line, on a string that does not
 * end on its line.
 */
function statements(text, file) {
    const found = [];
    let block;
    for (const [index, content] of text.split('\n').entries()) {
        const line = index + 1;
        const tokens = tokenize(content, `${file}:${line}`);
        const [first, second] = tokens;
        if (first === undefined)
            continue;
        if (block !== undefined) {
            if (first.kind === 'close')
                block = undefined;
            else
                found.push({ verb: block, args: words(tokens), line });
            continue;
        }
        if (first.kind !== 'word')
            continue;
        if (second?.kind === 'open')
            block = first.text;
        else
            found.push({ verb: first.text, args: words(tokens.slice(1)), line });
    }
    return found;
}


/***/ }),

/***/ 4322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ replaced),
/* harmony export */   Bp: () => (/* binding */ canonicalVersion),
/* harmony export */   Cx: () => (/* binding */ zipsFetched),
/* harmony export */   I7: () => (/* binding */ summarizeGoMod),
/* harmony export */   Ln: () => (/* binding */ requirements),
/* harmony export */   Mf: () => (/* binding */ prunes),
/* harmony export */   ZE: () => (/* binding */ withGoMod),
/* harmony export */   _f: () => (/* binding */ replacementDirectories),
/* harmony export */   qo: () => (/* binding */ replacements),
/* harmony export */   sh: () => (/* binding */ modGraphOf)
/* harmony export */ });
/* harmony import */ var _gostd_gover_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8972);
/* harmony import */ var _xmod_semver_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1090);
/* harmony import */ var _modfile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1410);
// What of a module's go.sum its build fetches, as `go mod download` without arguments fetches it
// (cmd/go/internal/modcmd/download.go, modload/buildlist.go readModGraph). From a go.mod at
// go 1.17 or later (a pruned module graph): the zips of the modules its `require` lines name,
// and the go.mod files of the graph Go loads — each required module's, and below any module whose
// own go.mod is older than 1.17, every requirement's, transitively — each as the main module's
// `replace` lines replace it. go.sum also keeps hashes that only `go mod tidy` or `go test all`
// need; a build never fetches those. From an older go.mod, the go.mod of every module the graph
// reaches, and the zip of every module of the build list; without a go line, the same graph but
// fewer zips (see ModGraph.noGoLine).



/** The first Go whose go.mod lists every module that provides a package (gover.ExplicitIndirectVersion). */
const PRUNING_GO = '1.17';
function prunes(found) {
    const go = found.find(s => s.verb === 'go')?.args[0];
    return go !== undefined && (0,_gostd_gover_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidGo */ .pz)(go) && (0,_gostd_gover_js__WEBPACK_IMPORTED_MODULE_0__/* .compareGo */ .Ac)(go, PRUNING_GO) >= 0;
}
/** module.CanonicalVersion: `v1.2` is v1.2.0, build metadata dropped but `+incompatible`. */
function canonicalVersion(version) {
    const v = (0,_xmod_semver_js__WEBPACK_IMPORTED_MODULE_1__/* .canonical */ .$N)(version);
    if (v === '')
        return undefined;
    return (0,_xmod_semver_js__WEBPACK_IMPORTED_MODULE_1__/* .build */ .jq)(version) === '+incompatible' ? `${v}+incompatible` : v;
}
class NotAVersion extends Error {
}
/** The `verb` lines, as modfile reads them (versions made canonical); throws NotAVersion. */
function requirements(found, verb = 'require') {
    return found.flatMap(({ verb: v, args: [path, raw] }) => {
        if (v !== verb || path === undefined || raw === undefined)
            return [];
        const version = canonicalVersion(raw);
        if (version === undefined)
            throw new NotAVersion(raw);
        return [{ path, version }];
    });
}
/**
 * The `replace` lines, keyed `path@version` or `path`. Versions are made canonical as for require
 * lines (`v1.2` is v1.2.0, as Go reads go.work; `go mod edit -replace` writes such lines), so a
 * replacement matches the versions the graph holds.
 */
function replacements(found) {
    const replaced = new Map();
    const canonicalOr = (v) => canonicalVersion(v) ?? v;
    for (const { args } of found.filter(s => s.verb === 'replace')) {
        const arrow = args.indexOf('=>');
        if (arrow < 1)
            continue;
        const [path, version] = args.slice(0, arrow);
        const [target, targetVersion] = args.slice(arrow + 1);
        if (target === undefined)
            continue;
        // `P => ../dir` has no version on the right: a directory, as modfile reads it.
        const to = targetVersion === undefined
            ? { directory: target }
            : { path: target, version: canonicalOr(targetVersion) };
        replaced.set(version === undefined ? path : `${path}@${canonicalOr(version)}`, to);
    }
    return replaced;
}
/** The module Go fetches for `m`: its replacement when the main module replaces it. */
function replaced(m, by) {
    return by.get(`${m.path}@${m.version}`) ?? by.get(m.path) ?? m;
}
/**
 * The zips a build of this go.mod fetches: those of the versions selected for the paths its
 * `require` lines name, as replaced; undefined when it fetches every module of the build list (a
 * go.mod before go 1.17, or without a go line). `file` names the go.mod in errors (a string that
 * does not end on its line).
 */
function zipsFetched(goMod, file) {
    const found = (0,_modfile_js__WEBPACK_IMPORTED_MODULE_2__/* .statements */ .F)(goMod, file);
    if (!prunes(found))
        return undefined;
    const by = replacements(found);
    const fetched = { keys: new Set(), paths: new Set() };
    for (const m of requirements(found)) {
        const to = replaced(m, by);
        if ('path' in to) {
            fetched.keys.add(`${to.path}@${to.version}`);
            fetched.paths.add(to.path);
        }
        // A replacement of one version misses when Go selects another: then the module itself.
        if (by.has(`${m.path}@${m.version}`))
            fetched.paths.add(m.path);
    }
    return fetched;
}
/** The directories this go.mod's `replace` lines name (relative to it unless absolute). */
function replacementDirectories(goMod, file) {
    return [...replacements((0,_modfile_js__WEBPACK_IMPORTED_MODULE_2__/* .statements */ .F)(goMod, file)).values()].flatMap(to => 'directory' in to ? [to.directory] : []);
}
/**
 * The module graph this go.mod loads, when it can be followed from the files the proxies serve
 * and the go.mod files of its replacement directories (`onDisk`, by directory as written):
 * undefined when go.mod requires a version it excludes (the go command then fails or, before
 * Go 1.16, loads another version).
 */
function modGraphOf(goMod, file, onDisk = new Map()) {
    const found = (0,_modfile_js__WEBPACK_IMPORTED_MODULE_2__/* .statements */ .F)(goMod, file);
    const replacementsByKey = new Map();
    for (const [key, to] of replacements(found))
        replacementsByKey.set(key, withGoMod(to, onDisk));
    try {
        const roots = requirements(found);
        const excluded = new Set(requirements(found, 'exclude').map(m => `${m.path}@${m.version}`));
        if (roots.some(m => excluded.has(`${m.path}@${m.version}`)))
            return undefined;
        const main = found.find(s => s.verb === 'module')?.args[0];
        const graph = {
            main,
            unpruned: !prunes(found),
            roots,
            replacements: replacementsByKey,
            excluded
        };
        if (!found.some(s => s.verb === 'go'))
            graph.noGoLine = true;
        return graph;
    }
    catch (err) {
        if (err instanceof NotAVersion)
            return undefined;
        throw err;
    }
}
/**
 * A replacement as the graph uses it: a directory with its go.mod from `onDisk`, if there. It is
 * read only if the graph reaches it: a replacement nothing requires may name no directory at all
 * (etcd's `=> ./FORBIDDEN_DEPENDENCY`).
 */
function withGoMod(to, onDisk) {
    if ('path' in to)
        return to;
    const text = onDisk.get(to.directory);
    const goMod = text === undefined ? undefined : summarizeGoMod(text);
    return { directory: to.directory, ...(goMod && { goMod }) };
}
/** A served go.mod's part in the graph; undefined when it cannot be read (nor a version in it). */
function summarizeGoMod(text) {
    try {
        const found = (0,_modfile_js__WEBPACK_IMPORTED_MODULE_2__/* .statements */ .F)(text, 'go.mod');
        return {
            pruned: prunes(found),
            requires: requirements(found).map(m => `${m.path}@${m.version}`)
        };
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fe: () => (/* binding */ vendorModeOf),
/* harmony export */   Tq: () => (/* binding */ vendoredSentence)
/* harmony export */ });
/* unused harmony export modFlag */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _gostd_gover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8972);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1817);
/* harmony import */ var _goenv_goflags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5360);
/* harmony import */ var _modfile_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1410);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8419);
// Whether the go command builds from vendor/, and so downloads no module, as cmd/go/internal/modload
// (init.go: setDefaultBuildMod, modulesTextIsForWorkspace) decides it for `go build` and `go test`:
// an explicit -mod from GOFLAGS (base/goflags.go) wins; else a vendor directory beside the go.mod
// (in a workspace, beside the go.work) whose modules.txt was written in the same mode, under a
// `go` line of 1.14 or later. `go mod download` takes no -mod flag and fetches every module anyway.







// The first Go whose go command builds from vendor/ by default.
const AUTO_VENDOR_GO = '1.14';
/**
 * The vendor directory the go command builds `root` from, with `goflags` the job's GOFLAGS;
 * undefined when it fetches modules (also where Go refuses to run: GOFLAGS it cannot split, a
 * modules.txt it cannot read, a go.mod it cannot parse, so the walk stays as it was).
 */
async function vendorModeOf(root, goflags) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root.dir, 'vendor');
    const flag = modFlag(goflags);
    if (flag === 'vendor') {
        return { dir, reason: 'GOFLAGS sets -mod=vendor', missing: !(await (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .isDirectory */ .wd)(dir)) };
    }
    if (flag !== undefined || !(await (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .isDirectory */ .wd)(dir)))
        return undefined;
    const go = await goLine(root.file);
    if (go === undefined || go === '' || (0,_gostd_gover_js__WEBPACK_IMPORTED_MODULE_2__/* .compareGo */ .Ac)(go, AUTO_VENDOR_GO) < 0)
        return undefined;
    // A vendor directory written in the other mode (`go mod vendor` vs `go work vendor`) is unused.
    if ((await modulesTextIsForWorkspace(dir)) !== root.workspace)
        return undefined;
    return { dir, reason: `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(root.file)} says go ${go}`, missing: false };
}
/**
 * The -mod GOFLAGS sets: each word a flag, `-mod=x` or `--mod=x`, the last one winning; undefined
 * when none sets a value (an empty value sets nothing, as Go's explicitStringFlag records it), and
 * '' when the last is empty after one that set a value (Go then leaves the mode unset: no vendor).
 */
function modFlag(goflags) {
    let value;
    for (const set of (0,_goenv_goflags_js__WEBPACK_IMPORTED_MODULE_4__/* .goFlagValues */ .R)(goflags, 'mod')) {
        if (set !== '' || value !== undefined)
            value = set;
    }
    return value;
}
/** The `go` line's version ('' when there is none); undefined when the file cannot be read. */
async function goLine(file) {
    try {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        return (0,_modfile_js__WEBPACK_IMPORTED_MODULE_5__/* .statements */ .F)(text, file).find(s => s.verb === 'go')?.args[0] ?? '';
    }
    catch {
        return undefined;
    }
}
/**
 * Whether vendor/modules.txt was written by `go work vendor`: its first line (of the first 512
 * bytes) is a `## ` annotation list naming `workspace`. A missing modules.txt is a module's.
 */
async function modulesTextIsForWorkspace(dir) {
    let head;
    try {
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'modules.txt'));
        try {
            const buffer = Buffer.alloc(512);
            const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
            head = buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await file.close();
        }
    }
    catch (err) {
        return err.code === 'ENOENT' ? false : undefined;
    }
    const line = head.split('\n', 1)[0];
    if (!line.startsWith('## '))
        return false;
    return line
        .slice(3)
        .split(';')
        .some(entry => (0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_3__/* .trimSpace */ .Pd)(entry) === 'workspace');
}
/** One sentence on the builds made from vendor/ whose go.sum files were not walked; '' when none. */
function vendoredSentence(vendored) {
    return (vendored ?? []).map(vendoredLine).join(' ');
}
function vendoredLine(v) {
    const sums = v.goSumFiles.length;
    const notWalked = sums === 0
        ? 'there is no go.sum to walk'
        : `${sums === 1 ? 'its go.sum was' : `its ${sums} go.sum files were`} not walked`;
    if (v.missing) {
        return `Vendored build (${v.reason}), but ${v.dir} does not exist: \`go build\` and \`go test\` download no module and fail ("inconsistent vendoring") if go.mod requires any; ${notWalked}.`;
    }
    return `Vendored build (${v.reason}): \`go build\` and \`go test\` build from ${v.dir} and download no module, so ${notWalked} (\`go mod download\` would still fetch every module).`;
}


/***/ }),

/***/ 8419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ walkFiles),
/* harmony export */   Jf: () => (/* binding */ WalkLimitError),
/* harmony export */   MH: () => (/* binding */ MAX_WALK_ENTRIES),
/* harmony export */   fo: () => (/* binding */ isFile),
/* harmony export */   j8: () => (/* binding */ SKIPPED_DIRECTORIES),
/* harmony export */   wd: () => (/* binding */ isDirectory)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


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
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
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
        for (const entry of await entriesOf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, relativeDir))) {
            if (++seen > max)
                throw new WalkLimitError(`more than ${max} files and directories`);
            const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name) && options.descend(relative))
                    await visit(relative);
            }
            else if (options.accept(relative) && (await isFileEntry(entry, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, relative)))) {
                found.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, relative));
            }
        }
    };
    await visit('');
    return found;
}
async function isFile(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).then(s => s.isFile(), () => false);
}
async function isDirectory(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).then(s => s.isDirectory(), () => false);
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
const ENTRY_SCHEMA = 'validate-goproxy/cache@3';
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
/* harmony export */   k: () => (/* binding */ cacheKey),
/* harmony export */   t: () => (/* binding */ userinfoOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);
// Verdict cache keys: a hash of what a verdict depends on, never of a credential.


const KEY_SCHEME = 'validate-goproxy/key@2';
/**
 * SHA-256 hex of a canonical JSON of the parts. User information is stripped from the URLs first
 * (the candidate's and GOSUMDB's), so that no key can be used to confirm a guessed password; that
 * the candidate's URL has some is kept, as a verdict won with credentials is not one without.
 */
function cacheKey(parts) {
    const canonical = JSON.stringify({
        scheme: KEY_SCHEME,
        url: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .stripCredentials */ .PH)(parts.url),
        userinfo: userinfoOf(parts.url),
        checks: parts.checks,
        modules: [...new Set(parts.modules)].sort(),
        gosumdb: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .gosumdbWithoutCredentials */ .qR)(parts.gosumdb),
        extra: parts.extra ?? null,
        credentials: parts.credentials ?? null
    });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex');
}
/**
 * Whether the URL carries user information, never what: `none`, `empty` (`https://:@host`, as a
 * secret that is not set leaves it, which Go sends as an empty Basic auth) or `set`.
 */
function userinfoOf(url) {
    const user = (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsOf */ .YN)(url);
    if (user === undefined)
        return 'none';
    return user.username === '' && user.password === '' ? 'empty' : 'set';
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
/* harmony import */ var _goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1550);
/* harmony import */ var _goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2057);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8962);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2439);






/** The whole shape: a damaged entry is a miss, and the next run that checks replaces it. */
const isRemembered = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
    gosumdb: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj,
    reason: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj,
    route: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj),
    mirrorUsed: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM
});
/**
 * The GOSUMDB decision is cached beside the verdicts: a run whose verdicts all come from the cache
 * proves no content and asks no route, so it must reuse the decision of the run that did — or it
 * would export a database URL that run found down instead of the sumdb mirror it chose.
 */
async function recallSumdb(store, plan, now, credentialsOf) {
    const key = sumdbKey(plan, credentialsOf);
    const entry = key === undefined ? undefined : await store.read(key, isRemembered);
    const ageMs = entry && (0,_entry_js__WEBPACK_IMPORTED_MODULE_4__/* .ageOf */ .hy)(entry, now);
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
async function rememberSumdb(store, plan, outcome, now, credentialsOf) {
    const key = sumdbKey(plan, credentialsOf);
    if (!outcome.ok || !key)
        return;
    const { reason, route, mirrorUsed } = outcome;
    const gosumdb = (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .gosumdbWithoutCredentials */ .qR)(outcome.gosumdb);
    await store.write(key, { gosumdb, reason, route, mirrorUsed }, now);
}
/** The plan's spelling, credentials included, of a stored GOSUMDB: its own or a sumdb mirror's. */
function withCredentials(plan, stored) {
    const key = plan.gosumdb.kind === 'db' ? plan.gosumdb.verifierKey : undefined;
    const mirrors = key ? plan.sumdbMirrors.map(url => `${key} ${url}`) : [];
    return [plan.gosumdb.raw, ...mirrors].find(spelling => (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .gosumdbWithoutCredentials */ .qR)(spelling) === stored);
}
/**
 * Keyed, as verdicts are, by which credentials every route's requests carry (the candidates', the
 * database's own host and the sumdb mirrors'): a decision made with credentials is not one for a
 * run without them. undefined (neither recalled nor kept) when some are unknown before a request.
 */
function sumdbKey(plan, credentialsOf = () => 'none') {
    const db = plan.gosumdb.kind === 'db' ? [plan.gosumdb.url ?? (0,_goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_2__/* .directUrl */ .lU)(plan.gosumdb)] : [];
    const urls = [...plan.candidates.map(c => (0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_3__/* .entryText */ .u0)(c.entry)), ...db, ...plan.sumdbMirrors];
    const described = urls.map(credentialsOf);
    if (described.includes(undefined))
        return undefined;
    // Whether each URL has user info, and which GOAUTH credentials it gets; never their values.
    const credentials = urls.map((url, i) => `${(0,_key_js__WEBPACK_IMPORTED_MODULE_1__/* .userinfoOf */ .t)(url)}:${described[i]}`);
    return (0,_key_js__WEBPACK_IMPORTED_MODULE_1__/* .cacheKey */ .k)({
        url: 'gosumdb',
        checks: plan.checks,
        modules: plan.modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw,
        extra: [...urls.map(_credentials_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .stripCredentials */ .PH), plan.network].join(' '),
        credentials: credentials.join(' ')
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
/* harmony import */ var _credentials_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5725);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8962);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2439);
/* harmony import */ var _probe_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2367);







function verdictCache(store, plan, { scope, clock, credentialsOf }) {
    const key = (candidate, modules) => {
        const credentials = credentialsOf ? credentialsOf((0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .entryText */ .u0)(candidate.entry)) : 'none';
        return credentials === undefined
            ? undefined
            : verdictKey(plan, candidate, modules, scope, credentials);
    };
    return {
        recall: async (candidate, modules) => {
            const at = key(candidate, modules);
            return at === undefined ? {} : lookupVerdict(store, plan, candidate, at, clock.now());
        },
        keep: async (fresh, modules) => {
            const now = clock.now();
            await Promise.all(fresh.map(f => {
                const at = key(f.report.candidate, modules);
                return at && storeVerdict(store, at, f.report, f.breaker, now);
            }));
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
    const ageMs = entry && (0,_entry_js__WEBPACK_IMPORTED_MODULE_4__/* .ageOf */ .hy)(entry, now);
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
 * What a verdict depends on besides the candidate: the other candidates and how they are chained
 * (staleness and the build walk judge one against the others), the sumdb mirrors (one that
 * passes takes Go past a proxy's failing /sumdb/), the modules actually asked (GONOPROXY removes
 * some), the timeout and retries (slow, degraded), the private patterns, the go.sum lines it was
 * checked against, the toolchains fetched (a chain is chosen to serve them: they follow
 * GOTOOLCHAIN and the platform), and the trust, forward proxy and GODEBUG of the job.
 */
function verdictScope(plan, build) {
    // The lines' content only, not where the files are: every leg of a matrix shares the verdicts.
    // With what go.mod makes of them: which zips a build fetches, and the graph it loads.
    const zipMark = (fetched) => fetched === false ? '-' : fetched === 'when-selected' ? '?' : '';
    const lines = build.modules.map(m => [m.path, m.version, m.modHash ?? '', m.zipHash ?? '', zipMark(m.zipFetched)].join(' '));
    const graphs = (build.modGraphs ?? []).map(g => [
        g.main ?? null,
        g.unpruned,
        g.roots,
        [...g.replacements],
        [...g.excluded],
        g.workspace ?? null
    ]);
    const goSum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(lines.sort().join('\n'))
        .update(JSON.stringify(build.modGraphs ? graphs : null))
        .digest('hex');
    const { timeoutMs, slowThresholdMs, retries, patterns, checks, network, strategy } = plan;
    // The whole list: a stale @latest, or a file the walk stops at, is judged against the others.
    const candidates = plan.candidates.map(c => [
        c.role,
        (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .stripCredentials */ .PH)((0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .entryText */ .u0)(c.entry)),
        c.entry.fallBackOnError
    ]);
    return JSON.stringify({
        candidates,
        sumdbMirrors: plan.sumdbMirrors.map(_credentials_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .stripCredentials */ .PH),
        strategy,
        network,
        timeoutMs,
        slowThresholdMs,
        retries,
        checks,
        gonoproxy: patterns.gonoproxy,
        gonosumdb: patterns.gonosumdb,
        goSum,
        toolchains: build.toolchains
            .flatMap(t => (t.module ? [`${t.module.path}@${t.module.version}`] : []))
            .sort()
    });
}
/**
 * The cache key of a candidate's verdict: its URL without credentials, which credentials its
 * requests carry, and what was checked.
 */
function verdictKey(plan, candidate, modules, scope, credentials) {
    return (0,_key_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheKey */ .k)({
        url: (0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .entryText */ .u0)(candidate.entry),
        checks: plan.checks,
        modules: modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw,
        extra: scope,
        credentials
    });
}
// The whole shape, so that a damaged entry is a miss here rather than a crash later.
const isProbeRecord = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
    endpoint: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOfKeys */ .iZ({
        list: 1,
        latest: 1,
        info: 1,
        mod: 1,
        zip: 1,
        supported: 1,
        lookup: 1,
        tile: 1
    }),
    module: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj,
    url: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj,
    status: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U9),
    latencyMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz),
    totalMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz,
    attempts: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U9,
    gaveWay: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U9),
    ok: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM,
    problem: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj),
    timedOut: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM),
    tolerated: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM),
    rateLimited: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({ retryAfterMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz })),
    breakerOpen: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM),
    phases: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
        dnsMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz),
        connectMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz),
        tlsMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz),
        firstByteMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz),
        transferMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz)
    }))
});
const isFinding = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
    stage: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL(_probe_types_js__WEBPACK_IMPORTED_MODULE_6__/* .STAGES */ .an),
    level: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL(_probe_types_js__WEBPACK_IMPORTED_MODULE_6__/* .LEVELS */ .A_.filter((l) => l !== 'healthy')),
    reason: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj
});
const isCachedReport = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
    verdict: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL(_probe_types_js__WEBPACK_IMPORTED_MODULE_6__/* .LEVELS */ .A_),
    reason: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj,
    findings: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .arrayOf */ .jk(isFinding),
    latencyMs: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .milliseconds */ .Rz),
    checksPassed: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U9,
    checksTotal: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U9,
    retries: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .count */ .U9,
    probes: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .arrayOf */ .jk(isProbeRecord),
    latest: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .recordOf */ .zv(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj),
    breaker: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL(['closed', 'open', 'half-open'])),
    sumdb: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL(['supported', 'unsupported', 'failed'])),
    buildAnswers: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .recordOf */ .zv(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
        kind: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL(['served', 'missing', 'failed', 'contradicts', 'unverified']),
        problem: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj),
        goMod: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({ pruned: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM, requires: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .arrayOf */ .jk(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj) })),
        stopsGo: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zM),
        resolved: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .string */ .Yj)
    })))
});
/** Exported for tests and for checks of a cache directory. */
const isCachedVerdict = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ik({
    report: isCachedReport,
    // restoreStart (breaker-state.ts) checks a snapshot in full and starts a closed breaker from
    // one that does not fit, so a damaged snapshot costs at most the breaker's memory.
    breaker: _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .optional */ .lq(_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .checkedByItsReader */ .It())
});


/***/ }),

/***/ 8292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ checksumMissing),
/* harmony export */   v: () => (/* binding */ compareServed)
/* harmony export */ });
/* harmony import */ var _probe_findings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9986);
/* harmony import */ var _probe_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2367);
/* harmony import */ var _xmod_sumdb_dirhash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4845);



/**
 * Judges what usable candidates served of each probe module against the signed records, as
 * `go mod download M@V` with no go.sum line does (modfetch checkModSum → checkSumDB): the .mod
 * first, then the zip. A hash that differs is a `tampered` finding naming both hashes; a record
 * with no line for a file is an `unhealthy` one in Go's words, at every level of `checks` (the
 * go command downloads the zip even when the run does not): Go refuses the version from any proxy.
 */
function compareServed(reports, records) {
    const byVersion = new Map(records.map(r => [`${r.path}@${r.version}`, r]));
    for (const report of reports) {
        if (!(0,_probe_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isUsable */ .Ng)(report.verdict))
            continue;
        for (const served of report.served) {
            const record = byVersion.get(`${served.path}@${served.version}`);
            if (!record)
                continue;
            const problem = judgeFile(record, 'mod', served.goMod && (0,_xmod_sumdb_dirhash_js__WEBPACK_IMPORTED_MODULE_0__/* .hashGoMod */ .hK)(served.goMod)) ??
                judgeFile(record, 'zip', served.zipHash);
            // Each comparison with the database is a check of its own in the report's count.
            report.checksTotal++;
            if (!problem) {
                report.checksPassed++;
                continue;
            }
            const reason = `${problem.reason}, served by ${report.candidate.display}`;
            (0,_probe_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .recordFinding */ .h)(report, { stage: 'sumdb', level: problem.level, reason });
            break;
        }
    }
}
function judgeFile(record, file, served) {
    const recorded = file === 'mod' ? record.modHash : record.zipHash;
    if (recorded === undefined)
        return { level: 'unhealthy', reason: checksumMissing(record, file) };
    if (!served || served === recorded)
        return undefined;
    const what = file === 'mod' ? 'go.mod' : 'zip';
    const reason = `${record.path}@${record.version}: ${what} hashes to ${served} but the checksum database says ${recorded}`;
    return { level: 'tampered', reason };
}
/**
 * The go command's error (modfetch checkSumDB) for a file it checks against the database whose
 * signed record has no line for it, and why: it fails the download whichever proxy serves it.
 */
function checksumMissing(v, file) {
    const noun = file === 'mod' ? 'go.mod' : 'module';
    const line = `${v.path} ${v.version}${file === 'mod' ? '/go.mod' : ''} h1:`;
    return (`${v.path}@${v.version}: verifying ${noun}: checksum missing from sumdb response ` +
        `(SECURITY ERROR: the checksum database's signed record has no "${line}" line, so the go ` +
        'command refuses the download from any proxy)');
}


/***/ }),

/***/ 9596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N_: () => (/* binding */ notPrivate),
/* harmony export */   VN: () => (/* binding */ dropRouteBreaker),
/* harmony export */   _D: () => (/* binding */ checkIntegrity),
/* harmony export */   _o: () => (/* binding */ supportedProblem),
/* harmony export */   kb: () => (/* binding */ failProxyRoute),
/* harmony export */   yM: () => (/* binding */ firstPassing),
/* harmony export */   zQ: () => (/* binding */ versionsToCheck)
/* harmony export */ });
/* harmony import */ var _goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1550);
/* harmony import */ var _goenv_patterns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4130);
/* harmony import */ var _probe_findings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9986);
/* harmony import */ var _http_record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1007);
/* harmony import */ var _probe_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2367);
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8292);
/* harmony import */ var _route_checker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(696);
/* harmony import */ var _routes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3493);








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
    const routes = sessions ?? new _route_checker_js__WEBPACK_IMPORTED_MODULE_3__/* .RouteSessions */ .A(plan, db, deps);
    const checker = new _route_checker_js__WEBPACK_IMPORTED_MODULE_3__/* .RouteChecker */ .h(routes, [...served, ...extra]);
    const trusted = (await findTruth(checker, (0,_routes_js__WEBPACK_IMPORTED_MODULE_4__/* .firstRoutes */ .t5)(db, reports))) ??
        (await firstPassing(checker, (0,_routes_js__WEBPACK_IMPORTED_MODULE_4__/* .fallbackRoutes */ .v1)(plan, db)));
    if (!trusted)
        return {
            status: 'checked',
            reason: 'no route to the checksum database passed',
            db,
            checker,
            ...none
        };
    (0,_compare_js__WEBPACK_IMPORTED_MODULE_2__/* .compareServed */ .v)(reports, trusted.verdict.records);
    failUnknown(reports, trusted.verdict.unknown);
    const { records, unknown } = trusted.verdict;
    return {
        status: 'checked',
        reason: `${records.length} module versions proved`,
        db,
        checker,
        records,
        unknown,
        trusted
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
        if (!(0,_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .isUsable */ .Ng)(report.verdict))
            continue;
        for (const { path, version } of report.served) {
            if (!(0,_goenv_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .matchPrefixPatterns */ .J8)(plan.patterns.gonosumdb, path))
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
    return versions.filter(v => v.path === _goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOLCHAIN_MODULE */ .xc || !(0,_goenv_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .matchPrefixPatterns */ .J8)(plan.patterns.gonosumdb, v.path));
}
/**
 * Drops the chain entry whose /sumdb/ error leaves Go no route to the database (routeBreaker),
 * unless a sumdb mirror stands in (`mirrorStandsIn`): exported as GOSUMDB="<key> <url>", it takes
 * Go past every proxy's /sumdb/. True when an entry was dropped: choose the chain again.
 */
async function dropRouteBreaker(plan, reports, chain, mirrorStandsIn) {
    const breaker = plan.gosumdb.kind === 'db' && (0,_routes_js__WEBPACK_IMPORTED_MODULE_4__/* .routeBreaker */ .Yy)(plan.gosumdb, chain);
    if (!breaker || (await mirrorStandsIn()))
        return false;
    const report = reports.find(r => r.candidate.id === breaker.candidate.id);
    if (!report || !(0,_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .isUsable */ .Ng)(report.verdict))
        return false;
    const reason = `${supportedProblem(breaker)}, and no entry after it in the chain leads the go command to ` +
        'the checksum database (a proxy that serves it, or direct): every lookup would fail';
    (0,_probe_findings_js__WEBPACK_IMPORTED_MODULE_6__/* .recordFinding */ .h)(report, { stage: 'route', level: 'unhealthy', reason });
    (0,_probe_findings_js__WEBPACK_IMPORTED_MODULE_6__/* .settleVerdict */ .V)(report);
    return true;
}
/** What a candidate's /sumdb/<name>/supported request met, as a reason. */
function supportedProblem(report) {
    const answer = report.probes.find(r => r.endpoint === 'supported');
    return answer ? (0,_http_record_js__WEBPACK_IMPORTED_MODULE_7__/* .probeReason */ .J)(answer) : 'its /sumdb/ failed';
}
/** A proxy whose /sumdb/ route fails would fail the go command's verification: unhealthy. */
function failProxyRoute(reports, route, problem) {
    const report = reports.find(r => r.candidate.id === route.candidate?.id);
    if (!report || !(0,_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .isUsable */ .Ng)(report.verdict))
        return;
    const reason = `its checksum database proxy ${route.label} failed: ${problem ?? 'unknown error'}`;
    (0,_probe_findings_js__WEBPACK_IMPORTED_MODULE_6__/* .recordFinding */ .h)(report, { stage: 'route', level: 'unhealthy', reason });
    (0,_probe_findings_js__WEBPACK_IMPORTED_MODULE_6__/* .settleVerdict */ .V)(report);
}
/**
 * A candidate that served a version the database has no record of cannot be used: the go command
 * would refuse to download it (a mirror inventing versions, or a private module missing from
 * GONOSUMDB).
 */
function failUnknown(reports, unknown) {
    const missing = new Set(unknown.map(v => `${v.path}@${v.version}`));
    for (const report of reports.filter(r => (0,_probe_types_js__WEBPACK_IMPORTED_MODULE_5__/* .isUsable */ .Ng)(r.verdict))) {
        const served = report.served.find(s => missing.has(`${s.path}@${s.version}`));
        if (!served)
            continue;
        const reason = `served ${served.path}@${served.version}, of which the checksum database has no record ` +
            '(the go command would refuse it; if it is private, add it to GONOSUMDB or GOPRIVATE)';
        (0,_probe_findings_js__WEBPACK_IMPORTED_MODULE_6__/* .recordFinding */ .h)(report, { stage: 'sumdb', level: 'unhealthy', reason });
    }
}


/***/ }),

/***/ 1149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ recordLookup),
/* harmony export */   i: () => (/* binding */ looksUpUnlisted)
/* harmony export */ });
/* harmony import */ var _goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1550);
/* harmony import */ var _goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2057);
/* harmony import */ var _integrity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9596);
/* harmony import */ var _route_proof_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(307);
/* harmony import */ var _routes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3493);





/**
 * Looks versions up, each at most once a run, once checkIntegrity is done: on the route that gave
 * it its truth (its records and unknowns answer without a request), else, when it proved nothing
 * fresh (every verdict came from the cache), on the one route the go command will take with the
 * exported GOSUMDB and chain: it falls back to no other, so neither does the lookup.
 */
function recordLookup(plan, integrity, context) {
    const asked = new Map();
    return version => {
        if ((0,_integrity_js__WEBPACK_IMPORTED_MODULE_2__/* .notPrivate */ .N_)(plan, [version]).length === 0)
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
async function lookUpOn(plan, check, context, v) {
    const same = (w) => w.path === v.path && w.version === v.version;
    const known = check.records.find(same);
    if (known)
        return { record: known };
    const noRecord = `the checksum database has ${(0,_route_proof_js__WEBPACK_IMPORTED_MODULE_3__/* .noRecordOf */ .cM)([v])}`;
    if (check.unknown.some(same))
        return { problem: noRecord };
    const { sessions } = context;
    const routes = await routesFor(plan, check, context);
    if (!sessions || routes.length === 0)
        return undefined;
    const proved = check.trusted?.verdict.tree;
    const seen = proved ? [proved] : [];
    const problems = [];
    for (const route of routes) {
        const requesters = sessions.requesters(route);
        const verdict = await (0,_route_proof_js__WEBPACK_IMPORTED_MODULE_3__/* .checkRoute */ .QF)(route.base, [v], sessions.verifier, requesters, seen);
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
 * Whether files with no go.sum line are looked up: on the route the integrity check trusted, or,
 * when it proved nothing fresh, on the route Go takes with the exported GOSUMDB. Not when content
 * is not verified (`checks: quick`, GOSUMDB=off) or no route to the database passed.
 */
function looksUpUnlisted(plan, check) {
    return (check.trusted !== undefined ||
        (check.status === 'not-checked' && check.db !== undefined && plan.checks !== 'quick'));
}
/**
 * The routes of looksUpUnlisted, in the order they are tried: the trusted one; else Go's one
 * route for the chain, when the reports say which proxies before it serve the database; else
 * (their probes asked no /sumdb/, as when every probe module is private) each route Go might take.
 */
async function routesFor(plan, check, { reports, chain, recalledGosumdb }) {
    if (check.trusted)
        return [check.trusted.route];
    if (!looksUpUnlisted(plan, check) || !check.db)
        return [];
    const recalled = await recalledGosumdb?.();
    const spec = recalled === undefined ? check.db : (0,_goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGosumdb */ .$M)(recalled);
    const db = spec.kind === 'db' ? spec : check.db;
    const walked = chain();
    const end = walked.findIndex(r => !(0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .isProxyEntry */ .l_)(r.candidate.entry));
    const asked = end < 0 ? walked : walked.slice(0, end);
    if (db.url || asked.every(r => r.sumdb !== undefined))
        return [(0,_routes_js__WEBPACK_IMPORTED_MODULE_4__/* .routeForChain */ .qB)(db, walked)];
    return [...(0,_routes_js__WEBPACK_IMPORTED_MODULE_4__/* .firstRoutes */ .t5)(db, reports), ...(0,_routes_js__WEBPACK_IMPORTED_MODULE_4__/* .fallbackRoutes */ .v1)(plan, db)];
}


/***/ }),

/***/ 696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ RouteSessions),
/* harmony export */   h: () => (/* binding */ RouteChecker)
/* harmony export */ });
/* harmony import */ var _http_requester_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(915);
/* harmony import */ var _resilience_breaker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1170);
/* harmony import */ var _resilience_plan_breaker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6971);
/* harmony import */ var _xmod_sumdb_note_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6918);
/* harmony import */ var _route_proof_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(307);





/** Tile requests in a row that fail before a route's tiles are asked for no more. */
const TILE_FAILURES_TO_OPEN = 10;
/**
 * The run's routes to one database, each with its requesters (and breakers) for the whole run:
 * the lookups started while candidates are still probed and the proofs made later share their
 * answers. Lookups have the plan's breaker. Tiles have one that opens only after
 * TILE_FAILURES_TO_OPEN failures in a row: the go command asks a partial tile's full tile after
 * any failure (x/mod sumdb client.go readTile), and so must a proof, however the partial failed.
 */
class RouteSessions {
    plan;
    db;
    deps;
    verifier;
    byRoute = new Map();
    constructor(plan, db, deps) {
        this.plan = plan;
        this.db = db;
        this.deps = deps;
        this.verifier = (0,_xmod_sumdb_note_js__WEBPACK_IMPORTED_MODULE_3__/* .parseVerifierKey */ .z$)(db.verifierKey);
    }
    requesters(route) {
        const key = `${route.kind} ${route.base}`;
        let requesters = this.byRoute.get(key);
        if (!requesters) {
            const tileBreaker = (0,_resilience_breaker_js__WEBPACK_IMPORTED_MODULE_1__/* .createBreaker */ .Z)({
                threshold: 1,
                cooldownMs: this.plan.breaker.cooldownMs,
                windowSize: TILE_FAILURES_TO_OPEN,
                minimumCalls: TILE_FAILURES_TO_OPEN
            }, this.deps.clock);
            requesters = {
                lookups: this.newRequester((0,_resilience_plan_breaker_js__WEBPACK_IMPORTED_MODULE_2__/* .planBreaker */ .Q)(this.plan, this.deps.clock)),
                tiles: this.newRequester(tileBreaker)
            };
            this.byRoute.set(key, requesters);
        }
        return requesters;
    }
    newRequester(breaker) {
        return new _http_requester_js__WEBPACK_IMPORTED_MODULE_0__/* .CandidateRequester */ .M({
            ...this.deps,
            breaker,
            timeoutMs: this.plan.timeoutMs,
            retries: this.plan.retries
        });
    }
    /**
     * Starts the lookups of `versions` on `route` for a proof to come, which finds them answered
     * (the requester shares them). Tiles are left to the proof: which it needs depends on the
     * newest tree of all its lookups, and one it does not need must not fail its route.
     */
    lookUpAhead(route, versions) {
        const { lookups } = this.requesters(route);
        for (const v of versions)
            void (0,_route_proof_js__WEBPACK_IMPORTED_MODULE_4__/* .lookup */ .$I)(route.base, v, this.verifier, lookups);
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
        const requesters = this.sessions.requesters(route);
        return { route, verdict: await (0,_route_proof_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRoute */ .QF)(route.base, this.versions, verifier, requesters) };
    }
}


/***/ }),

/***/ 307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QF: () => (/* binding */ checkRoute),
  $I: () => (/* binding */ lookup),
  cM: () => (/* binding */ noRecordOf)
});

// EXTERNAL MODULE: ./src/http/record.ts
var record = __webpack_require__(1007);
// EXTERNAL MODULE: ./src/xmod/module.ts + 1 modules
var xmod_module = __webpack_require__(4530);
// EXTERNAL MODULE: ./src/goenv/urlpath.ts
var urlpath = __webpack_require__(9267);
// EXTERNAL MODULE: ./src/http/probe-errors.ts
var probe_errors = __webpack_require__(9980);
// EXTERNAL MODULE: ./src/xmod/sumdb/errors.ts
var errors = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/xmod/sumdb/note.ts + 1 modules
var sumdb_note = __webpack_require__(6918);
// EXTERNAL MODULE: ./src/xmod/sumdb/tlog-hash.ts
var tlog_hash = __webpack_require__(1391);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
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
    const { level, n } = (0,tlog_hash/* splitStoredHashIndex */.aY)(index);
    const tileLevel = Math.floor(level / height);
    const levelInTile = level - tileLevel * height;
    const tileN = (0,tlog_hash/* shiftDown */.Rf)(n * 2 ** levelInTile, height);
    const nInTile = n - tileN * 2 ** (height - levelInTile);
    const width = (nInTile + 1) * 2 ** levelInTile;
    const tile = { height, level: tileLevel, n: tileN, width };
    return { tile, start: nInTile * 2 ** levelInTile * tlog_hash/* HASH_SIZE */.Ts, end: width * tlog_hash/* HASH_SIZE */.Ts };
}
/** The tile of least width that stores the hash with this stored hash index. */
function tileForIndex(height, index) {
    return locate(height, index).tile;
}
/** The hash of the complete subtree whose leaves are the hashes in `data` (2^k of them). */
function tileHash(data) {
    if (data.length === tlog_hash/* HASH_SIZE */.Ts)
        return data;
    const half = data.length / 2;
    return (0,tlog_hash/* nodeHash */.zB)(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}
/** The hash with stored index `index`, read from `tile` (tileForIndex's tile or a wider one). */
function hashFromTile(tile, data, index) {
    const fullWidth = 2 ** tile.height;
    const badWidth = tile.width < 1 || tile.width > fullWidth;
    if (tile.height < 1 || tile.height > MAX_HEIGHT || tile.level < 0 || badWidth) {
        throw new RangeError(`invalid tile ${tilePath(tile)}`);
    }
    if (data.length < tile.width * tlog_hash/* HASH_SIZE */.Ts) {
        throw new errors/* SumdbError */.q('bad-tile', `tile ${tilePath(tile)} has ${data.length} bytes, want ${tile.width * tlog_hash/* HASH_SIZE */.Ts}`);
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
    const n = (0,tlog_hash/* shiftDown */.Rf)(tile.n, levelsUp * tile.height);
    const available = (0,tlog_hash/* shiftDown */.Rf)(treeSize, level * tile.height);
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
    const rootIndexes = (0,tlog_hash/* subtreeIndexes */.VJ)(treeSize);
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
        throw new errors/* SumdbError */.q('bad-tile', `missing tile ${path}`);
    if (data.length !== tile.width * tlog_hash/* HASH_SIZE */.Ts) {
        throw new errors/* SumdbError */.q('bad-tile', `tile ${path} has ${data.length} bytes, want ${tile.width * tlog_hash/* HASH_SIZE */.Ts}`);
    }
    return data;
}
// Authenticates the planned tiles against the signed tree; returns a reader of trusted hashes.
function authenticateTiles(tree, plan, tiles) {
    const data = new Map(plan.tiles.map(tile => [tilePath(tile), tileBytes(tile, tiles)]));
    const readFrom = (tile, index) => hashFromTile(tile, data.get(tilePath(tile)), index);
    const read = (index) => readFrom(homeTile(index, tree.size), index);
    const root = (0,tlog_hash/* foldSubtreeHashes */.UT)(plan.rootIndexes.map(read));
    if (!root.equals(tree.hash)) {
        const paths = plan.tiles.slice(0, plan.rootTileCount).map(tilePath).join(', ');
        throw new errors/* SumdbError */.q('bad-tree', `downloaded inconsistent tile: ${paths} do not hash to the signed root ` +
            `${tree.hash.toString('base64')} of the tree of size ${tree.size}`);
    }
    for (const tile of plan.tiles.slice(plan.rootTileCount)) {
        const parent = tileInTree(tile, 1, tree.size);
        const expected = readFrom(parent, (0,tlog_hash/* storedHashIndex */.qd)(parent.level * parent.height, tile.n));
        if (!tileHash(data.get(tilePath(tile))).equals(expected)) {
            throw new errors/* SumdbError */.q('bad-tree', `downloaded inconsistent tile: ${tilePath(tile)} does not hash to the entry for it in ` +
                `${tilePath(parent)} in the signed tree of size ${tree.size}`);
        }
    }
    return read;
}
function checkRecordId(id, treeSize) {
    if (!Number.isSafeInteger(id) || id < 0 || id >= treeSize) {
        throw new errors/* SumdbError */.q('bad-record', `cannot validate record ${id} in tree of size ${treeSize}`);
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
    return (0,tlog_hash/* subtreeIndexes */.VJ)(older.size);
}
/**
 * Every tile needed to authenticate a tree of `treeSize` records, read the leaf hash of each of
 * `recordIds`, and prove `olderTree` a prefix of it: the tiles the go command would fetch.
 */
function tilesForProof(treeSize, recordIds, olderTree) {
    recordIds.forEach(id => checkRecordId(id, treeSize));
    checkOrder(olderTree, treeSize);
    const targets = recordIds.map(id => (0,tlog_hash/* storedHashIndex */.qd)(0, id));
    return planTiles(treeSize, [...targets, ...olderTargets(olderTree, treeSize)]).tiles;
}
/** Checks that each record is the leaf with its id in the signed tree, using the given tiles. */
function verifyRecordsInTree(tree, records, tiles) {
    records.forEach(record => checkRecordId(record.id, tree.size));
    const leaves = records.map(record => (0,tlog_hash/* storedHashIndex */.qd)(0, record.id));
    const read = authenticateTiles(tree, planTiles(tree.size, leaves), tiles);
    records.forEach((record, i) => {
        if (!read(leaves[i]).equals((0,tlog_hash/* recordHash */.oj)(record.data))) {
            throw new errors/* SumdbError */.q('not-in-tree', `cannot authenticate record data in server response: record ${record.id} is not ` +
                `the leaf the signed tree of size ${tree.size} holds`);
        }
    });
}
function forkError(older, newer, olderHashInNewer) {
    return new errors/* SumdbError */.q('fork', 'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n' +
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
        hashInNewer = tlog_hash/* EMPTY_TREE_HASH */.So;
    }
    else {
        const read = authenticateTiles(newer, planTiles(newer.size, targets), tiles);
        hashInNewer = (0,tlog_hash/* foldSubtreeHashes */.UT)(targets.map(read));
    }
    if (!hashInNewer.equals(older.hash))
        throw forkError(older, newer, hashInNewer);
}

// EXTERNAL MODULE: ./src/xmod/sumdb/note-text.ts
var note_text = __webpack_require__(3734);
;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-record.ts
// The checksum database's /lookup answer (x/mod sumdb/tlog note.go FormatRecord, ParseRecord):
// "<id>\n", the record (go.sum lines, each ending in "\n", no blank line), a blank line, then the
// signed tree note.




// An HTML page answering /lookup would otherwise fill the message with its first line.
const MAX_SHOWN_ID = 40;
function malformed(why) {
    return new errors/* SumdbError */.q('bad-record', `malformed record data: ${why}`);
}
// Go's strconv.ParseInt accepts a sign and leading zeros; ids are never negative.
function parseRecordId(text) {
    if (!/^[+-]?[0-9]+$/.test(text)) {
        const shown = text.length > MAX_SHOWN_ID ? `${text.slice(0, MAX_SHOWN_ID)}…` : text;
        throw malformed(`bad record id ${(0,strings/* quote */.hD)(shown)}`);
    }
    const id = Number(text) + 0;
    if (id < 0 || id > tlog_hash/* MAX_TREE_SIZE */.s2)
        throw malformed(`record id ${text} out of range`);
    return id;
}
/** Splits a /lookup answer into record id, record text and signed tree note. */
function parseLookup(body) {
    const idEnd = body.indexOf(0x0a);
    if (idEnd < 0)
        throw malformed('no record id line');
    const id = parseRecordId(body.subarray(0, idEnd).toString('utf8'));
    const rest = body.subarray(idEnd + 1);
    const blank = rest.indexOf('\n\n');
    if (blank < 0)
        throw malformed('no blank line after the record');
    const record = rest.subarray(0, blank + 1);
    // tlog's isValidRecordText; the split above already keeps blank lines out.
    const problem = (0,note_text/* textProblem */.F)(record);
    if (problem)
        throw malformed(`record text: ${problem}`);
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
        throw new errors/* SumdbError */.q('bad-record', `record holds no go.sum lines for ${path}@${version}`);
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
/**
 * Go reads a partial tile from a full tile's body of 256 hashes and up to 255 bytes more (see
 * prefixOfFull); any longer tile fails the proof as it fails Go's.
 */
const TILE_CAP = (tlog_hash/* HASH_SIZE */.Ts + 1) * FULL_WIDTH - 1;
/**
 * Proves what one route to the checksum database says about some module versions: each lookup's
 * note is signed by the key, each record sits in the signed tree (hash tiles up to the root), and
 * every tree seen is a prefix of the newest (`seen`: trees the run proved before). `base` is
 * `<proxy>/sumdb/<name>` or the database URL.
 */
async function checkRoute(base, versions, verifier, requesters, seen = []) {
    const outcomes = await Promise.all(versions.map(v => lookup(base, v, verifier, requesters.lookups)));
    const probes = outcomes.map(o => o.record);
    // The first lookup in order that was sent names the route's problem, in the words of its own
    // last answer: which lookups the breaker then cut short is timing, and must not change the
    // reason from run to run.
    const failures = outcomes.flatMap(o => (!o.ok && !o.notFound ? [o] : []));
    const failed = failures.find(o => o.lastFailure !== undefined) ?? failures[0];
    if (failed) {
        const problem = (0,record/* probeReason */.J)({
            ...failed.record,
            problem: failed.lastFailure ?? failed.record.problem
        });
        return { ok: false, problem, records: [], unknown: [], probes };
    }
    const looked = outcomes.flatMap(o => (o.ok ? [o.value] : []));
    const unknown = versions.filter((_, i) => !outcomes[i].ok);
    if (looked.length === 0) {
        // A route that knows none of them proves nothing: it may be a proxy that does not really
        // serve the database. Another route, or the database itself, must say so. What the route
        // answered is quoted, as Go quotes it: a proxy may say its own upstream failed.
        const answered = (0,record/* probeReason */.J)(outcomes[0].record);
        return {
            ok: false,
            problem: `${noRecordOf(unknown)}: ${answered}`,
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
        const tiles = await fetchTiles(base, newest, looked, olderTrees, requesters.tiles, probes);
        // A fork first: a record missing from a forked tree is a symptom, the fork is the cause.
        for (const older of olderTrees)
            verifyConsistency(older, newest, tiles);
        verifyRecordsInTree(newest, looked.map(l => ({ id: l.id, data: l.data })), tiles);
    }
    catch (err) {
        return { ok: false, problem: describe(err), tree: newest, records: [], unknown, probes };
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
        url: (0,urlpath/* webJoin */.$V)(base, `lookup/${(0,urlpath/* pathEscape */.$P)((0,xmod_module/* escapePath */.ft)(v.path))}@${(0,urlpath/* pathEscape */.$P)((0,xmod_module/* escapeVersion */.av)(v.version))}`),
        maxBytes: LOOKUP_CAP,
        accept: res => asContent(() => {
            const answer = parseLookup(res.body);
            const note = (0,sumdb_note/* openNote */.jN)(answer.note, verifier);
            const tree = (0,sumdb_note/* parseTreeNote */.yO)(note.text);
            const hashes = parseRecordLines(answer.record, v.path, v.version);
            return { ...v, id: answer.id, data: answer.record, tree, hashes };
        })
    });
}
/** Fetches the tiles the proofs need; a partial tile that fails is read from its full tile, as Go does. */
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
    const fetched = await Promise.allSettled([...needed].map(async ([path, tile]) => tiles.set(path, await fetchTile(base, path, tile, requester, probes))));
    // The first tile in proof order that failed names the problem, whichever failed first in time.
    const failed = fetched.find(f => f.status === 'rejected');
    if (failed)
        throw failed.reason;
    return tiles;
}
async function fetchTile(base, path, tile, requester, probes) {
    const get = async (p) => {
        const outcome = await requester.runShared({
            endpoint: 'tile',
            module: p,
            url: (0,urlpath/* webJoin */.$V)(base, p),
            maxBytes: TILE_CAP,
            accept: res => res.body
        });
        probes.push(outcome.record);
        return outcome;
    };
    const partial = await get(path);
    if (partial.ok)
        return partial.value;
    if (tile.width === FULL_WIDTH)
        throw new errors/* SumdbError */.q('bad-tile', (0,record/* probeReason */.J)(partial.record));
    // Whatever went wrong (the log grew past the tile and the server dropped it, or a mirror
    // serves no partial tiles), Go reads the tile's prefix from the full one (sumdb client.go
    // readTile); when that fails too, the partial tile's error is the one it reports.
    const full = await get(tilePath({ ...tile, width: FULL_WIDTH }));
    if (!full.ok) {
        const why = `${(0,record/* probeReason */.J)(partial.record)} (its full tile: ${(0,record/* probeReason */.J)(full.record)})`;
        throw new errors/* SumdbError */.q('bad-tile', why);
    }
    return prefixOfFull(path, tile, full.value, full.record.url);
}
/**
 * The tile's prefix of its full tile's bytes, as Go slices it: data[:len(data)/256*width], which
 * is the tile's size only when the body holds 256 hashes and less than 256 bytes more; a shorter
 * one, such as a mirror's tile that holds only the hashes it has, fails the proof (tlog's check).
 */
function prefixOfFull(path, tile, data, url) {
    const want = tile.width * tlog_hash/* HASH_SIZE */.Ts;
    const kept = Math.floor(data.length / FULL_WIDTH) * tile.width;
    if (kept !== want) {
        throw new errors/* SumdbError */.q('bad-tile', `GET ${url} → ${data.length} bytes, not a full tile of ${FULL_WIDTH * tlog_hash/* HASH_SIZE */.Ts}: ` +
            `TileReader returned bad result slice (${path} len=${kept}, want ${want})`);
    }
    return data.subarray(0, want);
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
        if (err instanceof errors/* SumdbError */.q)
            throw new probe_errors/* ContentError */.yg(err.message);
        throw err;
    }
}
function describe(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 3493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yy: () => (/* binding */ routeBreaker),
/* harmony export */   ZU: () => (/* binding */ settledFirstRoute),
/* harmony export */   kH: () => (/* binding */ mirrorRoutes),
/* harmony export */   qB: () => (/* binding */ routeForChain),
/* harmony export */   t5: () => (/* binding */ firstRoutes),
/* harmony export */   v1: () => (/* binding */ fallbackRoutes)
/* harmony export */ });
/* harmony import */ var _goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1550);
/* harmony import */ var _goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2057);
/* harmony import */ var _credentials_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5725);
/* harmony import */ var _goenv_urlpath_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9267);
/* harmony import */ var _probe_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2367);





/**
 * The routes Go itself would use: an explicit GOSUMDB URL (it bypasses proxies, as in the go
 * command), else each usable proxy that serves the database — or https://<name> if none does.
 */
function firstRoutes(db, reports) {
    if (db.url)
        return [route('explicit', db.url)];
    const viaProxies = reports
        .filter(r => (0,_probe_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isUsable */ .Ng)(r.verdict) && r.sumdb === 'supported')
        .map(r => proxyRoute(r.candidate, db.name));
    return viaProxies.length > 0 ? viaProxies : [route('direct', (0,_goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__/* .directUrl */ .lU)(db))];
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
        if ((0,_probe_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isUsable */ .Ng)(report.verdict) && report.sumdb === 'supported')
            return proxyRoute(candidate, db.name);
    }
    return route('direct', (0,_goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__/* .directUrl */ .lU)(db));
}
/** Where to turn when those fail: the database's own host (unless a URL was given), then `sumdb-mirrors`. */
function fallbackRoutes(plan, db) {
    return [...(db.url ? [] : [route('direct', (0,_goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__/* .directUrl */ .lU)(db))]), ...mirrorRoutes(plan)];
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
        if (!(0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .isProxyEntry */ .l_)(entry))
            break;
        if (report.sumdb === 'supported')
            return proxyRoute(report.candidate, db.name);
    }
    return route('direct', (0,_goenv_gosumdb_js__WEBPACK_IMPORTED_MODULE_0__/* .directUrl */ .lU)(db));
}
/**
 * The chain entry whose /sumdb/ error (`failed`, tolerated because `|` followed it in the input
 * or `sumdb-mirrors` are given) leaves the go command no route to the database with this chain,
 * as modfetch.TryProxies walks the list for it (sumdb.go initBase): an error other than 404/410
 * ends the walk unless `|` follows it here, and outranks a later 404/410 or `off`; only a later
 * proxy that serves the database, or `direct`, gets past it. Go's lookups then all fail with
 * that error.
 */
function routeBreaker(db, chain) {
    if (db.url)
        return undefined;
    let failed;
    for (const report of chain) {
        const { entry } = report.candidate;
        if (entry.kind === 'direct' || report.sumdb === 'supported')
            return undefined;
        if (report.sumdb !== 'failed')
            continue;
        failed ??= report;
        if (!entry.fallBackOnError)
            break;
    }
    return failed;
}
function proxyRoute(candidate, name) {
    const url = (0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_1__/* .isProxyEntry */ .l_)(candidate.entry) ? candidate.entry.url : '';
    const base = (0,_goenv_urlpath_js__WEBPACK_IMPORTED_MODULE_3__/* .webJoin */ .$V)(url, `sumdb/${name}`);
    return { kind: 'proxy', base, label: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(base), candidate };
}
function route(kind, url) {
    return { kind, base: url, label: (0,_credentials_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url) };
}


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

/***/ 5253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ storeNetrc),
/* harmony export */   Z5: () => (/* binding */ splitQuoted),
/* harmony export */   _Y: () => (/* binding */ parseGoauth),
/* harmony export */   a5: () => (/* binding */ CredentialCache),
/* harmony export */   tB: () => (/* binding */ basicAuth)
/* harmony export */ });
/* unused harmony export GOAUTH_DEFAULT */
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
/* harmony import */ var _gostd_filepath_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2362);
/* harmony import */ var _gostd_strings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1817);
/* harmony import */ var _basic_auth_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9858);
// GOAUTH as the go command reads it (cmd/go/internal/auth/auth.go, userauth.go): the methods it
// names, and the cache of headers by URL prefix that every method fills and every request reads.




/** The default the go command uses when GOAUTH is unset or empty. */
const GOAUTH_DEFAULT = 'netrc';
/**
 * The methods of a GOAUTH value, in the order written ([] for `off`). Throws GoEnvError where the
 * go command stops with a fatal error, and for a command it could never run (unbalanced quotes).
 * Like Go, only the first word decides: `netrc x` is netrc, `off x` is off.
 */
function parseGoauth(value, style) {
    const text = value || GOAUTH_DEFAULT;
    const commands = text.split(';').map(_gostd_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .trimSpace */ .Pd);
    // Go checks the commands last to first, so the same value fails with the same message.
    const methods = [...commands].reverse().map((command) => {
        const words = (0,_gostd_strings_js__WEBPACK_IMPORTED_MODULE_2__/* .fields */ .OA)(command);
        if (words.length === 0)
            throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O('GOAUTH encountered an empty command');
        switch (words[0]) {
            case 'off':
                if (commands.length !== 1) {
                    throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O('GOAUTH=off cannot be combined with other authentication commands');
                }
                return [];
            case 'netrc':
                return [{ kind: 'netrc', text: command }];
            case 'git':
                return [{ kind: 'git', text: command, dir: gitDirectory(words, style) }];
            default:
                return [{ kind: 'command', text: command, argv: splitQuoted(command) }];
        }
    });
    return methods.reverse().flat();
}
function gitDirectory(words, style) {
    const needed = 'GOAUTH=git dir method requires an absolute path to the git working directory';
    if (words.length !== 2)
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(needed);
    if (!(0,_gostd_filepath_js__WEBPACK_IMPORTED_MODULE_1__/* .isAbsolutePath */ .Z1)(words[1], style))
        throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`${needed}, dir is not absolute`);
    return words[1];
}
/**
 * cmd/internal/quoted.Split: fields separated by ASCII white space, each optionally wrapped in
 * single or double quotes, with no escapes inside.
 */
function splitQuoted(s) {
    const words = [];
    const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
    let i = 0;
    while (i < s.length) {
        while (i < s.length && isSpace(s[i]))
            i++;
        if (i === s.length)
            break;
        const quote = s[i];
        if (quote === '"' || quote === "'") {
            const end = s.indexOf(quote, i + 1);
            if (end < 0)
                throw new _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`cannot parse GOAUTH command ${s}: unterminated ${quote} string`);
            words.push(s.slice(i + 1, end));
            i = end + 1;
            continue;
        }
        const start = i;
        while (i < s.length && !isSpace(s[i]))
            i++;
        words.push(s.slice(start, i));
    }
    return words;
}
/**
 * Go's credentialCache: headers by URL prefix ("host[:port][/path]", no scheme, no trailing '/').
 * A later store for the same prefix replaces the earlier one; storing no headers removes it.
 */
class CredentialCache {
    byPrefix = new Map();
    copy() {
        const copy = new CredentialCache();
        for (const [prefix, headers] of this.byPrefix)
            copy.byPrefix.set(prefix, headers);
        return copy;
    }
    store(prefix, headers) {
        const key = trimPrefix(prefix);
        if (Object.keys(headers).length === 0)
            this.byPrefix.delete(key);
        else
            this.byPrefix.set(key, headers);
    }
    /**
     * The headers for a request URL: the stored prefix that matches it longest, trying the URL
     * without "https://" and then each shorter prefix ending before a '/'.
     */
    load(url) {
        for (let prefix = trimPrefix(url);; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
            const found = this.byPrefix.get(prefix);
            if (found !== undefined)
                return found;
            if (!prefix.includes('/'))
                return undefined;
        }
    }
}
function trimPrefix(url) {
    // Go's url.Parse lowercases the scheme: HTTPS://host is https://host to it.
    const noScheme = url.replace(/^https:\/\//i, '');
    return noScheme.endsWith('/') ? noScheme.slice(0, -1) : noScheme;
}
/** The header Go's Request.SetBasicAuth sets. */
function basicAuth(username, password) {
    return { Authorization: [`Basic ${(0,_basic_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .basicToken */ .a)(username, password)}`] };
}
/** The netrc method: each machine's Basic credentials, the first entry for a machine winning. */
function storeNetrc(cache, entries) {
    for (const entry of [...entries].reverse()) {
        cache.store(entry.machine, basicAuth(entry.login, entry.password));
    }
}


/***/ }),

/***/ 5360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ goFlagValues),
/* harmony export */   p: () => (/* binding */ modfileFlag)
/* harmony export */ });
/* harmony import */ var _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3180);
/* harmony import */ var _goauth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5253);
// GOFLAGS as the go command reads it (cmd/go/internal/base/goflags.go): words split as a quoted
// list, each `-name=value` or `--name=value`, the last setting of a flag winning.


/**
 * Each value GOFLAGS gives the flag `name`, in order; [] also when Go cannot split GOFLAGS (it
 * then refuses to run, so nothing this reads matters).
 */
function goFlagValues(goflags, name) {
    let words;
    try {
        words = (0,_goauth_js__WEBPACK_IMPORTED_MODULE_1__/* .splitQuoted */ .Z5)(goflags ?? '');
    }
    catch (err) {
        if (err instanceof _gostd_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O)
            return [];
        throw err;
    }
    const prefixes = [`-${name}=`, `--${name}=`];
    return words.flatMap(word => {
        const prefix = prefixes.find(p => word.startsWith(p));
        return prefix === undefined ? [] : [word.slice(prefix.length)];
    });
}
/** The -modfile GOFLAGS sets (the last one; an empty value sets none), or undefined. */
function modfileFlag(goflags) {
    return goFlagValues(goflags, 'modfile').at(-1) || undefined;
}


/***/ }),

/***/ 9267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ pathEscape),
/* harmony export */   $V: () => (/* binding */ webJoin),
/* harmony export */   sc: () => (/* binding */ versionFileUrl),
/* harmony export */   zR: () => (/* binding */ joinUrlPath)
/* harmony export */ });
/* harmony import */ var _gostd_urlescape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9677);
/* harmony import */ var _xmod_module_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4530);
// Escaping of an (already module-escaped) path for a proxy URL, as modfetch's pathEscape does.


/** url.PathEscape with '/' kept: "golang.org/x/text@v1" stays readable, "a b" becomes "a%20b". */
function pathEscape(s) {
    return (0,_gostd_urlescape_js__WEBPACK_IMPORTED_MODULE_0__/* .escape */ .ih)(s, 'pathSegment').replaceAll('%2F', '/');
}
/** A URL cut where Go's url.URL keeps its parts: before the path, the path, the query. */
function splitUrl(base) {
    const cut = base.search(/[?#]/);
    const head = cut < 0 ? base : base.slice(0, cut);
    const query = cut < 0 || base[cut] === '#' ? '' : base.slice(cut).replace(/#.*$/, '');
    const [, origin, path] = /^([^:/?#]+:\/\/[^/]*)?(.*)$/s.exec(head);
    return { origin: origin ?? '', path, query };
}
/**
 * `<base>/<path>` as the go command builds a request for a module file (modfetch's proxyRepo):
 * path.Join of the base URL's path and the path, so no slash is doubled (`https://h//x` asks
 * `/x/…`; the `.` and `..` segments path.Join also cleans are resolved by the WHATWG URL every
 * request goes through), and the base's query string kept after it.
 */
function joinUrlPath(base, path) {
    const { origin, path: basePath, query } = splitUrl(base);
    return `${origin}${`${basePath}/${path}`.replace(/\/{2,}/g, '/')}${query}`;
}
/**
 * `<base>/<path>` as the go command builds a checksum-database request (cmd/go/internal/web's
 * Join, used for `/sumdb/<name>/supported`, lookups and tiles): one trailing slash of the base's
 * path dropped, the rest kept as it is (`https://h//x` asks `//x/sumdb/…`).
 */
function webJoin(base, path) {
    const { origin, path: basePath, query } = splitUrl(base);
    return `${origin}${basePath.replace(/\/$/, '')}/${path.replace(/^\//, '')}${query}`;
}
/** The URL of one file of a module version on a proxy: `<base>/<path>/@v/<version>.<ext>`. */
function versionFileUrl(base, path, version, ext) {
    return joinUrlPath(base, `${pathEscape((0,_xmod_module_js__WEBPACK_IMPORTED_MODULE_1__/* .escapePath */ .ft)(path))}/@v/${pathEscape((0,_xmod_module_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeVersion */ .av)(version))}.${ext}`);
}


/***/ }),

/***/ 8222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bw: () => (/* binding */ goGunzips),
/* harmony export */   dQ: () => (/* binding */ undecodedEncoding),
/* harmony export */   iJ: () => (/* binding */ transferEncodingProblem)
/* harmony export */ });
/**
 * How Go's HTTP client frames and decodes a response where Node's would differ: the go command
 * must not be told a proxy works when its own client refuses the answer.
 */
/** A header's values as Go's textproto reads them: one per header line, blanks trimmed. */
function headerLines(res, name) {
    const values = [];
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        if (res.rawHeaders[i].toLowerCase() === name)
            values.push(res.rawHeaders[i + 1].trim());
    }
    return values;
}
/**
 * Why Go's client refuses the answer's Transfer-Encoding, in its words, or undefined. Like nginx,
 * it takes exactly one header line saying `chunked` (in any case) on HTTP/1.1, and ignores the
 * header on HTTP/1.0 (net/http transfer.go, parseTransferEncoding); Node's parser would read
 * `identity`, `gzip` or an unknown coding up to the end of the connection instead, and undo the
 * chunking of an HTTP/1.0 body, which Go reads raw.
 */
function transferEncodingProblem(res) {
    const codings = headerLines(res, 'transfer-encoding');
    if (codings.length === 0)
        return undefined;
    if (res.httpVersionMajor < 1 || (res.httpVersionMajor === 1 && res.httpVersionMinor < 1)) {
        // Go reads such a body as it came, chunk framing and all, where Node would undo the framing.
        const chunked = codings.some(c => /chunked/i.test(c));
        return chunked
            ? 'HTTP/1.0 answer with Transfer-Encoding: chunked (Go reads the chunk framing as the body)'
            : undefined;
    }
    if (codings.length > 1) {
        return `too many transfer encodings: [${codings.map(quote).join(' ')}]`;
    }
    if (codings[0].toLowerCase() !== 'chunked') {
        return `unsupported transfer encoding: ${quote(codings[0])}`;
    }
    return undefined;
}
/**
 * Whether Go's client gunzips the body: it asks for gzip, and decodes when the first
 * Content-Encoding line is `gzip` in any case; any other coding is passed through as it came.
 */
function goGunzips(res) {
    return headerLines(res, 'content-encoding')[0]?.toLowerCase() === 'gzip';
}
/**
 * The Content-Encoding of an answer whose body Go reads still encoded (`br`, `deflate`, `x-gzip`,
 * `gzip, gzip`), for a reason to name when that body fails a check; undefined for none, `gzip`
 * (decoded) and `identity`.
 */
function undecodedEncoding(headers) {
    const coding = headers['content-encoding']?.trim();
    if (!coding || /^(gzip|identity)$/i.test(coding))
        return undefined;
    return coding;
}
/** Go's %q for the plain header values a server sends. */
function quote(value) {
    return JSON.stringify(value);
}


/***/ }),

/***/ 6046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createHttpGetter: () => (/* binding */ createHttpGetter)
});

// EXTERNAL MODULE: ./src/abort.ts
var abort = __webpack_require__(6885);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./script/lazy/actions-http-client.js
var actions_http_client = __webpack_require__(950);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
;// CONCATENATED MODULE: ./src/http/agents.ts



/**
 * Agents chosen by @actions/http-client when a proxy variable is set (so HTTPS_PROXY, HTTP_PROXY
 * and NO_PROXY work as in other actions), else the plain keep-alive agent it would hand out (see
 * agentSource), with two repairs. A client keeps one direct and one proxy agent, both made for the
 * protocol of the first URL it saw, so an https URL after an http one got an http agent: here
 * each protocol has its own client. And a proxy that never answers CONNECT would hold the
 * process open after every request gave up: `close` ends those CONNECT requests. Every https
 * agent, direct or tunnelled, speaks TLS as Go's client does and, with `ca`, verifies servers
 * against those CAs.
 */
function createAgents({ ca, goTls }) {
    const source = agentSource();
    const connects = new Set();
    const tracked = new WeakSet();
    // One context for every connection, built for the first https agent: building one from
    // hundreds of CAs takes tens of ms, which a run over plain http never needs.
    let secureContext;
    const contextOf = () => (secureContext ??= goContext(goTls, ca?.()));
    const speaksGo = new WeakSet();
    const speakGoTls = (agent) => {
        if (speaksGo.has(agent))
            return agent;
        speaksGo.add(agent);
        // Both https.Agent and the tunnel agents merge `options` into each tls.connect.
        const withOptions = agent;
        const { checkServerIdentity } = goTls;
        withOptions.options = {
            ...withOptions.options,
            secureContext: contextOf(),
            checkServerIdentity
        };
        return agent;
    };
    const track = (agent) => {
        if (tracked.has(agent) || !isTunnelAgent(agent))
            return agent;
        tracked.add(agent);
        const open = agent.request;
        agent.request = options => {
            const connect = open(options);
            connects.add(connect);
            connect.once('close', () => connects.delete(connect));
            return connect;
        };
        return agent;
    };
    return {
        agentFor: url => url.protocol === 'https:'
            ? speakGoTls(track(source.agentOf(url)))
            : track(source.agentOf(url)),
        close: () => {
            source.close();
            for (const connect of connects)
                connect.destroy();
        }
    };
}
/** Go's suites and key exchanges; `ca` in place of Node's defaults when given. */
function goContext({ ciphers, ecdhCurve }, ca) {
    const options = { ciphers, ecdhCurve, ...(ca && { ca }) };
    return process.getBuiltinModule('node:tls').createSecureContext(options);
}
const KEEP_ALIVE = { keepAlive: true };
/**
 * One HttpClient a protocol, made when a URL first needs a proxy, and one plain agent a protocol
 * for the URLs that need none.
 */
function agentSource() {
    const clients = new Map();
    const direct = new Map();
    return {
        agentOf: url => {
            if (proxyVariableFor(url)) {
                let client = clients.get(url.protocol);
                if (!client)
                    clients.set(url.protocol, (client = new actions_http_client.HttpClient(constants/* USER_AGENT */._O, [], KEEP_ALIVE)));
                return client.getAgent(url.href);
            }
            let agent = direct.get(url.protocol);
            if (!agent)
                direct.set(url.protocol, (agent = directAgent(url.protocol)));
            return agent;
        },
        close: () => {
            for (const client of clients.values())
                client.dispose();
            for (const agent of direct.values())
                agent.destroy();
        }
    };
}
/**
 * The variable @actions/http-client reads for a URL's proxy (lib/proxy.js getProxyUrl). Without
 * one it hands out a plain keep-alive agent, made here the same way: loading the client loads
 * https, tls and tunnel, ~10 ms of every start that a run over plain http never uses.
 */
function proxyVariableFor(url) {
    const env = process.env;
    return url.protocol === 'https:'
        ? env.https_proxy || env.HTTPS_PROXY
        : env.http_proxy || env.HTTP_PROXY;
}
/** The agent HttpClient makes when no proxy applies: keep-alive, no cap on sockets. */
function directAgent(protocol) {
    const options = { keepAlive: true, maxSockets: Infinity };
    return protocol === 'https:'
        ? new (process.getBuiltinModule('node:https').Agent)(options)
        : new external_node_http_.Agent(options);
}
function isTunnelAgent(agent) {
    return 'proxyOptions' in agent && typeof agent.request === 'function';
}

;// CONCATENATED MODULE: ./src/goenv/godebug.ts
// $GODEBUG as Go's runtime reads it (internal/godebug): `k=v,k2=v2`, a later setting overriding
// an earlier one, and a value's `#…` suffix (a bisect pattern) not part of it.
/** The value GODEBUG gives `name`, or undefined when it does not set it. */
function goDebugValue(godebug, name) {
    let value;
    for (const setting of (godebug ?? '').split(',')) {
        const eq = setting.indexOf('=');
        if (eq >= 0 && setting.slice(0, eq) === name)
            value = setting.slice(eq + 1).split('#')[0];
    }
    return value;
}

;// CONCATENATED MODULE: ./src/http/go-tls.ts

/** Go's TLS 1.2 client suites, in Go's order, by their OpenSSL names (ECDHE only). */
const ECDHE_SUITES = [
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-CHACHA20-POLY1305',
    'ECDHE-ECDSA-AES128-SHA',
    'ECDHE-RSA-AES128-SHA',
    'ECDHE-ECDSA-AES256-SHA',
    'ECDHE-RSA-AES256-SHA'
];
/** RSA key exchange, off since Go 1.22 unless GODEBUG=tlsrsakex=1. */
const RSA_KEX_SUITES = ['AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA'];
/** 3DES, off since Go 1.23 unless GODEBUG=tls3des=1 (with RSA key exchange only if that is on). */
const TDES_SUITE = 'ECDHE-RSA-DES-CBC3-SHA';
const RSA_TDES_SUITE = 'DES-CBC3-SHA';
/** Go's TLS 1.3 suites, which are Node's too; naming them keeps TLS 1.3 on. */
const TLS13_SUITES = [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256'
];
/**
 * The key exchanges Go offers that OpenSSL names everywhere (Go adds ML-KEM hybrids, which no
 * server requires). OpenSSL would also offer X448 and finite-field groups, which Go lacks.
 */
const GO_GROUPS = 'X25519:P-256:P-384:P-521';
/** Go's client TLS, with the GODEBUG settings of the job's environment that change it. */
function goTls(godebug) {
    const rsaKex = goDebugValue(godebug, 'tlsrsakex') === '1';
    const tdes = goDebugValue(godebug, 'tls3des') === '1';
    const suites = [
        ...ECDHE_SUITES,
        ...(rsaKex ? RSA_KEX_SUITES : []),
        ...(tdes ? [TDES_SUITE] : []),
        ...(tdes && rsaKex ? [RSA_TDES_SUITE] : [])
    ];
    const negativeSerials = goDebugValue(godebug, 'x509negativeserial') === '1';
    return {
        ciphers: [...TLS13_SUITES, ...suites].join(':'),
        ecdhCurve: GO_GROUPS,
        checkServerIdentity: (host, cert) => (negativeSerials ? undefined : negativeSerial(cert)) ??
            legacyCommonName(host, cert) ??
            process.getBuiltinModule('node:tls').checkServerIdentity(host, cert)
    };
}
/** Go refuses to parse a certificate with a negative serial number (since Go 1.23). */
function negativeSerial(leaf) {
    // The chain as verified, leaf first; a root is its own issuer.
    let cert = leaf;
    for (let depth = 0; cert && depth < 16; depth++) {
        if (cert.serialNumber?.startsWith('-')) {
            return tlsError('ERR_TLS_CERT_NEGATIVE_SERIAL', 'x509: negative serial number');
        }
        const issuer = cert
            .issuerCertificate;
        cert = issuer === cert ? undefined : issuer;
    }
    return undefined;
}
/**
 * Go matches a host only against the subject alternative names (since Go 1.15); Node falls back
 * to the Common Name when a certificate has none.
 */
function legacyCommonName(host, cert) {
    if (cert.subjectaltname !== undefined)
        return undefined;
    return cert.subject?.CN
        ? tlsError('ERR_TLS_CERT_LEGACY_CN', 'x509: certificate relies on legacy Common Name field, use SANs instead')
        : tlsError('ERR_TLS_CERT_ALTNAME_INVALID', `x509: certificate is not valid for any names, but wanted to match ${host}`);
}
function tlsError(code, message) {
    return Object.assign(new Error(message), { code });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/http/framing.ts
var framing = __webpack_require__(8222);
// EXTERNAL MODULE: ./src/http/types.ts
var types = __webpack_require__(5853);
;// CONCATENATED MODULE: ./src/http/body.ts




/**
 * Reads a response body, decoding gzip as Go's client does, and stops at `maxBytes` of decoded
 * data: a gzip bomb or an endless body costs at most the cap in memory. With `firstBytes`, reading stops once that many
 * bytes have come: enough to see what a body starts with (a short rest is read to keep the
 * connection, a long one closes it).
 * With `spoolTo`, the body goes to that file, and memory holds one chunk at a time.
 */
async function readBody(res, maxBytes, signal, firstBytes, spoolTo) {
    const gunzip = (0,framing/* goGunzips */.bw)(res);
    // pipeline, not pipe: when a reset or the deadline destroys the response, the decoder must end
    // too, or the loop below would wait for gzip data that never comes.
    const source = gunzip
        ? (0,external_node_stream_.pipeline)(res, process.getBuiltinModule('node:zlib').createGunzip(), () => undefined)
        : res;
    const chunks = [];
    let spool;
    let total = 0;
    let rawBytes = 0;
    if (gunzip)
        res.on('data', (chunk) => void (rawBytes += chunk.length));
    const cut = watchForReset(res);
    try {
        if (spoolTo !== undefined)
            spool = await (0,promises_.open)(spoolTo, 'w').catch(fail(spoolTo));
        for await (const chunk of source) {
            const buf = chunk;
            total += buf.length;
            if (total > maxBytes) {
                throw new types/* HttpError */.j$('too-large', `body larger than ${maxBytes} bytes`);
            }
            // Each chunk is written before the next is read, so the socket waits for the disk.
            if (spool && spoolTo !== undefined)
                await spool.write(buf).catch(fail(spoolTo));
            else
                chunks.push(buf);
            if (firstBytes !== undefined && total >= firstBytes) {
                if (restIsShort(res, total))
                    await drainRest(source);
                return Buffer.concat(chunks, total).subarray(0, firstBytes);
            }
        }
    }
    catch (err) {
        if (err instanceof types/* HttpError */.j$ || err instanceof types/* LocalError */.il || signal.aborted)
            throw err;
        const code = err.code ?? '';
        if (code.startsWith('Z_')) {
            // Go's gzip reader reads an empty body as empty; and an error answer is read for its words
            // at best, so what could not be decoded leaves its status alone.
            if (rawBytes === 0 && res.complete)
                return Buffer.alloc(0);
            if (res.statusCode !== 200)
                return Buffer.concat(chunks, total);
            throw new types/* HttpError */.j$('decode', 'invalid gzip body');
        }
        if (code === 'ECONNRESET' && !cut.reset())
            throw unexpectedEof(res, gunzip ? -1 : total);
        throw err;
    }
    finally {
        cut.dispose();
        res.destroy();
        source.destroy();
        await spool?.close().catch(() => undefined);
    }
    // A body cut short (the server closed early) must not pass as a complete answer.
    if (!res.complete)
        throw unexpectedEof(res, gunzip ? -1 : total);
    return spool ? Buffer.alloc(0) : Buffer.concat(chunks, total);
}
/**
 * Tells a connection the server reset (a socket error: Go's "connection reset by peer") from one
 * it closed before the body ended, which Node reports as a reset too (code ECONNRESET, message
 * "aborted") but Go as "unexpected EOF".
 */
function watchForReset(res) {
    const socket = res.socket;
    let reset = false;
    const note = () => void (reset = true);
    socket?.on('error', note);
    return { reset: () => reset, dispose: () => void socket?.off('error', note) };
}
/**
 * A body that ended early, in Go's words, with how much of its Content-Length came when that is
 * known (`read` is -1 for a decoded body, whose length is not the header's). Like a reset, it is
 * worth another attempt.
 */
function unexpectedEof(res, read) {
    const length = Number(res.headers['content-length']);
    const known = read >= 0 && Number.isSafeInteger(length) && read < length;
    const detail = known ? `: the body ended after ${read} of ${length} bytes` : '';
    return new types/* HttpError */.j$('reset', `unexpected EOF${detail}`);
}
const fail = (path) => (err) => {
    throw (0,types/* cannotWrite */.zz)(path, err);
};
/** What a body may still hold past its first bytes and be read to keep its connection. */
const SHORT_REST = 64 << 10;
/** How long a short rest may take; past it, the connection is closed instead. */
const DRAIN_MS = 1000;
function restIsShort(res, read) {
    const length = Number(res.headers['content-length']);
    return (Number.isSafeInteger(length) && length - read <= SHORT_REST && !res.headers['content-encoding']);
}
/**
 * Reads a short rest so the connection serves the next request, which costs less than a new one
 * (a TLS handshake, on a real proxy). Best effort: a rest that stalls or breaks off only costs
 * the connection, never the first bytes already read.
 */
async function drainRest(source) {
    const timer = setTimeout(() => source.destroy(), DRAIN_MS);
    try {
        for await (const _ of source)
            void _;
    }
    catch {
        // The connection is not kept; the answer stands.
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/http/errors.ts

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_OSSL_)/;
// The proxy tunnels of @actions/http-client (the `tunnel` package) report every failure of the
// forward proxy as ECONNRESET; only the message tells a 407 from an unreachable proxy.
const TUNNEL_STATUS = /^tunneling socket could not be established, statusCode=(\d+)$/;
const TUNNEL_CAUSE = /^tunneling socket could not be established, cause=(.*)$/s;
/** Maps Node's socket and parser errors to the failure kinds a verdict reason can explain. */
function classifyNetworkError(err) {
    const e = err;
    const code = e?.code ?? '';
    const tunnel = proxyFailure(String(e?.message ?? ''));
    if (tunnel)
        return { kind: 'proxy', message: tunnel };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
        return { kind: 'dns', message: `cannot resolve host (${code})` };
    }
    if (code === 'ECONNREFUSED')
        return { kind: 'refused', message: 'connection refused' };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
        return { kind: 'reset', message: `connection reset (${code})` };
    }
    if (TLS_CODES.test(code))
        return { kind: 'tls', message: `TLS error: ${tlsProblem(e.message)} (${code})` };
    if (code === 'EPROTO')
        return { kind: 'tls', message: `TLS error: ${handshakeProblem(e.message)}` };
    if (code === 'HPE_HEADER_OVERFLOW')
        return { kind: 'protocol', message: 'response headers too large' };
    if (code.startsWith('HPE_'))
        return { kind: 'protocol', message: `invalid HTTP response (${code})` };
    if (code === 'ERR_INVALID_URL')
        return { kind: 'protocol', message: 'invalid URL' };
    return { kind: 'reset', message: code ? `network error (${code})` : 'network error' };
}
/**
 * Node's TLS message up to its first ';': Node 24 appends advice on --use-system-ca, which an
 * action's user cannot act on (NODE_EXTRA_CA_CERTS is the documented way), and the same
 * certificate should read the same on every Node.
 */
function tlsProblem(message) {
    return message.split(';')[0].trim();
}
/**
 * OpenSSL's reason in an EPROTO message (`…:SSL routines:<function>:<reason>:<file>:…`). A server
 * that ends the handshake with a handshake_failure alert (40) most often found nothing in common
 * with the cipher suites and key exchanges offered, which are Go's (go-tls.ts).
 */
function handshakeProblem(message) {
    const reason = /:SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? 'handshake failed';
    // OpenSSL 3.0 (Node 20) names an alert by the version that defined it (`sslv3 alert handshake
    // failure`); OpenSSL 3.5 (Node 24, the runner's) by the protocol (`ssl/tls alert …`).
    const alert = /^(?:sslv3|tlsv1\d*|ssl\/tls) alert (.+)$/.exec(reason)?.[1];
    if (alert === undefined)
        return `${reason} (EPROTO)`;
    const why = alert === 'handshake failure'
        ? ': it accepts none of the cipher suites and key exchanges the go command offers,' +
            ' or wants a client certificate'
        : '';
    return `the server sent the alert "${alert}"${why} (EPROTO)`;
}
/** The forward proxy's failure worded for a reason, or undefined when `message` is not one. */
function proxyFailure(message) {
    const proxy = 'the proxy (HTTPS_PROXY/HTTP_PROXY)';
    const status = TUNNEL_STATUS.exec(message)?.[1];
    if (status)
        return `${proxy} answered CONNECT with ${status} ${external_node_http_.STATUS_CODES[status] ?? ''}`.trim();
    const cause = TUNNEL_CAUSE.exec(message)?.[1];
    if (cause)
        return `cannot reach ${proxy}: ${cause}`;
    if (message === 'got illegal response body from proxy')
        return `${proxy} sent data before opening the tunnel`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/http/phases.ts
function tracePhases(now = () => performance.now()) {
    const hops = [];
    return {
        watch(req) {
            const hop = { start: now() };
            hops.push(hop);
            req.once('socket', socket => {
                hop.socket = now();
                // An earlier request connected a kept-alive socket: this one has no DNS, connect or TLS.
                if (req.reusedSocket)
                    return;
                socket.once('lookup', () => (hop.lookup = now()));
                socket.once('connect', () => (hop.connect = now()));
                socket.once('secureConnect', () => (hop.secure = now()));
            });
            req.once('response', () => (hop.headers = now()));
        },
        phases(end) {
            const sums = {};
            const add = (phase, from, to) => {
                if (to !== undefined)
                    sums[phase] = (sums[phase] ?? 0) + Math.max(0, to - from);
            };
            for (const hop of hops) {
                // Node gives no "DNS started": the lookup starts as the request takes its new socket.
                add('dnsMs', hop.start, hop.lookup);
                add('connectMs', hop.lookup ?? hop.start, hop.connect);
                add('tlsMs', hop.connect ?? hop.socket ?? hop.start, hop.secure);
                add('firstByteMs', ready(hop), hop.headers);
            }
            const last = hops.at(-1);
            if (last?.headers !== undefined)
                add('transferMs', last.headers, end);
            return Object.fromEntries(Object.entries(sums).map(([phase, ms]) => [phase, Math.round(ms * 10) / 10]));
        }
    };
}
/** When the connection could carry the request: after TLS, TCP, or at once for a kept-alive one. */
function ready(hop) {
    return hop.secure ?? hop.connect ?? hop.socket ?? hop.start;
}

;// CONCATENATED MODULE: ./src/http/send.ts
// One GET on the wire, as net/http's Transport sends it for the go command: the headers it reads,
// the framing it refuses, and a request resent when a kept-alive connection turns out closed.




/**
 * The header block Go's client reads before it gives up (Transport.MaxResponseHeaderBytes'
 * default): Node's own 16 KiB would fail a proxy behind a gateway that adds large cookies.
 */
const GO_MAX_RESPONSE_HEADER_BYTES = 10 << 20;
/**
 * How many kept-alive connections in a row may turn out closed before the request fails: each
 * one is dropped from the pool, so a few are enough to reach a fresh connection.
 */
const MAX_STALE_CONNECTIONS = 8;
/** A request that failed on a reused connection before any byte of an answer came back. */
class StaleConnection extends Error {
    failure;
    constructor(failure) {
        super('kept-alive connection closed by the server');
        this.failure = failure;
    }
}
/**
 * Sends a GET and resolves with its answer's head. A GET that fails on a reused connection before
 * any answer (the server closed the idle connection as the request went out: its keep-alive
 * timeout racing ours) is sent again, as net/http resends a replayable request then; a fresh
 * connection failing is the server's failure.
 */
async function send(hop) {
    for (let stale = 0;; stale++) {
        try {
            return await sendOnce(hop);
        }
        catch (err) {
            if (!(err instanceof StaleConnection))
                throw err;
            if (stale + 1 >= MAX_STALE_CONNECTIONS)
                throw err.failure;
        }
    }
}
function sendOnce({ url, auth, agentFor, signal, trace, onConnected }) {
    const headers = { 'user-agent': constants/* USER_AGENT */._O, 'accept-encoding': 'gzip', ...auth };
    // https (and tls with it) is loaded for the first https URL: a run over plain http never is.
    const transport = url.protocol === 'https:' ? process.getBuiltinModule('node:https') : external_node_http_;
    return new Promise((resolve, reject) => {
        // A request still waiting for a socket (a proxy tunnel not yet open) emits no error when the
        // signal destroys it, so the abort itself must settle the promise.
        const abort = () => reject(signal.reason);
        if (signal.aborted)
            return abort();
        signal.addEventListener('abort', abort, { once: true });
        const settle = (fn) => (value) => {
            signal.removeEventListener('abort', abort);
            fn(value);
        };
        const req = transport.get(url, {
            headers,
            agent: agentFor(url),
            signal,
            maxHeaderSize: GO_MAX_RESPONSE_HEADER_BYTES
        });
        // Go limits the header block by its size alone; Node would also drop lines past 2000.
        req.maxHeadersCount = 0;
        trace.watch(req);
        if (onConnected)
            whenConnected(req, url.protocol === 'https:', onConnected);
        // Bytes the connection had read before this request: if none more came, the server sent no
        // byte of an answer (Go resends then, and only then).
        let readBefore;
        req.once('socket', socket => void (readBefore = socket.bytesRead));
        req.on('response', settle(acceptFraming(resolve, reject)));
        // A GET never asks to switch protocols: Go fails such an answer at once.
        req.on('upgrade', (res, socket) => {
            socket.destroy();
            settle(reject)(new types/* HttpError */.j$('protocol', `unexpected ${res.statusCode} ${res.statusMessage}`));
        });
        req.on('error', err => {
            const silent = readBefore !== undefined && req.socket?.bytesRead === readBefore;
            const stale = req.reusedSocket && silent && isConnectionDrop(err);
            settle(reject)(stale ? new StaleConnection(err) : err);
        });
    });
}
/** Resolves with an answer whose framing Go's client reads, else rejects in Go's words. */
function acceptFraming(resolve, reject) {
    return res => {
        const refused = (0,framing/* transferEncodingProblem */.iJ)(res);
        if (!refused)
            return resolve(res);
        // Go's client reads no byte of such a body; neither do we.
        res.destroy();
        reject(new types/* HttpError */.j$('protocol', refused));
    };
}
function isConnectionDrop(err) {
    const code = err.code;
    return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED';
}
function whenConnected(req, secure, connected) {
    let told = false;
    const tell = () => {
        if (!told)
            connected();
        told = true;
    };
    req.once('socket', socket => {
        if (req.reusedSocket)
            return tell();
        socket.once(secure ? 'secureConnect' : 'connect', tell);
    });
    // A tunnel through a proxy may hand over its socket already connected.
    req.once('response', tell);
}

// EXTERNAL MODULE: ./src/gostd/errors.ts
var errors = __webpack_require__(3180);
// EXTERNAL MODULE: ./src/gostd/url.ts
var gostd_url = __webpack_require__(6034);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
;// CONCATENATED MODULE: ./src/http/redirect.ts




/**
 * The go command's limit (net/http's default policy): a fetch makes at most 10 requests, so the
 * 10th redirect answer ends it with "stopped after 10 redirects" and 9 are followed at most.
 */
const MAX_REDIRECTS = 10;
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
/**
 * Where a redirect leads, checked as the go command checks it: the Location must be one Go's
 * url.Parse takes and must name a host, and a backslash is a character of the path, not a
 * slash. `secureChain`: the fetch began at an https URL, so no hop may lead to http (web/http.go
 * judges the chain by its first URL: http → https → http is followed).
 */
function nextLocation(from, location, count, secureChain) {
    // `count` redirects followed so far means count + 1 requests made: Go's len(via).
    if (count + 1 >= MAX_REDIRECTS) {
        throw new types/* HttpError */.j$('too-many-redirects', `stopped after ${MAX_REDIRECTS} redirects`);
    }
    const next = resolveLocation(from, location);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new types/* HttpError */.j$('bad-redirect', `refusing redirect to ${next.protocol} URL`);
    }
    if (secureChain && next.protocol === 'http:') {
        throw new types/* HttpError */.j$('insecure-redirect', `refusing redirect from https to insecure URL http://${next.host}${next.pathname}`);
    }
    next.username = '';
    next.password = '';
    return next;
}
function resolveLocation(from, location) {
    try {
        const parsed = (0,gostd_url/* parseGoUrl */.P)(location);
        if (/^https?$/i.test(parsed.scheme) && parsed.host === '') {
            throw new types/* HttpError */.j$('bad-redirect', 'http: no Host in request URL');
        }
        // Go escapes a backslash in the path (%5C); the WHATWG URL would read it as a slash.
        const cut = location.search(/[?#]/);
        const path = cut < 0 ? location : location.slice(0, cut);
        const escaped = path.replaceAll('\\', '%5C') + (cut < 0 ? '' : location.slice(cut));
        // `///h/x` has no host to Go (a path on the same host); the WHATWG URL would read `h` as one.
        const samePath = parsed.scheme === '' && parsed.host === '' && escaped.startsWith('//');
        return samePath ? new URL(from.origin + escaped) : new URL(escaped, from);
    }
    catch (err) {
        if (err instanceof types/* HttpError */.j$)
            throw err;
        const why = err instanceof errors/* GoEnvError */.O ? err.message : 'invalid URL';
        throw new types/* HttpError */.j$('bad-redirect', `failed to parse Location header ${(0,strings/* quote */.hD)(location)}: ${why}`);
    }
}
/**
 * Which hops of a fetch get its credentials, as net/http's Client decides:
 * - headers set on the first request (GOAUTH's, netrc's) go along while every hop's host name
 *   is the first URL's (any port; compared as Go compares it, case and all) or a subdomain of it;
 *   once a hop leaves, never again. (Go still copies a GOAUTH header other than Authorization or
 *   Cookie off the host; we do not.)
 * - Basic auth from the URL's user info belongs to the URL: a Location that is a path keeps it,
 *   one that names a scheme, host or user drops it (url.ResolveReference).
 */
class RedirectCredentials {
    headers;
    userInfo;
    headersStripped = false;
    userInfoKept = true;
    firstHost;
    hopHost;
    /** `url` as the fetch was asked (Go's view of its host). */
    constructor(url, headers, userInfo) {
        this.headers = headers;
        this.userInfo = userInfo;
        const parsed = (0,gostd_url/* tryParseGoUrl */.cT)(url);
        this.firstHost = parsed ? goHostname(parsed.host) : new URL(url).hostname;
        this.hopHost = this.firstHost;
    }
    /** The credential headers of the first request. */
    first() {
        return this.merged();
    }
    /** The credential headers of the next hop, led there by `location` (one nextLocation took). */
    next(location) {
        const ref = (0,gostd_url/* parseGoUrl */.P)(location);
        if (ref.host !== '')
            this.hopHost = goHostname(ref.host);
        if (!isDomainOrSubdomain(this.hopHost, this.firstHost))
            this.headersStripped = true;
        if (ref.scheme !== '' || ref.host !== '' || ref.user !== undefined)
            this.userInfoKept = false;
        return this.merged();
    }
    merged() {
        const headers = this.headersStripped ? {} : { ...this.headers };
        if (!headers.authorization && this.userInfoKept && this.userInfo) {
            headers.authorization = this.userInfo;
        }
        return Object.keys(headers).length > 0 ? headers : undefined;
    }
}
/**
 * A URL host without its port, as Go's idnaASCII leaves it: an ASCII name as written (Go compares
 * it case and all), any other in its lower-case punycode form.
 */
function goHostname(host) {
    const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
    // eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
    return /^[\x00-\x7f]*$/.test(name) ? name : new URL(`http://${name}`).hostname;
}
/** net/http's isDomainOrSubdomain: `sub` is `parent` or a name under it (not for IP literals). */
function isDomainOrSubdomain(sub, parent) {
    if (sub === parent)
        return true;
    if (/[:%]/.test(sub))
        return false;
    return sub.endsWith(`.${parent}`);
}

;// CONCATENATED MODULE: ./src/http/get.ts









/**
 * A GET with the go command's rules (at most 10 requests a fetch, never to http once a fetch
 * began at https, Transfer-Encoding only as Go's client takes it, Basic auth only over https)
 * plus what the go command lacks: one deadline over the whole attempt, so a server that dribbles
 * bytes cannot hold it, and a cap on the decoded body.
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured through @actions/http-client's agents (see
 * agents.ts).
 */
function createHttpGetter(options = {}) {
    let ca;
    let loading;
    const trustLoaded = () => (loading ??= Promise.resolve(options.trust?.()).then(list => void (ca = list)));
    const agents = createAgents({ ca: () => ca, goTls: goTls(options.godebug) });
    const get = request => fetchFollowing(request, agents.agentFor, trustLoaded);
    return { get, close: agents.close };
}
async function fetchFollowing(request, agentFor, trustLoaded) {
    // Before the request's clock starts: reading the trust store is not the server's time.
    if (/^https:/i.test(request.url))
        await trustLoaded();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const deadline = (0,abort/* deadlineSignal */.R)(request.signal, request.timeoutMs);
    const { signal } = deadline;
    let redirects = 0;
    const trace = tracePhases();
    try {
        const target = new URL(request.url);
        const credentials = fetchCredentials(target, request);
        const secureChain = target.protocol === 'https:';
        target.username = '';
        target.password = '';
        let current = target;
        let hopAuth = credentials.first();
        const { onConnected } = request;
        for (;;) {
            if (current.protocol === 'https:')
                await trustLoaded();
            const res = await send({ url: current, auth: hopAuth, agentFor, signal, trace, onConnected });
            const location = res.statusCode && isRedirect(res.statusCode) && res.headers.location;
            if (!location) {
                const headersMs = elapsed();
                const spoolTo = res.statusCode === 200 ? await request.spoolTo?.() : undefined;
                const firstBytes = res.statusCode === 200 ? request.firstBytes : errorTextBytes(request);
                const body = await readBody(res, request.maxBytes, signal, firstBytes, spoolTo);
                const timing = { headersMs, phases: trace.phases(performance.now()) };
                return response(res, body, timing, spoolTo);
            }
            // A redirect's body is never read: close it rather than drain what may never end.
            res.destroy();
            current = nextLocation(current, location, redirects++, secureChain);
            hopAuth = credentials.next(location);
        }
    }
    catch (err) {
        if (err instanceof types/* LocalError */.il)
            throw err;
        throw asHttpError(err, deadline.expired(), request);
    }
    finally {
        deadline.dispose();
    }
}
/** Enough of an error answer to quote its words, when only the first bytes of a 200 are read. */
const ERROR_TEXT_BYTES = 1024;
function errorTextBytes(request) {
    return request.firstBytes === undefined
        ? undefined
        : Math.max(request.firstBytes, ERROR_TEXT_BYTES);
}
/**
 * The fetch's credentials: GOAUTH's headers, and Basic auth from the URL's user info (used when
 * GOAUTH gives no Authorization). Like Basic auth, the headers go over https only; which hops of
 * a redirect get them is RedirectCredentials' rule.
 */
function fetchCredentials(url, request) {
    const headers = {};
    for (const [name, values] of Object.entries(request.headers ?? {})) {
        headers[name.toLowerCase()] = values;
    }
    const basic = basicAuthorization(url);
    if ((Object.keys(headers).length > 0 || basic) && url.protocol !== 'https:') {
        // The go command refuses this too: Basic auth over http would send the password in clear.
        throw new types/* HttpError */.j$('insecure-credentials', `refusing to pass credentials to insecure URL: ${url.protocol}//${url.host}${url.pathname}`);
    }
    return new RedirectCredentials(request.url, headers, basic);
}
function basicAuthorization(url) {
    if (!url.username)
        return undefined;
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return `Basic ${Buffer.from(user).toString('base64')}`;
}
function response(res, body, timing, bodyFile) {
    return {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        headers: res.headers,
        body,
        ...(bodyFile !== undefined && { bodyFile }),
        timing
    };
}
function asHttpError(err, expired, request) {
    if (err instanceof types/* HttpError */.j$)
        return err;
    if (expired) {
        return new types/* HttpError */.j$('timeout', `no complete answer within ${request.timeoutMs} ms`);
    }
    if (request.signal?.aborted)
        return new types/* HttpError */.j$('aborted', 'request cancelled');
    const { kind, message } = classifyNetworkError(err);
    return new types/* HttpError */.j$(kind, message);
}


/***/ }),

/***/ 1680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ judge),
  _: () => (/* binding */ namingEncoding)
});

// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
// EXTERNAL MODULE: ./src/http/framing.ts
var framing = __webpack_require__(8222);
// EXTERNAL MODULE: ./src/http/probe-errors.ts
var probe_errors = __webpack_require__(9980);
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
        return acceptNamingEncoding(res, accept);
    const transient = res.status === 429 || res.status >= 500;
    const retryAfter = res.status === 429 || res.status === 503
        ? parseRetryAfter(headerText(res.headers['retry-after']), now)
        : undefined;
    if (retryAfter && retryAfter.ms > timeoutMs)
        throw new probe_errors/* RateLimitError */.OE(retryAfter, res.status);
    throw new probe_errors/* ProbeError */.B2(`${res.status} ${statusText(res)}`, transient, res.status, retryAfter);
}
/**
 * `accept`, whose complaint about the content names a Content-Encoding Go leaves undecoded: the
 * check failed on the encoded bytes, which is why the go command fails too.
 */
async function acceptNamingEncoding(res, accept) {
    try {
        return await accept(res);
    }
    catch (err) {
        throw err instanceof probe_errors/* ContentError */.yg ? namingEncoding(err, res) : err;
    }
}
/** A complaint about `res`'s content, naming the Content-Encoding Go left undecoded, if any. */
function namingEncoding(err, res) {
    const coding = (0,framing/* undecodedEncoding */.dQ)(res.headers);
    if (!coding)
        return err;
    const hint = `served with Content-Encoding: ${coding}, which Go does not decode`;
    return new probe_errors/* ContentError */.yg(`${err.message} (${hint})`, err.status);
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** The status line plus, as the go command does, the first lines of a plain-text answer. */
function statusText(res) {
    const words = res.status === 404 || res.status === 410 ? 'not found' : 'error';
    const detail = isPlainText(res.contentType) ? errorDetail(res.body) : undefined;
    return detail ? `${words}: ${JSON.stringify(detail)}` : words;
}
// cmd/go/internal/web's limits on the server's words it quotes.
const MAX_DETAIL_LINES = 8;
const MAX_DETAIL_BYTES = MAX_DETAIL_LINES * 81;
/** text/plain in UTF-8 or a subset of it: the answers whose words the go command quotes. */
function isPlainText(contentType) {
    const [mediaType, ...params] = contentType.split(';').map(p => p.trim().toLowerCase());
    const charset = params.find(p => p.startsWith('charset='))?.slice('charset='.length) ?? '';
    return mediaType === 'text/plain' && ['', 'utf-8', 'us-ascii'].includes(charset.replace(/"/g, ''));
}
/** What of an error answer Go reads before judging it: at least 9 lines, or its first 4 KiB. */
const DETAIL_READ_BYTES = 4096;
/**
 * The words of an error answer as the go command quotes them (web.Response's formatErrorDetail):
 * its lines up to the first blank one, at most 8 and 648 bytes, each cut marked; nothing when
 * what Go read of it is not printable UTF-8.
 */
function errorDetail(body) {
    let end = -1;
    for (let line = 0; line <= MAX_DETAIL_LINES && end < body.length; line++) {
        const next = body.indexOf(0x0a, end + 1);
        end = next < 0 ? body.length : next;
    }
    const text = printableText(body.subarray(0, Math.max(end + 1, DETAIL_READ_BYTES)));
    if (text === undefined)
        return undefined;
    let detail = '';
    for (const [i, line] of text.split('\n').entries()) {
        if ((0,strings/* trimSpace */.Pd)(line) === '')
            break;
        if (i > 0)
            detail += '\n';
        if (i >= MAX_DETAIL_LINES)
            return `${detail}[Truncated: too many lines.]`;
        // Go counts the tab it writes after each line break, and bytes, not characters.
        const written = Buffer.byteLength(detail) + i;
        if (written + Buffer.byteLength(line) > MAX_DETAIL_BYTES)
            return `${detail}[Truncated: too long.]`;
        detail += line;
    }
    return detail || undefined;
}
/**
 * `bytes` as text when they are UTF-8 of graphic characters and white space only, else
 * undefined: like the go command, never quote binary (a zip served with a 206) or control codes.
 * A character cut at the end of the excerpt is dropped.
 */
function printableText(bytes) {
    let text;
    try {
        // A decoder of its own: `stream` holds a cut character back, and it is not to be kept. A
        // byte-order mark stays in the text, where Go sees it (and finds it not printable).
        const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
        text = decoder.decode(bytes, { stream: true });
    }
    catch {
        return undefined;
    }
    return (0,strings/* isGraphicOrSpace */.aQ)(text) ? text : undefined;
}


/***/ }),

/***/ 9980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ ProbeError),
/* harmony export */   OE: () => (/* binding */ RateLimitError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   vt: () => (/* binding */ isFailedRequest),
/* harmony export */   yg: () => (/* binding */ ContentError)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5853);

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
    if (err instanceof _types_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$)
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


/***/ }),

/***/ 1007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ probeReason)
/* harmony export */ });
/** One line naming the request and what was wrong with it. */
function probeReason(record) {
    return `GET ${record.url} → ${record.problem ?? `${record.status ?? ''} ok`.trim()}`;
}


/***/ }),

/***/ 915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ CandidateRequester)
});

// EXTERNAL MODULE: ./src/credentials/redact.ts
var redact = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/http/types.ts
var types = __webpack_require__(5853);
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

// EXTERNAL MODULE: ./src/http/probe-errors.ts
var probe_errors = __webpack_require__(9980);
// EXTERNAL MODULE: ./src/http/judge.ts + 1 modules
var judge = __webpack_require__(1680);
// EXTERNAL MODULE: ./src/resilience/breaker.ts + 1 modules
var breaker = __webpack_require__(1170);
;// CONCATENATED MODULE: ./src/http/trace.ts



/**
 * How a failed request is worded: the breaker refused it or stopped its retries; the candidate
 * was stopped before it was sent, or before its retry; else its own failure. When the breaker or
 * an abort cut the retries short, the last attempt's failure is what it met; a probe that never
 * got to send is named as such, not with its sibling's failure.
 */
function failure(trace, thrown, candidate) {
    const aborted = candidate.aborted;
    const byBreaker = thrown instanceof breaker/* BreakerOpenError */.x;
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
/**
 * The failure the request's own last attempt met, in words, whatever then stopped its retries
 * (undefined when it was never sent): unlike the record's problem, it does not depend on when the
 * breaker opened.
 */
function lastAttemptFailure(trace) {
    return trace.attempts > 0 && trace.error !== undefined
        ? describe(trace.error, undefined)
        : undefined;
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
    return (0,probe_errors/* isTransient */.dg)(trace.error) && !isTimeout(trace.error);
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
    return err instanceof types/* HttpError */.j$ && err.kind === 'timeout';
}
/** The failure in words; `stopped` says why the candidate's requests were cut short, if they were. */
function describe(err, stopped) {
    if (isTimeout(err))
        return `timed out: ${err.message}`;
    if (stopped && !(err instanceof probe_errors/* ProbeError */.B2))
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







const ignored = () => 'ignored';
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
     * the same request made again by a module's probes share one request and one record. An
     * advisory request is shared only with advisory ones, so which comes first never decides.
     */
    runShared(probe) {
        const key = probe.advisory ? `advisory ${probe.url}` : probe.url;
        let outcome = this.shared.get(key);
        if (!outcome) {
            outcome = probe.advisory ? this.advisoryOnce(probe) : this.run(probe);
            this.shared.set(key, outcome);
        }
        return outcome;
    }
    /** An advisory request, unless the same one asked for a build already has its answer. */
    async advisoryOnce(probe) {
        const asked = this.shared.get(probe.url);
        const answered = asked && (await asked);
        return answered?.ok ? answered : this.run(probe);
    }
    /** The same candidate's requests, every one advisory (see ProbeRequest.advisory). */
    advisory() {
        return {
            run: probe => this.run({ ...probe, advisory: true }),
            runShared: probe => this.runShared({ ...probe, advisory: true }),
            signal: this.signal
        };
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
            const value = await this.o.breaker.execute(admission => this.attempts(probe, trace, admission), this.abort.signal, probe.advisory ? ignored : probe_errors/* isFailedRequest */.vt);
            return { ok: true, value, record: this.record(probe, trace) };
        }
        catch (thrown) {
            // The runner's own failure (its disk) is no answer of the proxy's: it ends the run.
            if (thrown instanceof types/* LocalError */.il)
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
            // Go waits as long as it takes; an advisory request is not worth a second timeout.
            isTransient: (err) => (0,probe_errors/* isTransient */.dg)(err) && !(probe.advisory && isTimeout(err)),
            serverDelayMs: (err) => (err instanceof probe_errors/* ProbeError */.B2 ? err.retryAfter?.ms : undefined),
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
            return await (0,judge/* judge */.S)(trace.response, probe.accept, this.o.timeoutMs, this.o.clock.now());
        }
        catch (err) {
            trace.error = err;
            if (err instanceof probe_errors/* ProbeError */.B2 && err.retryAfter)
                trace.retryAfter = err.retryAfter;
            if (probe.url === this.firstContact?.url)
                this.firstContact.stumbled = true;
            // A timeout ends the candidate: no retry, and its other requests are cancelled; a rider's
            // only once the contact has settled, so that it never decides the contact's outcome. An
            // advisory request's ends only itself: which of its answers came first never decides.
            if (isTimeout(err) && !probe.advisory) {
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
        const notFound = err instanceof probe_errors/* ProbeError */.B2 && (err.status === 404 || err.status === 410);
        const badContent = err instanceof probe_errors/* ContentError */.yg;
        return { ok: false, record, notFound, badContent, lastFailure: lastAttemptFailure(trace) };
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


/***/ }),

/***/ 7850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   trustedCertificates: () => (/* binding */ trustedCertificates)
/* harmony export */ });
/* unused harmony exports goRootCertificates, pemCertificates */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// The certificate authorities to trust: Node's own (bundled, NODE_EXTRA_CA_CERTS), the system
// store where Node offers it, and the roots the go command reads on Linux and other Unix systems
// (crypto/x509 root_unix.go, root_linux.go): SSL_CERT_FILE and SSL_CERT_DIR or their defaults.

/** Go's default root files on Linux: the first one that reads is used. */
const LINUX_CERT_FILES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/pki/tls/cacert.pem',
    '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
    '/etc/ssl/cert.pem'
];
/** Go's default root directories on Linux: every file in each is read. */
const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];
/**
 * The PEM roots Go reads from files on this platform. SSL_CERT_FILE replaces the list of default
 * files and SSL_CERT_DIR (':'-separated) the default directories. macOS and Windows: none, as Go
 * asks the operating system there; other Unix systems: only what the two variables name (their
 * default lists are not Linux's).
 */
async function goRootCertificates(env, platform, files) {
    if (platform === 'darwin' || platform === 'win32')
        return [];
    const linux = platform === 'linux';
    const certFiles = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : linux ? LINUX_CERT_FILES : [];
    const certDirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':') : linux ? LINUX_CERT_DIRS : [];
    const roots = [];
    for (const file of certFiles) {
        const text = await readOrUndefined(files, file);
        if (text === undefined)
            continue;
        roots.push(...pemCertificates(text));
        break;
    }
    for (const dir of certDirs) {
        for (const name of await dirEntries(files, dir)) {
            roots.push(...pemCertificates((await readOrUndefined(files, `${dir}/${name}`)) ?? ''));
        }
    }
    return roots;
}
/**
 * The CA list for TLS connections: Node's defaults plus the system store and Go's roots, or
 * undefined when those add nothing (Node's defaults then apply unchanged). Giving a CA list
 * replaces Node's, so the list repeats Node's bundled roots and NODE_EXTRA_CA_CERTS.
 */
async function trustedCertificates(env, platform, files) {
    const added = [...systemCertificates(), ...(await goRootCertificates(env, platform, files))];
    if (added.length === 0)
        return undefined;
    const extraFile = env.NODE_EXTRA_CA_CERTS;
    const extra = extraFile ? pemCertificates((await readOrUndefined(files, extraFile)) ?? '') : [];
    const nodeDefaults = [...tlsModule().rootCertificates, ...nodeCertificates('default'), ...extra];
    const known = new Set(nodeDefaults.map(bodyOf));
    const fresh = added.filter(pem => {
        const body = bodyOf(pem);
        if (known.has(body))
            return false;
        known.add(body);
        return isCertificate(pem);
    });
    return [...new Set(nodeDefaults), ...fresh];
}
/** The CERTIFICATE blocks of PEM text (Go's AppendCertsFromPEM skips every other kind). */
function pemCertificates(text) {
    return text.match(/-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}
function nodeCertificates(store) {
    const list = tlsModule()
        .getCACertificates;
    try {
        return list?.(store) ?? [];
    }
    catch {
        return [];
    }
}
function systemCertificates() {
    return nodeCertificates('system');
}
// The base64 body, so the same certificate written with other line breaks is one entry.
function bodyOf(pem) {
    return pem.replace(/-----[^-]+-----|\s/g, '');
}
// Go's AppendCertsFromPEM skips a block that does not parse as a certificate.
function isCertificate(pem) {
    try {
        new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(pem);
        return true;
    }
    catch {
        return false;
    }
}
// Loaded when first asked: only https needs it, and it costs a run over plain http ~10 ms.
function tlsModule() {
    return process.getBuiltinModule('node:tls');
}
async function readOrUndefined(files, path) {
    try {
        return await files.readFile(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** os.ReadDir's names without symlinks to a name in the same directory (c_rehash's hash links). */
async function dirEntries(files, dir) {
    let entries;
    try {
        entries = await files.readdir(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
    const names = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isSymbolicLink()) {
            const target = await files.readlink(`${dir}/${entry.name}`).catch(() => '/');
            if (!target.includes('/'))
                continue;
        }
        names.push(entry.name);
    }
    return names;
}


/***/ }),

/***/ 5853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   il: () => (/* binding */ LocalError),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   zz: () => (/* binding */ cannotWrite)
/* harmony export */ });
/**
 * A failure on the runner itself, never the server's: writing a build's zip to its folder under
 * RUNNER_TEMP (a full or unwritable disk). It ends the run with its message instead of counting
 * against a proxy (no retry, no breaker, no verdict).
 */
class LocalError extends Error {
    name = 'LocalError';
}
/** Why writing to `path` on the runner failed, as a LocalError. */
function cannotWrite(path, err) {
    const reason = err.code ?? (err instanceof Error ? err.message : String(err));
    return new LocalError(`cannot write the build's zip to ${path}: ${reason}`);
}
/** A request that got no usable HTTP answer. `message` never contains credentials. */
class HttpError extends Error {
    kind;
    name = 'HttpError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}


/***/ }),

/***/ 9986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ settleVerdict),
/* harmony export */   h: () => (/* binding */ recordFinding)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2367);

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
    return _types_js__WEBPACK_IMPORTED_MODULE_0__/* .LEVELS */ .A_.indexOf(finding.level) * _types_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGES */ .an.length + _types_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGES */ .an.indexOf(finding.stage);
}
/**
 * Sets a report's verdict and reason from its findings: the one place a verdict is decided. The
 * findings are put in stage order, so the report reads the same however the stages interleaved.
 */
function settleVerdict(report) {
    report.findings.sort((a, b) => _types_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGES */ .an.indexOf(a.stage) - _types_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGES */ .an.indexOf(b.stage));
    const deciding = decidingFinding(report.findings);
    report.verdict = deciding?.level ?? 'healthy';
    report.reason = deciding?.reason ?? `${report.checksPassed} checks passed`;
}
/** Adds what a stage established; the verdict changes only when the run settles it. */
function recordFinding(report, finding) {
    report.findings.push(finding);
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

/***/ 1170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ BreakerOpenError),
  Z: () => (/* binding */ createBreaker)
});

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
    checkOptions(opts.threshold, opts.cooldownMs, windowSize, minimumCalls);
    return new CountBreaker({ ...opts, windowSize, minimumCalls }, clock, saved);
}
function checkOptions(threshold, cooldownMs, windowSize, minimumCalls) {
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
            // An aborted request proves nothing about the server, nor does one the caller ignores; an
            // answer such as a 404 is no outage.
            const counted = countsAsFailure(err);
            const ending = counted === 'ignored' ? 'aborted' : counted ? 'failed' : 'answered';
            this.settle(isTrial, signal?.aborted ? 'aborted' : ending);
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


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ createLimiter)
/* harmony export */ });
/* unused harmony export SlotTaken */
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6885);
// An overall concurrency cap. cockatiel's bulkhead is not used: a queued call whose signal aborts
// stays queued until a slot frees, and a cancelled call taken from the queue does not hand its
// slot on, which can leave the calls behind it waiting forever. Nor does it know idle calls.

/** The reason an idle call's `slotTaken` aborts. */
class SlotTaken extends Error {
    name = 'SlotTaken';
    constructor() {
        super('gave its request slot to a request that was due');
    }
}
/**
 * Runs at most `concurrency` calls at once; the rest wait in order of arrival, due calls before
 * idle ones. Idle calls leave a quarter of the slots to due ones, and a due call that still has
 * to wait takes the slot of the idle call that started last, once that one may give it away.
 */
function createLimiter(concurrency) {
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
        throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
    }
    const slots = new Slots(concurrency);
    return async (fn, { signal, idleUntil, giveableFrom } = {}) => {
        const call = { due: !idleUntil, giveable: !giveableFrom };
        const becomeDue = () => slots.becomeDue(call);
        void idleUntil?.then(becomeDue, becomeDue);
        const becomeGiveable = () => slots.becomeGiveable(call);
        void giveableFrom?.then(becomeGiveable, becomeGiveable);
        await slots.acquire(call, signal);
        try {
            return await fn(call.slot?.signal);
        }
        finally {
            slots.release(call);
        }
    };
}
class Slots {
    concurrency;
    running = 0;
    /** Slots idle calls leave free for due ones. */
    reserve;
    // Sets iterate in insertion order: first come, first served.
    inLine = new Set();
    idle = new Set();
    /** Idle calls running that may give their slot away. */
    giveable = new Set();
    /** Idle calls told to give their slot away whose slot has not come back yet. */
    givingWay = 0;
    handedOut = 0;
    constructor(concurrency) {
        this.concurrency = concurrency;
        this.reserve = Math.floor(concurrency / 4);
    }
    acquire(call, signal) {
        signal?.throwIfAborted();
        return new Promise((resolve, reject) => {
            const grant = () => {
                stopListening();
                this.started(call);
                resolve();
            };
            (call.due ? this.inLine : this.idle).add(grant);
            call.promote = () => {
                if (this.idle.delete(grant))
                    this.inLine.add(grant);
            };
            // Hundreds may wait on one candidate's signal: onAbort keeps that to one real listener.
            const stopListening = signal
                ? (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .onAbort */ .u)(signal, () => {
                    this.inLine.delete(grant);
                    this.idle.delete(grant);
                    reject(signal.reason);
                })
                : () => undefined;
            this.drain();
        });
    }
    becomeDue(call) {
        call.due = true;
        this.giveable.delete(call);
        call.promote?.();
        this.drain();
    }
    becomeGiveable(call) {
        call.giveable = true;
        if (call.due || !call.slot)
            return;
        this.giveable.add(call);
        // Once every call that became giveable with it is in the set, so the latest started goes.
        queueMicrotask(() => this.makeRoom());
    }
    release(call) {
        // Ended: it never gives a slot away again.
        call.slot = undefined;
        this.giveable.delete(call);
        if (call.gaveWay)
            this.givingWay--;
        this.running--;
        this.drain();
    }
    /** Starts waiting calls while slots are free: due ones first, idle ones outside the reserve. */
    drain() {
        while (this.running < this.concurrency) {
            const due = first(this.inLine);
            const next = due ?? (this.running < this.concurrency - this.reserve ? first(this.idle) : undefined);
            if (!next)
                break;
            this.inLine.delete(next);
            this.idle.delete(next);
            this.running++;
            next();
        }
        this.makeRoom();
    }
    started(call) {
        if (call.due)
            return;
        call.startedAs = this.handedOut++;
        call.slot = new AbortController();
        if (call.giveable)
            this.giveable.add(call);
    }
    /** One idle call gives its slot away for each due call in line, the latest started first. */
    makeRoom() {
        while (this.inLine.size > this.givingWay) {
            const victim = latestStarted(this.giveable);
            if (!victim)
                return;
            this.giveable.delete(victim);
            victim.gaveWay = true;
            this.givingWay++;
            victim.slot?.abort(new SlotTaken());
        }
    }
}
function first(set) {
    return set.values().next().value;
}
function latestStarted(calls) {
    let latest;
    for (const call of calls)
        if ((call.startedAs ?? 0) >= (latest?.startedAs ?? 0))
            latest = call;
    return latest;
}


/***/ }),

/***/ 6971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ planBreaker)
/* harmony export */ });
/* harmony import */ var _breaker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1170);

/**
 * A candidate's breaker as the plan asks, on the run's clock. It counts requests once their
 * retries are over, so a failure that a retry mends never trips it, while a candidate whose first
 * request fails every attempt is out at once: at most retries + 1 attempts.
 */
function planBreaker(plan, clock, saved) {
    return (0,_breaker_js__WEBPACK_IMPORTED_MODULE_0__/* .createBreaker */ .Z)({ ...plan.breaker, minimumCalls: 1, windowSize: BREAKER_WINDOW }, clock, saved);
}
/** Requests the failure ratio is taken over. */
const BREAKER_WINDOW = 10;


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

/***/ 7164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ walkedModules),
/* harmony export */   C: () => (/* binding */ buildResult)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5676);

// A zip the build never fetches says nothing of its module when the .mod is served.
const OUTCOME_RANK = [
    'unresolved',
    'direct',
    'private',
    'served',
    'not-fetched'
];
/** The module versions at least one of whose files was walked: not only lines no build fetches. */
function walkedModules(build) {
    // A go.mod query is no module version of the build: only what it resolves to is.
    return build.modules.filter(m => m.files.some(f => f.outcome !== 'not-fetched' && f.file !== 'query'));
}
function buildResult(walks, head, toolchains, { found, queried }, answered) {
    const byModule = new Map();
    for (const walk of walks) {
        const key = `${walk.module.path}@${walk.module.version}`;
        byModule.set(key, [...(byModule.get(key) ?? []), walk]);
    }
    const modules = [...byModule.values()].map(files => moduleResult(files, head));
    const built = modules.map(m => m.module);
    return {
        found,
        queried,
        modules,
        tallies: tallies(built, answered),
        contradicted: contradictions(built, answered),
        unresolved: modules.filter(m => m.outcome === 'unresolved'),
        toolchains
    };
}
function moduleResult(files, head) {
    const worst = files.reduce((a, b) => OUTCOME_RANK.indexOf(b.outcome) < OUTCOME_RANK.indexOf(a.outcome) ? b : a);
    const zip = files.find(f => f.file === 'zip' && f.outcome !== 'not-fetched');
    const servedBy = (zip ?? files[0]).servedBy;
    const laterEntry = files.some(f => f.servedBy && head && f.servedBy.id !== head.id);
    return { module: files[0].module, outcome: worst.outcome, servedBy, laterEntry, files };
}
/** Per candidate, each module version of the build counted once by its worst answer. */
function tallies(modules, answered) {
    const rank = ['contradicts', 'failed', 'missing', 'unverified', 'served'];
    return answered
        .map(({ candidate, answers }) => {
        const counts = { serves: 0, lacks: 0, contradicts: 0, fails: 0 };
        const name = {
            served: 'serves',
            missing: 'lacks',
            contradicts: 'contradicts',
            failed: 'fails',
            // It served the file; the checksum database could not vouch for it.
            unverified: 'serves'
        };
        for (const module of modules) {
            const kinds = FILES.map(file => answers[(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .answerKey */ .q)(module, file)]?.kind).filter((k) => k !== undefined);
            if (kinds.length === 0)
                continue;
            const worst = kinds.reduce((a, b) => (rank.indexOf(b) < rank.indexOf(a) ? b : a));
            counts[name[worst]]++;
        }
        return { candidate, ...counts };
    })
        .filter(t => t.serves + t.lacks + t.contradicts + t.fails > 0);
}
const FILES = ['query', 'mod', 'info', 'zip'];
function contradictions(modules, answered) {
    return modules.flatMap(module => FILES.flatMap(file => answered.flatMap(({ candidate, answers }) => {
        const answer = answers[(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .answerKey */ .q)(module, file)];
        return answer?.kind === 'contradicts'
            ? [{ module, file, candidate, problem: answer.problem ?? 'contradicts go.sum' }]
            : [];
    })));
}


/***/ }),

/***/ 7562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dj: () => (/* binding */ toolchainUnverified),
/* harmony export */   sR: () => (/* binding */ walkToolchains),
/* harmony export */   sm: () => (/* binding */ toolchainSumdbOff),
/* harmony export */   vM: () => (/* binding */ contradictions),
/* harmony export */   w$: () => (/* binding */ toolchainWarning)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6566);
/* harmony import */ var _goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2057);



/**
 * Walks each toolchain module along the chain as `GOTOOLCHAIN=auto` fetches it: the zip alone
 * (modfetch Download asks a proxy for no .info or .mod of it), seen to be served, or downloaded
 * and hashed against the checksum database's record with `checks: full`. It is asked at every
 * level of `checks`: a zip-only mirror (a module cache served as a GOPROXY) holds nothing else.
 */
function walkToolchains(toolchains, records, chain, ask, checks, sumdbOff) {
    const needed = toolchains.filter((t) => !!t.module);
    return Promise.all(needed.map(async (need) => {
        const record = records.find(r => r.path === need.module.path && r.version === need.module.version);
        const module = {
            ...need.module,
            modHash: record?.modHash,
            zipHash: record?.zipHash
        };
        const files = [await (0,_walk_js__WEBPACK_IMPORTED_MODULE_1__/* .walkFile */ .cG)(module, 'zip', chain, ask)];
        const proved = checks === 'full' && files[0].outcome === 'served' && !!record?.zipHash;
        return { need, module, proved, files, outcome: worst(files), sumdbOff };
    }));
}
function worst(files) {
    if (files.some(f => f.outcome === 'unresolved'))
        return 'unresolved';
    return files.some(f => f.outcome === 'direct') ? 'direct' : 'served';
}
/**
 * Whether GOSUMDB=off keeps the go command from switching to a toolchain along `chain`: it looks
 * every toolchain up in the database (modfetch useSumDB), but for a GOPROXY that is a single
 * `file://` URL (how Go tests a distpack).
 */
function toolchainSumdbOff(gosumdbOff, chain) {
    const entry = chain.length === 1 ? chain[0].candidate.entry : undefined;
    return gosumdbOff && !(entry?.kind === 'file' && (0,_goenv_proxylist_js__WEBPACK_IMPORTED_MODULE_2__/* .entryText */ .u0)(entry).startsWith('file://'));
}
/** The toolchain walks that break the chain: only content that contradicts the database does. */
function contradictions(results) {
    return results.flatMap(r => r.files.filter(f => f.asked.at(-1)?.answer.kind === 'contradicts'));
}
/** The answer of a served toolchain the checksum database cannot vouch for, if so. */
function toolchainUnverified(result) {
    return result.files.flatMap(f => f.asked.map(a => a.answer)).find(a => a.kind === 'unverified');
}
/**
 * What a missing toolchain, or one Go cannot verify, means for the build: a warning, since the Go
 * installed may do.
 */
function toolchainWarning(result) {
    const { name } = result.need;
    if (result.outcome === 'served' && result.sumdbOff) {
        return (`${subject(result)} is served, but GOSUMDB is off, and the go command verifies every toolchain it downloads against the checksum database. ` +
            `${switching(result, '"checksum database disabled by GOSUMDB=off"')} Install ${name} on the runner (actions/setup-go) or set a GOSUMDB.`);
    }
    if (result.outcome !== 'unresolved')
        return undefined;
    const unverified = toolchainUnverified(result);
    if (unverified) {
        return (`${subject(result)} is served, but ${unverified.problem ?? 'the checksum database cannot vouch for it'}. ` +
            `${switching(result, 'it verifies every toolchain against the checksum database')} Install ${name} on the runner (actions/setup-go).`);
    }
    const said = result.files
        .flatMap(f => f.asked.map(a => `${a.candidate.display} .${f.file}: ${a.answer.problem ?? a.answer.kind}`))
        .join('; ');
    // Go says "toolchain not available" only when every entry lacks it; else the download fails
    // with an error that is not "not found" (modfetch.TryProxies ranks those above it).
    const failed = result.files.some(f => f.asked.some(a => !a.outsideChain && a.answer.kind === 'failed'));
    const failure = failed ? 'its download fails' : '"toolchain not available"';
    return (`${subject(result)} does not resolve through the chain${said ? ` (${said})` : ''}. ` +
        `${switching(result, failure)} Install ${name} on the runner (actions/setup-go) or serve golang.org/toolchain through the proxy.`);
}
/** The toolchain module, and what asks for it. */
function subject({ module, need }) {
    const asker = need.from === 'GOTOOLCHAIN' ? 'GOTOOLCHAIN names' : `${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(need.file)} asks for`;
    return `${module.path}@${module.version} (the ${need.name} toolchain ${asker})`;
}
/** Which go commands switch to the toolchain, and so fail with `failure`. */
function switching({ need }, failure) {
    const { name } = need;
    if (need.from === 'GOTOOLCHAIN')
        return `Every go command but ${name} itself switches to it, and will fail to (${failure}).`;
    return `With GOTOOLCHAIN=auto, a go command older than ${name} will fail to switch (${failure}); one at ${name} or newer builds as is.`;
}


/***/ }),

/***/ 5676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ placeOf),
/* harmony export */   q: () => (/* binding */ answerKey)
/* harmony export */ });
/**
 * `file:line` of the go.sum line a walk is for: a .info's is its zip's ("go.mod" for the
 * toolchain, which has none).
 */
function placeOf(walk) {
    const { modAt, zipAt } = walk.module;
    const at = (walk.file === 'mod' ? modAt : zipAt) ?? modAt ?? zipAt;
    return at ? `${at.file}:${at.line}` : 'go.mod';
}
/** `path@version mod|info|zip`: how a candidate's answer for one file is filed. */
function answerKey(module, file) {
    return `${module.path}@${module.version} ${file}`;
}


/***/ }),

/***/ 6566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nC: () => (/* binding */ explainUnresolved),
  gN: () => (/* binding */ walkBuild),
  cG: () => (/* binding */ walkFile)
});

// EXTERNAL MODULE: ./src/build/requires.ts
var requires = __webpack_require__(4322);
// EXTERNAL MODULE: ./src/xmod/semver.ts
var semver = __webpack_require__(1090);
;// CONCATENATED MODULE: ./src/walk/mod-graph.ts
// The go.mod files of the build that Go loads, found as modload's readModGraph finds them: from
// each root (a requirement of the main module), and below any module whose go.mod is older than
// 1.17 (or below every root, when the main module's is) every requirement, transitively; a
// requirement of a version the main module excludes is dropped. A workspace's graph starts from
// each of its modules, and is loaded again from selected versions (see loadWorkspace). Each file
// is walked along the chain as it is reached; what a served go.mod requires (recorded with its
// answer) leads on.


/**
 * The walks of every go.mod line of the build, and of each go.mod the graph loads that no line
 * names: those Go loads, walked along the chain; the others `not-fetched`. Every go.mod line is walked instead, as when no graph can be followed, where the
 * graph is not known here: a loaded go.mod that cannot be read (fetched from version control,
 * private), or a pruned go.mod whose roots are not what minimal version selection picks (an
 * untidy go.mod: Go then loads the graph again from other versions).
 */
async function walkModGraphs(graphs, modules, walkMod) {
    const withMod = modules.filter(m => m.modHash !== undefined);
    // A module with only a zip line is the same module when the graph loads its go.mod.
    const listed = new Map(modules.map(m => [keyOf(m), m]));
    const unlisted = new Map();
    const moduleOf = (m) => {
        const key = keyOf(m);
        let module = listed.get(key) ?? unlisted.get(key);
        if (!module)
            unlisted.set(key, (module = { path: m.path, version: m.version }));
        return module;
    };
    const walks = new Map();
    const walk = (module) => {
        let started = walks.get(keyOf(module));
        if (!started)
            walks.set(keyOf(module), (started = walkMod(module)));
        return started;
    };
    const followed = await Promise.all(graphs.map(graph => followGraph(graph, moduleOf, walk)));
    if (followed.some(f => f === undefined)) {
        return { walks: await Promise.all(withMod.map(walk)), unlisted: [] };
    }
    // Below a go.mod that resolves nowhere (the step fails on it) nothing was loaded: the selection
    // is then of what was, and only decides which other lines go unasked.
    const selected = new Set(followed.flatMap(f => f ?? []));
    // go mod download fetches the .mod of each module of the build list, loaded or not.
    for (const key of selected)
        void walk(moduleOf(parseKey(key)));
    // Every go.mod line, and each go.mod the graph loaded with no line (a zip line's, or none).
    const lines = [...modules, ...unlisted.values()];
    const all = lines
        .filter(m => m.modHash !== undefined || walks.has(keyOf(m)))
        .map(module => walks.get(keyOf(module)) ?? {
        module,
        file: 'mod',
        outcome: 'not-fetched',
        asked: []
    });
    return { walks: await Promise.all(all), selected, unlisted: [...unlisted.values()] };
}
function startLoading(graph, moduleOf, walk) {
    const loaded = new Set();
    /** A module's go.mod as Go reads it: from disk when replaced by a directory, else as served. */
    const goModOf = async (m) => {
        const to = (0,requires/* replaced */.$3)(m, graph.replacements);
        if ('directory' in to) {
            if (to.goMod === undefined)
                state.followed = false;
            return to.goMod;
        }
        const result = await walk(moduleOf(to));
        const goMod = result.asked.find(a => a.candidate.id === result.servedBy?.id)?.answer.goMod;
        // Resolving nowhere, it fails the step, and the go command stops at it too: what only it
        // would lead to stays unasked. Served but unread, the graph below is unknown.
        if (goMod === undefined && result.outcome !== 'unresolved')
            state.followed = false;
        return goMod;
    };
    const state = {
        required: [...graph.roots],
        requiredBy: new Map(),
        followed: true,
        load: async (m, pruning) => {
            if (loaded.has(`${keyOf(m)} ${pruning}`))
                return;
            loaded.add(`${keyOf(m)} ${pruning}`);
            const goMod = await goModOf(m);
            if (goMod === undefined)
                return;
            const requires = goMod.requires.filter(r => !graph.excluded.has(r)).map(parseKey);
            state.required.push(...requires);
            state.requiredBy.set(keyOf(m), requires);
            if (pruning === 'pruned' && goMod.pruned)
                return;
            const next = pruning === 'unpruned' || !goMod.pruned ? 'unpruned' : 'pruned';
            await Promise.all(requires.map(r => state.load(r, next)));
        }
    };
    return state;
}
/**
 * Loads one graph from its roots, walking each go.mod it reaches; undefined when the graph cannot
 * be followed, else the modules whose zips go mod download fetches (see GraphWalk.selected).
 */
async function followGraph(graph, moduleOf, walk) {
    const loading = startLoading(graph, moduleOf, walk);
    if (graph.workspace)
        await loadWorkspace(graph.workspace, loading);
    else
        await Promise.all(graph.roots.map(r => loading.load(r, graph.unpruned ? 'unpruned' : 'pruned')));
    const selected = selectedVersions(loading.required);
    // Unpruned or a workspace, the whole graph is loaded whatever the roots say; pruned, Go
    // reloads it from other versions when they are not the ones selected.
    const pruned = !graph.unpruned && !graph.workspace;
    if (!loading.followed || (pruned && !rootsSelected(graph.roots, selected)))
        return undefined;
    // Pruned, go mod download fetches the zips of the selected versions of the roots' paths.
    // A main or workspace module is selected over any version of it a dependency requires (whose
    // go.mod Go still loads): it is on disk, nothing is fetched; nor for a directory replacement.
    const mains = new Set(graph.workspace?.map(m => m.path) ?? [graph.main]);
    const ofRoots = graph.roots.map(r => ({
        path: r.path,
        version: selected.get(r.path) ?? r.version
    }));
    const buildList = [...selected]
        .filter(([path]) => !mains.has(path))
        .map(([path, version]) => ({ path, version }));
    // Without a go line: go mod download's zips of the roots' paths, and those a -mod=mod build
    // may fetch for its packages, which go.sum lists (an old go.sum keeps the zips built from).
    const fetched = pruned
        ? ofRoots
        : graph.noGoLine
            ? [...ofRoots, ...buildList.filter(m => moduleOf(m).zipHash !== undefined)]
            : buildList;
    return fetched.flatMap(m => {
        const to = (0,requires/* replaced */.$3)(m, graph.replacements);
        return 'directory' in to ? [] : [keyOf(to)];
    });
}
/**
 * A workspace's graph (readModGraph at workspace pruning): each module's requirements, loaded as
 * its go.mod prunes; then, over and over, the selected version of each module the workspace
 * depends on where it is higher than required, with all its requirements, until none is left.
 */
async function loadWorkspace(mains, loading) {
    const mainPaths = new Set(mains.map(m => m.path));
    for (const m of mains)
        loading.requiredBy.set(keyOf({ path: m.path, version: '' }), m.requires);
    loading.required.push(...mains.flatMap(m => m.requires));
    await Promise.all(mains.flatMap(m => m.requires.map(r => loading.load(r, m.unpruned ? 'unpruned' : 'pruned'))));
    const seen = new Set(mains.map(m => keyOf({ path: m.path, version: '' })));
    const depending = new Set(mainPaths);
    for (;;) {
        const selected = selectedVersions(loading.required);
        const at = (path) => ({
            path,
            version: mainPaths.has(path) ? '' : (selected.get(path) ?? '')
        });
        const reload = new Set();
        for (const path of depending) {
            const m = keyOf(at(path));
            if (!seen.has(m))
                reload.add(m);
            else {
                for (const r of loading.requiredBy.get(m) ?? []) {
                    const s = at(r.path);
                    if ((0,semver/* compare */.UD)(s.version, r.version) > 0 && !seen.has(keyOf(s)))
                        reload.add(keyOf(s));
                }
            }
        }
        if (reload.size === 0)
            return;
        const versions = [...reload].map(parseKey);
        for (const v of versions) {
            seen.add(keyOf(v));
            depending.add(v.path);
        }
        await Promise.all(versions.map(v => loading.load(v, 'workspace')));
    }
}
/** The version minimal version selection picks for each path: the highest required. */
function selectedVersions(required) {
    const highest = new Map();
    for (const { path, version } of required) {
        const known = highest.get(path);
        if (known === undefined || (0,semver/* compare */.UD)(version, known) > 0)
            highest.set(path, version);
    }
    return highest;
}
/** Whether each root is the version minimal version selection picks for its path (once each). */
function rootsSelected(roots, selected) {
    const paths = new Set(roots.map(r => r.path));
    return paths.size === roots.length && roots.every(r => selected.get(r.path) === r.version);
}
function keyOf(m) {
    return `${m.path}@${m.version}`;
}
function parseKey(key) {
    const at = key.lastIndexOf('@');
    return { path: key.slice(0, at), version: key.slice(at + 1) };
}

// EXTERNAL MODULE: ./src/goenv/patterns.ts
var patterns = __webpack_require__(4130);
// EXTERNAL MODULE: ./src/goenv/proxylist.ts
var proxylist = __webpack_require__(2057);
// EXTERNAL MODULE: ./src/probe/types.ts
var types = __webpack_require__(2367);
// EXTERNAL MODULE: ./src/resilience/limiter.ts
var limiter = __webpack_require__(361);
;// CONCATENATED MODULE: ./src/walk/walk.ts






/**
 * Walks every file of the build along `chain` (the entries to export, in order) side by side; the
 * requests share the run's concurrency limit. Not asked: files of GONOPROXY modules (private),
 * zips no build fetches, go.mod files outside the module graph Go loads (not-fetched), and with
 * `checks: quick` any zip. The .info of every module whose zip is fetched is asked too, and what
 * resolves each version a main go.mod spells as a query.
 */
async function walkBuild(plan, build, chain, ask) {
    const walkOne = fileWalker(plan, chain, ask);
    if (build.queried.length > 0)
        return walkResolvingQueries(plan, build, chain, ask, walkOne);
    const download = downloadWalker(plan, walkOne);
    const { modules } = build;
    // With no entry to ask, no go.mod tells the graph: every line is unresolved, none not-fetched.
    const modGraphs = chain.length > 0 ? build.modGraphs : undefined;
    // Started in go.sum order, each module's .mod (when the graph starts from it) beside its zip:
    // the files of a module that a proxy lacks go on to the next entry together. A zip fetched only
    // when the build list has its version waits for the graph to tell.
    const roots = rootsOf(modGraphs);
    const started = new Map();
    const zips = [];
    const whenSelected = [];
    for (const m of modules) {
        if (m.modHash && (!roots || roots.has(`${m.path}@${m.version}`)))
            started.set(m, walkOne(m, 'mod'));
        if (!m.zipHash)
            continue;
        if (m.zipFetched === 'when-selected')
            whenSelected.push(m);
        else
            zips.push(...download(m, m.zipFetched !== false));
    }
    const walkMod = (m) => started.get(m) ?? walkOne(m, 'mod');
    const mods = modGraphs
        ? walkModGraphs(modGraphs, modules, walkMod)
        : Promise.all([...started.values()]).then(walks => ({ walks, unlisted: [] }));
    const selected = mods.then(graph => walkSelectedDownloads(graph, modules, whenSelected, download));
    const [graph, early, late] = await Promise.all([mods, Promise.all(zips), selected]);
    return inModuleOrder([...modules, ...graph.unlisted], [...graph.walks, ...early, ...late]);
}
/**
 * A build whose go.mod spells versions as queries: what Go asks to resolve each, then the build as
 * Go reads it once it has rewritten go.mod with the versions they resolve to (graphs followed
 * from those). While one does not resolve, the walk ends there, as the go command does.
 */
async function walkResolvingQueries(plan, build, chain, ask, walkOne) {
    const queries = build.queried.map(({ path, version, file, line }) => ({
        path,
        version,
        modAt: { file, line }
    }));
    const asked = await Promise.all(queries.map(m => walkOne(m, 'query')));
    const resolved = new Map();
    for (const walk of asked) {
        const version = walk.asked.find(a => a.candidate === walk.servedBy)?.answer.resolved;
        if (version)
            resolved.set(`${walk.module.path} ${walk.module.version}`, version);
    }
    // Go stops at a query it cannot resolve ("errors parsing go.mod"): nothing else is fetched.
    if (!asked.every(w => w.outcome === 'served'))
        return asked;
    const files = await build.withResolved(resolved);
    // Walked once: a query the rewrite could not take leaves its go.mod's lines all counting.
    const rest = await walkBuild(plan, { ...build, ...files, queried: [] }, chain, ask);
    return [...asked, ...rest];
}
/**
 * Files walked at once, per request slot. Each walk waits in the request queue with its retry,
 * breaker and abort bookkeeping: started all at once, a build of 5,000 modules queued 15,000 of
 * them, and memory grew with the build. A few per slot keep every slot busy.
 */
const WALKS_PER_SLOT = 4;
/** One file of the build: private (never asked of a proxy), not fetched, or walked. */
function fileWalker(plan, chain, ask) {
    const admit = (0,limiter/* createLimiter */.z)(WALKS_PER_SLOT * plan.concurrency);
    return async (module, file, fetched = true) => {
        if ((0,patterns/* matchPrefixPatterns */.J8)(plan.patterns.gonoproxy, module.path)) {
            return { module, file, outcome: 'private', asked: [] };
        }
        if (!fetched)
            return { module, file, outcome: 'not-fetched', asked: [] };
        return admit(() => walkFile(module, file, chain, ask));
    };
}
/**
 * What `go mod download` fetches of a module besides its .mod: the .info (DownloadModule reads it
 * first; no go.sum line names it) and the zip, which `checks: quick` leaves out.
 */
function downloadWalker(plan, walkOne) {
    return (m, fetched) => {
        if (!fetched)
            return plan.checks === 'quick' ? [] : [walkOne(m, 'zip', false)];
        const info = walkOne(m, 'info');
        return plan.checks === 'quick' ? [info] : [info, walkOne(m, 'zip')];
    };
}
/**
 * The zips (and .info files) the graph decides on: of a version the build list has, and of a
 * module of the build list that go.sum has no zip line for (go mod download fetches it all the
 * same, and checks it against the checksum database, having no line to check it against).
 */
function walkSelectedDownloads(graph, modules, whenSelected, download) {
    const { selected } = graph;
    const isSelected = (m) => !selected || selected.has(`${m.path}@${m.version}`);
    const zipless = selected
        ? [...modules, ...graph.unlisted].filter(m => !m.zipHash && isSelected(m))
        : [];
    return Promise.all([
        ...whenSelected.flatMap(m => download(m, isSelected(m))),
        ...zipless.flatMap(m => download(m, true))
    ]);
}
/** In go.sum order (then the modules no line names), each module's .mod, .info, then zip. */
function inModuleOrder(modules, walks) {
    const byModule = new Map(modules.map(m => [m, []]));
    for (const walk of walks)
        byModule.get(walk.module)?.push(walk);
    return [...byModule.values()].flat();
}
/** The go.mod lines the module graphs start from (after replacement); undefined: no graph. */
function rootsOf(graphs) {
    if (!graphs)
        return undefined;
    return new Set(graphs.flatMap(g => g.roots.flatMap(r => {
        const to = (0,requires/* replaced */.$3)(r, g.replacements);
        return 'directory' in to ? [] : [`${to.path}@${to.version}`];
    })));
}
/**
 * One file along the chain, as the go command's TryProxies goes: the first entry that serves it
 * ends the walk; a 404/410 moves on; any other failure moves on only across `|`, and not even
 * there when Go would stop at it (no answer in time, a bad zip: `stopsGo`); `direct` hands it
 * to version control and `off` ends the walk. Content that contradicts go.sum ends it too: the go
 * command would stop with a checksum mismatch; so does a file the checksum database cannot vouch
 * for, blaming no entry.
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
        // The database cannot vouch for it: Go fails it whichever entry serves it, `direct` too.
        if (answer.kind === 'unverified')
            return { module, file, outcome: 'unresolved', asked };
        if (answer.kind === 'failed' && (!entry.fallBackOnError || answer.stopsGo)) {
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
    const usable = reports.filter(r => (0,types/* isUsable */.Ng)(r.verdict) && (0,proxylist/* isProxyEntry */.l_)(r.candidate.entry));
    const unresolved = walks.filter(w => w.outcome === 'unresolved');
    await Promise.all(unresolved.map(async (walk) => {
        const unasked = usable.filter(r => !walk.asked.some(a => a.candidate.id === r.candidate.id));
        const answers = await Promise.all(unasked.map(r => ask(r.candidate, walk.module, walk.file)));
        answers.forEach((answer, i) => walk.asked.push({ candidate: unasked[i].candidate, answer, outsideChain: true }));
    }));
}


/***/ }),

/***/ 4845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ Hash1Builder),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   hK: () => (/* binding */ hashGoMod)
/* harmony export */ });
/* unused harmony exports DirHashError, hash1 */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
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
        const summary = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
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


/***/ }),

/***/ 3734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ textProblem)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
// The text rule Go applies to signed notes and log records: valid UTF-8 (as utf8.DecodeRune sees
// it: no surrogates, no overlong forms) with no ASCII control character other than newline.

const NEWLINE = 0x0a;
const FIRST_PRINTABLE = 0x20;
/** Why `bytes` breaks the rule, or undefined if it does not. */
function textProblem(bytes) {
    if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes))
        return 'not valid UTF-8';
    // In UTF-8 a byte below 0x20 is always that ASCII character itself.
    if (bytes.some(b => b < FIRST_PRINTABLE && b !== NEWLINE)) {
        return 'control character other than newline';
    }
    return undefined;
}


/***/ }),

/***/ 6918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jN: () => (/* binding */ openNote),
  yO: () => (/* reexport */ parseTreeNote),
  z$: () => (/* reexport */ note_keys/* parseVerifierKey */.z$)
});

// UNUSED EXPORTS: formatTreeNote, generateSignerKey, keyHash, parseSignedNote, parseSignerKey, signNote

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
// EXTERNAL MODULE: ./src/xmod/sumdb/errors.ts
var errors = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/xmod/sumdb/note-keys.ts
var note_keys = __webpack_require__(1453);
// EXTERNAL MODULE: ./src/xmod/sumdb/note-text.ts
var note_text = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/xmod/sumdb/tlog-hash.ts
var tlog_hash = __webpack_require__(1391);
;// CONCATENATED MODULE: ./src/xmod/sumdb/note-tree.ts
// The text a checksum database signs for its tree head (x/mod sumdb/tlog note.go):
// "go.sum database tree\n<size>\n<base64 root hash>\n", later lines ignored for forward
// compatibility.




const TREE_PREFIX = 'go.sum database tree\n';
// Go refuses longer tree notes outright.
const MAX_TREE_NOTE_BYTES = 1e6;
function malformed(why) {
    return new errors/* SumdbError */.q('bad-note', `malformed tree note: ${why}`);
}
/** Parses a tree note's text with tlog.ParseTree's rules. */
function parseTreeNote(text) {
    if (!text.startsWith(TREE_PREFIX))
        throw malformed(`does not start with ${(0,strings/* quote */.hD)(TREE_PREFIX)}`);
    if (Buffer.byteLength(text, 'utf8') > MAX_TREE_NOTE_BYTES)
        throw malformed('longer than 1e6 bytes');
    const lines = text.split('\n');
    // Three newline-terminated lines at least: prefix, size, hash.
    if (lines.length < 4)
        throw malformed('fewer than three lines');
    const [, sizeText, hashText] = lines;
    if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || sizeText.length > 19) {
        throw malformed(`bad tree size ${(0,strings/* quote */.hD)(sizeText)}`);
    }
    const size = Number(sizeText);
    if (size > tlog_hash/* MAX_TREE_SIZE */.s2) {
        throw new errors/* SumdbError */.q('bad-note', `tree size ${sizeText} is beyond what a real log can hold`);
    }
    const hash = (0,note_keys/* decodeStdBase64 */.tL)(hashText);
    if (!hash || hash.length !== tlog_hash/* HASH_SIZE */.Ts)
        throw malformed(`bad root hash ${(0,strings/* quote */.hD)(hashText)}`);
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
    return new errors/* SumdbError */.q('bad-note', `malformed note: ${why}`);
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
    const problem = (0,note_text/* textProblem */.F)(msg);
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
        throw new errors/* SumdbError */.q('unknown-key', `note has no verifiable signatures: want a signature by ${want}, found ${found}`);
    }
    if (!verifier.verify(signedBytes, ours.sig)) {
        throw new errors/* SumdbError */.q('bad-signature', `invalid signature for key ${want}`);
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


/***/ }),

/***/ 1391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rf: () => (/* binding */ shiftDown),
/* harmony export */   So: () => (/* binding */ EMPTY_TREE_HASH),
/* harmony export */   Ts: () => (/* binding */ HASH_SIZE),
/* harmony export */   UT: () => (/* binding */ foldSubtreeHashes),
/* harmony export */   VJ: () => (/* binding */ subtreeIndexes),
/* harmony export */   aY: () => (/* binding */ splitStoredHashIndex),
/* harmony export */   oj: () => (/* binding */ recordHash),
/* harmony export */   qd: () => (/* binding */ storedHashIndex),
/* harmony export */   s2: () => (/* binding */ MAX_TREE_SIZE),
/* harmony export */   zB: () => (/* binding */ nodeHash)
/* harmony export */ });
/* unused harmony exports storedHashCount, storedHashes, treeHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
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
const EMPTY_TREE_HASH = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').digest();
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);
/** SHA-256(0x00 ‖ data): the leaf hash of a record. */
function recordHash(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(LEAF_PREFIX).update(data).digest();
}
/** SHA-256(0x01 ‖ left ‖ right): an interior node. */
function nodeHash(left, right) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
/** floor(x / 2^k) for non-negative integers beyond 32 bits. */
function shiftDown(x, k) {
    return Math.floor(x / 2 ** k);
}
function trailingOnes(n) {
    let count = 0;
    for (let x = n; x % 2 === 1; x = shiftDown(x, 1))
        count++;
    return count;
}
/** Where the hash of node `n` at `level` sits in the dense storage order. */
function storedHashIndex(level, n) {
    // Node (level, n) is stored right after node (level-1, 2n+1), its right child.
    let leaf = n;
    for (let l = level; l > 0; l--)
        leaf = 2 * leaf + 1;
    // Leaf m is stored after m + m/2 + m/4 + ... hashes.
    let index = 0;
    for (let m = leaf; m > 0; m = shiftDown(m, 1))
        index += m;
    return index + level;
}
/** The inverse of storedHashIndex. */
function splitStoredHashIndex(index) {
    // Leaf n's index is below 2n, so the leaf stored last before `index` is at most a few past index/2.
    let n = shiftDown(index, 1);
    let leafIndex = storedHashIndex(0, n);
    for (;;) {
        // Writing leaf n stores the leaf hash plus one hash per subtree it completes.
        const next = leafIndex + 1 + trailingOnes(n);
        if (next > index)
            break;
        n++;
        leafIndex = next;
    }
    const level = index - leafIndex;
    return { level, n: shiftDown(n, level) };
}
/** How many hashes a log of `size` records stores. */
function storedHashCount(size) {
    return size === 0 ? 0 : storedHashIndex(0, size - 1) + 1 + trailingOnes(size - 1);
}
/**
 * The hashes to store, from index storedHashIndex(0, n) on, when appending record `n`: its leaf
 * hash, then one hash per subtree it completes (reading the left siblings through `hashAt`).
 */
function storedHashes(n, data, hashAt) {
    let hash = recordHash(data);
    const hashes = [hash];
    for (let level = 0; level < trailingOnes(n); level++) {
        hash = nodeHash(hashAt(storedHashIndex(level, shiftDown(n, level) - 1)), hash);
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
        indexes.push(storedHashIndex(level, start / 2 ** level));
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


/***/ })

};
