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
