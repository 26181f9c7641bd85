// The --help text. Every input flag must have a line: the record's type makes a new input a compile error here.
import { INPUT_FLAGS, type CliInput } from './args.js'

const INPUT_HELP: Record<CliInput, [value: string, meaning: string]> = {
  proxies: [
    'LIST',
    'proxies to check, GOPROXY syntax (default: $GOPROXY, else https://proxy.golang.org,direct)'
  ],
  mirrors: ['LIST', 'fallback proxies, used only when no entry of --proxies passes'],
  gosumdb: ['SPEC', 'checksum database, GOSUMDB syntax (default: $GOSUMDB, else sum.golang.org)'],
  'sumdb-mirrors': ['URLS', 'other URLs serving the same checksum database'],
  goprivate: ['PATTERNS', 'private module path patterns (default: $GOPRIVATE)'],
  gonoproxy: ['PATTERNS', 'patterns fetched direct (default: $GONOPROXY, else --goprivate)'],
  gonosumdb: [
    'PATTERNS',
    'patterns not checked against the checksum database (default: $GONOSUMDB, else --goprivate)'
  ],
  'probe-modules': [
    'MODULES',
    'path@version or path (@latest) to ask for (default: rsc.io/quote@v1.5.2 golang.org/x/sys)'
  ],
  'working-directory': [
    'DIR',
    'where the build is looked for (default: $GITHUB_WORKSPACE, else the current directory)'
  ],
  'go-sum': [
    'FILES',
    'auto | none | go.sum paths and patterns such as **/go.sum (default: auto, the go.sum files of the module or workspace in --working-directory)'
  ],
  checks: ['LEVEL', 'quick | standard | full (default: standard)'],
  timeout: ['DURATION', 'time one request attempt may take, e.g. 10, 90s, 1m (default: 10 s)'],
  'slow-threshold': [
    'DURATION',
    'a request slower than this makes its candidate degraded; at most --timeout (default: half of it)'
  ],
  retries: ['N', 'extra attempts after a transient failure (default: 2)'],
  concurrency: ['N', 'requests in flight at once (default: 8)'],
  strategy: ['NAME', 'ordered | fastest (default: ordered)'],
  'on-failure': ['NAME', 'when no candidate passes: fail | direct | keep (default: fail)'],
  'fail-on': [
    'LEVEL',
    'unusable | degraded (default: unusable): with degraded, a degraded proxy heading the chain exits 1'
  ],
  'report-path': ['FILE', 'also write the JSON report to FILE'],
  'log-format': [
    'FORMAT',
    'text | json (default: text); json writes each stderr line as one ECS JSON object'
  ],
  cache: ['BOOL', 'cache verdicts in --cache-dir (default: true)'],
  'cache-ttl': ['DURATION', 'how long a usable or tampered verdict is trusted (default: 10m)'],
  'cache-dir': [
    'DIR',
    'verdict cache (default: $XDG_CACHE_HOME/validate-goproxy, else ~/.cache/validate-goproxy; Windows: %LOCALAPPDATA%\\validate-goproxy)'
  ],
  'breaker-threshold': [
    'RATIO',
    "failure ratio that opens a candidate's circuit breaker (default: 0.5)"
  ],
  'breaker-cooldown': ['DURATION', 'how long an open breaker keeps a candidate out (default: 60s)'],
  profile: ['NAME', 'which entry of --profiles to use'],
  profiles: [
    'FILE',
    'path of a YAML or JSON file (its text is the action input `profiles`) mapping profile names to proxies, mirrors, gosumdb, sumdb-mirrors, goprivate, gonoproxy, gonosumdb'
  ]
}

const OTHER_FLAGS: [flag: string, meaning: string][] = [
  [
    '--format table|json|env|shell',
    "what stdout carries (default: table); env: NAME=value lines for $GITHUB_ENV, .env or dotenv files; shell: export NAME='value' lines for eval or `.`; both carry credentials"
  ],
  ['-h, --help', 'print this help'],
  ['--version', 'print the version']
]

export function helpText(): string {
  const rows: [string, string][] = [
    ...INPUT_FLAGS.map(
      input => [`--${input} ${INPUT_HELP[input][0]}`, INPUT_HELP[input][1]] as [string, string]
    ),
    ...OTHER_FLAGS
  ]
  const width = Math.max(...rows.map(([flag]) => flag.length))
  return [
    'Usage: validate-goproxy [flags]',
    '',
    'Probes Go module proxies (GOPROXY) and the checksum database (GOSUMDB) by the real protocol and',
    'prints a Go environment that works. The flags are the action inputs, with the same defaults and',
    'checks; an empty flag means its default. Progress goes to stderr, the result to stdout.',
    '',
    'Flags:',
    ...rows.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`),
    '',
    'Environment, read as the go command reads it: GOPROXY, GOSUMDB, GOPRIVATE, GONOPROXY,',
    'GONOSUMDB (when the flags are empty), GOWORK, GOAUTH (netrc, off, git DIR, a command; NETRC),',
    "GOTOOLCHAIN, GOFLAGS, each when unset from Go's user env file ($GOENV, else what `go env -w`",
    'writes); HTTPS_PROXY/HTTP_PROXY/NO_PROXY, and the CA roots SSL_CERT_FILE, SSL_CERT_DIR',
    'and NODE_EXTRA_CA_CERTS.',
    '',
    'Exit status: 0 a usable proxy heads the chain (or there was nothing to probe); 1 none does',
    '(with --fail-on degraded, also when it is degraded; or a module of the build resolves through',
    'no candidate); 2 none does and a candidate served content the checksum database',
    'refutes; 64 bad usage.',
    '',
    'Example: validate-goproxy --proxies https://goproxy.example.com,direct --format env >> "$GITHUB_ENV"',
    ''
  ].join('\n')
}
