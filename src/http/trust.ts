// The certificate authorities to trust: Node's own (bundled, NODE_EXTRA_CA_CERTS), the system
// store where Node offers it, and the roots the go command reads on Linux and other Unix systems
// (crypto/x509 root_unix.go, root_linux.go): SSL_CERT_FILE and SSL_CERT_DIR or their defaults.
import { X509Certificate } from 'node:crypto'
import type { Dirent } from 'node:fs'

/** The file system reads the trust store needs; effects.ts passes node:fs/promises. */
export interface TrustFiles {
  readFile(path: string, encoding: 'utf8'): Promise<string>
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>
  readlink(path: string): Promise<string>
}

/** Go's default root files on Linux: the first one that reads is used. */
const LINUX_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem'
]
/** Go's default root directories on Linux: every file in each is read. */
const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs']

/**
 * The PEM roots Go reads from files on this platform. SSL_CERT_FILE replaces the list of default
 * files and SSL_CERT_DIR (':'-separated) the default directories. macOS and Windows: none, as Go
 * asks the operating system there; other Unix systems: only what the two variables name (their
 * default lists are not Linux's).
 */
export async function goRootCertificates(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  files: TrustFiles
): Promise<string[]> {
  if (platform === 'darwin' || platform === 'win32') return []
  const linux = platform === 'linux'
  const certFiles = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : linux ? LINUX_CERT_FILES : []
  const certDirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':') : linux ? LINUX_CERT_DIRS : []
  const roots: string[] = []
  for (const file of certFiles) {
    const text = await readOrUndefined(files, file)
    if (text === undefined) continue
    roots.push(...pemCertificates(text))
    break
  }
  for (const dir of certDirs) {
    for (const name of await dirEntries(files, dir)) {
      roots.push(...pemCertificates((await readOrUndefined(files, `${dir}/${name}`)) ?? ''))
    }
  }
  return roots
}

/**
 * The CA list for TLS connections: Node's defaults plus the system store and Go's roots, or
 * undefined when those add nothing (Node's defaults then apply unchanged). Giving a CA list
 * replaces Node's, so the list repeats Node's bundled roots and NODE_EXTRA_CA_CERTS.
 */
export async function trustedCertificates(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  files: TrustFiles
): Promise<string[] | undefined> {
  const added = [...systemCertificates(), ...(await goRootCertificates(env, platform, files))]
  if (added.length === 0) return undefined
  const extraFile = env.NODE_EXTRA_CA_CERTS
  const extra = extraFile ? pemCertificates((await readOrUndefined(files, extraFile)) ?? '') : []
  const nodeDefaults = [...tlsModule().rootCertificates, ...nodeCertificates('default'), ...extra]
  const known = new Set(nodeDefaults.map(bodyOf))
  const fresh = added.filter(pem => {
    const body = bodyOf(pem)
    if (known.has(body)) return false
    known.add(body)
    return isCertificate(pem)
  })
  return [...new Set(nodeDefaults), ...fresh]
}

/** The CERTIFICATE blocks of PEM text (Go's AppendCertsFromPEM skips every other kind). */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g) ?? []
}

// Node ≥ 22.15 / 23.5 lists its stores; older Node has no way to read the system store.
type CertificateStore = 'default' | 'system'
function nodeCertificates(store: CertificateStore): string[] {
  const list = (tlsModule() as { getCACertificates?: (store: CertificateStore) => string[] })
    .getCACertificates
  try {
    return list?.(store) ?? []
  } catch {
    return []
  }
}

function systemCertificates(): string[] {
  return nodeCertificates('system')
}

// The base64 body, so the same certificate written with other line breaks is one entry.
function bodyOf(pem: string): string {
  return pem.replace(/-----[^-]+-----|\s/g, '')
}

// Go's AppendCertsFromPEM skips a block that does not parse as a certificate.
function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem)
    return true
  } catch {
    return false
  }
}

// Loaded when first asked: only https needs it, and it costs a run over plain http ~10 ms.
function tlsModule(): typeof import('node:tls') {
  return process.getBuiltinModule('node:tls')
}

async function readOrUndefined(files: TrustFiles, path: string): Promise<string | undefined> {
  try {
    return await files.readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

/** os.ReadDir's names without symlinks to a name in the same directory (c_rehash's hash links). */
async function dirEntries(files: TrustFiles, dir: string): Promise<string[]> {
  let entries: Dirent[]
  try {
    entries = await files.readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
  const names: string[] = []
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isSymbolicLink()) {
      const target = await files.readlink(`${dir}/${entry.name}`).catch(() => '/')
      if (!target.includes('/')) continue
    }
    names.push(entry.name)
  }
  return names
}
