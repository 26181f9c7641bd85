/** Builds a plan from inputs the way both faces do, with no job environment: for in-process tests. */
import { buildPlan } from '../../src/config/build.js'
import type { Plan, RawInputs } from '../../src/config/plan.js'

export function planOf(raw: RawInputs): Plan {
  return buildPlan(raw, { env: {}, platform: process.platform, defaultCacheDir: '/unused' })
}
