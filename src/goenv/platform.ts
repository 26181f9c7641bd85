// GOOS and GOARCH: the platform the go command runs on, named as Go names it.

export interface GoPlatform {
  goos: string
  goarch: string
}

const GOOS: Partial<Record<NodeJS.Platform, string>> = {
  aix: 'aix',
  darwin: 'darwin',
  freebsd: 'freebsd',
  linux: 'linux',
  netbsd: 'netbsd',
  openbsd: 'openbsd',
  win32: 'windows'
}

const GOARCH: Record<string, string> = {
  arm: 'arm',
  arm64: 'arm64',
  ia32: '386',
  loong64: 'loong64',
  mips: 'mips',
  mipsel: 'mipsle',
  riscv64: 'riscv64',
  s390x: 's390x',
  x64: 'amd64'
}

/**
 * The GOOS and GOARCH of a Node platform and architecture (process.platform, process.arch);
 * undefined where Go has no port or Node's name is ambiguous (sunos: illumos or solaris).
 */
export function goPlatformOf(platform: NodeJS.Platform, arch: string): GoPlatform | undefined {
  const goos = GOOS[platform]
  // Node says ppc64 for both: AIX runs big-endian, Linux (the only other port) little-endian.
  const goarch = arch === 'ppc64' ? (goos === 'aix' ? 'ppc64' : 'ppc64le') : GOARCH[arch]
  return goos && goarch ? { goos, goarch } : undefined
}
