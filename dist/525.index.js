export const id = 525;
export const ids = [525];
export const modules = {

/***/ 6525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createEffects: () => (/* binding */ createEffects)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/gostd/errors.ts
var gostd_errors = __webpack_require__(3180);
// EXTERNAL MODULE: ./src/gostd/filepath.ts
var filepath = __webpack_require__(2362);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __webpack_require__(1817);
;// CONCATENATED MODULE: ./src/goenv/goauth.ts
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
    const commands = text.split(';').map(strings/* trimSpace */.Pd);
    // Go checks the commands last to first, so the same value fails with the same message.
    const methods = [...commands].reverse().map((command) => {
        const words = (0,strings/* fields */.OA)(command);
        if (words.length === 0)
            throw new gostd_errors/* GoEnvError */.O('GOAUTH encountered an empty command');
        switch (words[0]) {
            case 'off':
                if (commands.length !== 1) {
                    throw new gostd_errors/* GoEnvError */.O('GOAUTH=off cannot be combined with other authentication commands');
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
        throw new gostd_errors/* GoEnvError */.O(needed);
    if (!(0,filepath/* isAbsolutePath */.Z1)(words[1], style))
        throw new gostd_errors/* GoEnvError */.O(`${needed}, dir is not absolute`);
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
                throw new gostd_errors/* GoEnvError */.O(`cannot parse GOAUTH command ${s}: unterminated ${quote} string`);
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
    const token = Buffer.from(`${username}:${password}`).toString('base64');
    return { Authorization: [`Basic ${token}`] };
}
/** The netrc method: each machine's Basic credentials, the first entry for a machine winning. */
function storeNetrc(cache, entries) {
    for (const entry of [...entries].reverse()) {
        cache.store(entry.machine, basicAuth(entry.login, entry.password));
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/abort.ts
var abort = __webpack_require__(6885);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/http/agents.ts



/**
 * Agents chosen by @actions/http-client (so HTTPS_PROXY, HTTP_PROXY and NO_PROXY work as in other
 * actions), with two repairs. A client keeps one direct and one proxy agent, both made for the
 * protocol of the first URL it saw, so an https URL after an http one got an http agent: here
 * each protocol has its own client. And a proxy that never answers CONNECT would hold the
 * process open after every request gave up: `close` ends those CONNECT requests. With `ca`, every
 * https agent, direct or tunnelled, verifies servers against those CAs.
 */
function createAgents({ ca } = {}) {
    const clients = {
        'http:': new lib/* HttpClient */.Qq(constants/* USER_AGENT */._O, [], { keepAlive: true }),
        'https:': new lib/* HttpClient */.Qq(constants/* USER_AGENT */._O, [], { keepAlive: true })
    };
    const connects = new Set();
    const tracked = new WeakSet();
    // One context for every connection, built for the first https agent: building one from
    // hundreds of CAs takes tens of ms, which a run over plain http never needs.
    let secureContext;
    const contextOf = () => {
        if (secureContext === undefined) {
            const list = ca?.();
            secureContext = list ? external_node_tls_.createSecureContext({ ca: list }) : null;
        }
        return secureContext ?? undefined;
    };
    const trusted = new WeakSet();
    const trust = (agent) => {
        const secureContext = contextOf();
        if (!secureContext || trusted.has(agent))
            return agent;
        trusted.add(agent);
        // Both https.Agent and the tunnel agents merge `options` into each tls.connect.
        const withOptions = agent;
        withOptions.options = { ...withOptions.options, secureContext };
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
            ? trust(track(clients['https:'].getAgent(url.href)))
            : track(clients['http:'].getAgent(url.href)),
        close: () => {
            for (const client of Object.values(clients))
                client.dispose();
            for (const connect of connects)
                connect.destroy();
        }
    };
}
function isTunnelAgent(agent) {
    return 'proxyOptions' in agent && typeof agent.request === 'function';
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/http/types.ts
var types = __webpack_require__(5853);
;// CONCATENATED MODULE: ./src/http/body.ts



/**
 * Reads a response body, decoding gzip, and stops at `maxBytes` of decoded data: a gzip bomb or an
 * endless body costs at most the cap in memory. With `firstBytes`, reading stops (and the
 * connection is closed) once that many bytes have come: enough to see what a body starts with.
 */
async function readBody(res, maxBytes, signal, firstBytes) {
    const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
    // pipeline, not pipe: when a reset or the deadline destroys the response, the decoder must end
    // too, or the loop below would wait for gzip data that never comes.
    const source = encoding === 'gzip' ? (0,external_node_stream_.pipeline)(res, (0,external_node_zlib_.createGunzip)(), () => undefined) : res;
    const chunks = [];
    let total = 0;
    try {
        for await (const chunk of source) {
            const buf = chunk;
            total += buf.length;
            if (total > maxBytes) {
                throw new types/* HttpError */.j('too-large', `body larger than ${maxBytes} bytes`);
            }
            chunks.push(buf);
            if (firstBytes !== undefined && total >= firstBytes) {
                return Buffer.concat(chunks, total).subarray(0, firstBytes);
            }
        }
    }
    catch (err) {
        if (err instanceof types/* HttpError */.j || signal.aborted)
            throw err;
        const code = err.code ?? '';
        if (code.startsWith('Z_'))
            throw new types/* HttpError */.j('decode', 'invalid gzip body');
        throw err;
    }
    finally {
        res.destroy();
        source.destroy();
    }
    // A body cut short (the server closed early) must not pass as a complete answer.
    if (!res.complete)
        throw new types/* HttpError */.j('reset', 'connection closed before the body ended');
    return Buffer.concat(chunks, total);
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

;// CONCATENATED MODULE: ./src/http/get.ts









/**
 * The go command's limit (net/http's default policy): a fetch makes at most 10 requests, so the
 * 10th redirect answer ends it with "stopped after 10 redirects" and 9 are followed at most.
 */
const MAX_REDIRECTS = 10;
/**
 * A GET with the go command's rules (at most 10 requests a fetch, never https→http, Basic auth
 * only over https) plus what the go command lacks: one deadline over the whole attempt, so a
 * server that dribbles bytes cannot hold it, and a cap on the decoded body.
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured through @actions/http-client's agents (see
 * agents.ts).
 */
function createHttpGetter(options = {}) {
    let ca;
    let loading;
    const trustLoaded = () => (loading ??= Promise.resolve(options.trust?.()).then(list => void (ca = list)));
    const agents = createAgents({ ca: () => ca });
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
        const auth = secretHeaders(target, request);
        const origin = target.host;
        target.username = '';
        target.password = '';
        let current = target;
        for (;;) {
            const hopAuth = current.host === origin ? auth : undefined;
            if (current.protocol === 'https:')
                await trustLoaded();
            const res = await send(current, hopAuth, agentFor, signal, trace);
            const location = res.statusCode && isRedirect(res.statusCode) && res.headers.location;
            if (!location) {
                const headersMs = elapsed();
                const body = await readBody(res, request.maxBytes, signal, request.firstBytes);
                const timing = { headersMs, phases: trace.phases(performance.now()) };
                return response(res, body, timing);
            }
            // A redirect's body is never read: close it rather than drain what may never end.
            res.destroy();
            current = nextLocation(current, location, redirects++);
        }
    }
    catch (err) {
        throw asHttpError(err, deadline.expired(), request);
    }
    finally {
        deadline.dispose();
    }
}
/**
 * What only the URL's own host may see: GOAUTH's headers, else Basic auth from the URL's user
 * info. Like Basic auth, the headers go over https only.
 */
function secretHeaders(url, request) {
    const headers = {};
    for (const [name, values] of Object.entries(request.headers ?? {})) {
        headers[name.toLowerCase()] = values;
    }
    const basic = headers.authorization ? undefined : basicAuthorization(url);
    if (basic)
        headers.authorization = basic;
    if (Object.keys(headers).length === 0)
        return undefined;
    if (url.protocol !== 'https:') {
        // The go command refuses this too: Basic auth over http would send the password in clear.
        throw new types/* HttpError */.j('insecure-credentials', `refusing to pass credentials to insecure URL: ${url.protocol}//${url.host}${url.pathname}`);
    }
    return headers;
}
function basicAuthorization(url) {
    if (!url.username)
        return undefined;
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return `Basic ${Buffer.from(user).toString('base64')}`;
}
function send(url, auth, agentFor, signal, trace) {
    const headers = {
        'user-agent': constants/* USER_AGENT */._O,
        'accept-encoding': 'gzip'
    };
    Object.assign(headers, auth);
    const transport = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
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
        const req = transport.get(url, { headers, agent: agentFor(url), signal }, settle(resolve));
        trace.watch(req);
        req.on('error', settle(reject));
    });
}
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
function nextLocation(from, location, count) {
    // `count` redirects followed so far means count + 1 requests made: Go's len(via).
    if (count + 1 >= MAX_REDIRECTS) {
        throw new types/* HttpError */.j('too-many-redirects', `stopped after ${MAX_REDIRECTS} redirects`);
    }
    let next;
    try {
        next = new URL(location, from);
    }
    catch {
        throw new types/* HttpError */.j('bad-redirect', `redirect to an invalid URL: ${location}`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new types/* HttpError */.j('bad-redirect', `refusing redirect to ${next.protocol} URL`);
    }
    if (from.protocol === 'https:' && next.protocol === 'http:') {
        throw new types/* HttpError */.j('insecure-redirect', `refusing redirect from https to insecure URL http://${next.host}${next.pathname}`);
    }
    next.username = '';
    next.password = '';
    return next;
}
function response(res, body, timing) {
    return {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        headers: res.headers,
        body,
        timing
    };
}
function asHttpError(err, expired, request) {
    if (err instanceof types/* HttpError */.j)
        return err;
    if (expired) {
        return new types/* HttpError */.j('timeout', `no complete answer within ${request.timeoutMs} ms`);
    }
    if (request.signal?.aborted)
        return new types/* HttpError */.j('aborted', 'request cancelled');
    const { kind, message } = classifyNetworkError(err);
    return new types/* HttpError */.j(kind, message);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/http/trust.ts
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
    const nodeDefaults = [...external_node_tls_.rootCertificates, ...nodeCertificates('default'), ...extra];
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
    const list = external_node_tls_.getCACertificates;
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
        new external_node_crypto_.X509Certificate(pem);
        return true;
    }
    catch {
        return false;
    }
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

// EXTERNAL MODULE: ./src/gostd/url.ts
var gostd_url = __webpack_require__(6034);
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
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/credentials/mask.ts
var mask = __webpack_require__(7380);
;// CONCATENATED MODULE: ./src/credentials/run-command.ts
// Running GOAUTH's programs (a command, git): no shell, as the go command's os/exec runs them,
// with the job's environment, a deadline and a cap on what they print.


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
        const child = (0,external_node_child_process_.execFile)(argv[0], argv.slice(1), {
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
    const text = (0,mask/* maskPasswordsLoosely */.k2)(lines.join(' | ')).slice(0, 300);
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
    cache = new CredentialCache();
    warned = new Set();
    masked = new Set();
    netrc = [];
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
        for (const entry of auth.netrc)
            auth.maskSecret(entry.password);
        const errors = await auth.runMethods(undefined);
        for (const err of errors)
            fx.log.debug(err);
        return auth;
    }
    /**
     * The headers for a request. None for plain http (the go command never sends GOAUTH
     * credentials there) and none for a URL with its own user info (Go sends that as Basic auth).
     */
    headersFor(url) {
        return appliesTo(url) ? this.cache.load(url) : undefined;
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
                    storeNetrc(this.cache, this.netrc);
                else if (method.kind === 'git')
                    await this.runGit(method.dir, context);
                else
                    await this.runCommand(method, context);
            }
            catch (err) {
                if (err instanceof GoauthValueError)
                    throw err;
                errors.push(`GOAUTH=${method.text}: ${(0,logger/* messageOf */.b)(err)}`);
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
        const headers = basicAuth(username, password);
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
                const reason = `is not valid: the command ${JSON.stringify(argv[0])} cannot be run (${(0,logger/* messageOf */.b)(err)}); GOAUTH takes off, netrc, git DIR or a command (see 'go help goauth')`;
                throw new GoauthValueError(reason);
            }
            throw new Error(`could not run command ${method.text}: ${(0,logger/* messageOf */.b)(err)}`, { cause: err });
        }
        let credentials;
        try {
            credentials = parseAuthCommandOutput(output);
        }
        catch (err) {
            throw new Error(`cannot parse output of GOAUTH command ${method.text}: ${(0,logger/* messageOf */.b)(err)}`, {
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
        const timedOut = () => new types/* HttpError */.j('timeout', `no complete answer within ${request.timeoutMs} ms`);
        const offset = elapsed();
        if (offset >= request.timeoutMs)
            throw timedOut();
        try {
            const second = await get({ ...request, headers, timeoutMs: request.timeoutMs - offset });
            return shifted(second, offset);
        }
        catch (err) {
            throw err instanceof types/* HttpError */.j && err.kind === 'timeout' ? timedOut() : err;
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

// EXTERNAL MODULE: ./src/cache/local-store.ts
var local_store = __webpack_require__(3009);
;// CONCATENATED MODULE: ./src/effects.ts














/**
 * The real effects both faces share: network (trusting the CAs Go trusts, with GOAUTH's
 * credentials), clock, the local verdict cache. Throws InputError for a GOAUTH that cannot work.
 */
async function createEffects(plan, env, log, onSecret) {
    const auth = await startGoauth(plan, env, log, onSecret);
    const http = createHttpGetter({ trust: () => trustedCertificates(env, process.platform, promises_) });
    const store = plan.cache.enabled
        ? (0,local_store/* createLocalStore */.B)(plan.cache.dir, (0,logger/* withFields */.q)(log, { action: 'cache.local' }))
        : undefined;
    const get = auth ? withGoAuth(http.get, auth) : http.get;
    return { effects: { http: get, clock: clock/* systemClock */.m, log, store }, close: http.close };
}
/** GOAUTH from the job's environment (default netrc); undefined for `off`. */
async function startGoauth(plan, env, log, onSecret) {
    const value = env[constants/* GOAUTH */.H9] ?? '';
    const methods = (0,errors/* forInput */.c)(constants/* GOAUTH */.H9, value, () => parseGoauth(value, (0,filepath/* pathStyleOf */.yJ)(process.platform)));
    if (methods.length === 0)
        return undefined;
    try {
        return await GoAuth.start(methods, {
            // A credential program gets as long as one request may take.
            run: createCommandRunner(env, plan.timeoutMs),
            readNetrc: () => readNetrc(env),
            directoryProblem: directoryProblem,
            onSecret,
            log: (0,logger/* withFields */.q)(log, { action: 'goauth' })
        });
    }
    catch (err) {
        if (err instanceof GoauthValueError)
            throw new errors/* InputError */.d(constants/* GOAUTH */.H9, value, err.reason);
        throw err;
    }
}


/***/ }),

/***/ 5853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ HttpError)
/* harmony export */ });
/** A request that got no usable HTTP answer. `message` never contains credentials. */
class HttpError extends Error {
    kind;
    name = 'HttpError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}


/***/ })

};
