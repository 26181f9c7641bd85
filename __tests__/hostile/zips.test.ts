/**
 * Hostile module zips served as the .zip of the probe module, with `checks: full`: a zip bomb
 * (honest or lying headers), a path that climbs out of the module, names that collide by case,
 * and an entry outside `<module>@<version>/`. The verdict names x/mod's rule; the run stays
 * within its timeout and memory bound.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { deflatedZeros, rawZip, type RawEntry } from '../sumdb/rawzip.js'
import { buildModule, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { expectBounded, onlyVerdict, runMeasured } from './measure.js'

const TIMEOUT_MS = 2000
const INPUTS = { timeout: String(TIMEOUT_MS / 1000), checks: 'full' }
/** The action's cap on a zip's inflated content (module-probe.ts ZIP_LIMITS). */
const MAX_UNCOMPRESSED = 256 << 20
const BOMB_BYTES = MAX_UNCOMPRESSED + (1 << 20)

type Shape = 'honest-bomb' | 'lying-bomb' | 'escape' | 'case-collision' | 'no-prefix'

/** The module example.com/<shape>@v1.0.0 whose zip has that shape (and a good go.mod). */
async function hostileModule(
  shape: Shape,
  zeros: { compressed: Buffer; crc: number }
): Promise<ModuleVersion> {
  const path = `example.com/${shape}`
  const mod = await buildModule(path, 'v1.0.0', {})
  const prefix = `${path}@v1.0.0/`
  const bomb = { compressed: zeros.compressed, crc: zeros.crc }
  const extra: Record<Shape, RawEntry[]> = {
    'honest-bomb': [{ name: `${prefix}zeros.bin`, ...bomb, declaredSize: BOMB_BYTES }],
    'lying-bomb': [{ name: `${prefix}zeros.bin`, ...bomb, declaredSize: 1000 }],
    escape: [{ name: `${prefix}../../escaped.go`, data: Buffer.from('package evil\n') }],
    'case-collision': [
      { name: `${prefix}README`, data: Buffer.from('one\n') },
      { name: `${prefix}readme`, data: Buffer.from('two\n') }
    ],
    'no-prefix': [{ name: 'outside.go', data: Buffer.from('package evil\n') }]
  }
  const zip = rawZip([{ name: `${prefix}go.mod`, data: mod.goMod }, ...extra[shape]])
  return { ...mod, zip }
}

describe('a proxy serving a hostile module zip', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    const zeros = await deflatedZeros(BOMB_BYTES)
    const shapes: Shape[] = ['honest-bomb', 'lying-bomb', 'escape', 'case-collision', 'no-prefix']
    const modules = await Promise.all(shapes.map(shape => hostileModule(shape, zeros)))
    world = await startProxyWorld(modules, [{ name: 'zips', fault: 'healthy' }])
  })
  afterAll(() => world.close())

  it.each<[Shape, string]>([
    [
      'honest-bomb',
      `total uncompressed size of module contents too large (max size is ${MAX_UNCOMPRESSED} bytes)`
    ],
    [
      'lying-bomb',
      'example.com/lying-bomb@v1.0.0/zeros.bin: too many bytes in the stream. expected 1000. got at least 16384'
    ],
    [
      'escape',
      'example.com/escape@v1.0.0/../../escaped.go: malformed file path "../../escaped.go": invalid path element ".."'
    ],
    [
      'case-collision',
      'example.com/case-collision@v1.0.0/readme: case-insensitive file name collision: "README" and "readme"'
    ],
    ['no-prefix', 'outside.go: path does not have prefix "example.com/no-prefix@v1.0.0/"']
  ])('%s: unhealthy, naming the rule the zip breaks', async (shape, problem) => {
    const run = await runMeasured({
      ...INPUTS,
      proxies: world.url('zips'),
      'probe-modules': `example.com/${shape}@v1.0.0`
    })
    const zip = `${world.url('zips')}/example.com/${shape}/@v/v1.0.0.zip`
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${zip} → invalid module zip: ${problem}`
    })
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    expectBounded(run, TIMEOUT_MS)
  })
})
