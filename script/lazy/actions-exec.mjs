// Stands in for @actions/exec in the bundles (script/tsconfig.bundle.json). @actions/core imports
// it for core.platform, which this action never reads, and @actions/cache for tar: loading it at
// start (child_process and @actions/io with it) costs every run time it mostly never uses. Both of
// its functions return a promise, so each can wait for the real package's chunk, loaded on the
// first call. It is imported by its path: the name `@actions/exec` would lead back here.
const real = () => import('../../node_modules/@actions/exec/lib/exec.js')

export async function exec(...args) {
  return (await real()).exec(...args)
}

export async function getExecOutput(...args) {
  return (await real()).getExecOutput(...args)
}
