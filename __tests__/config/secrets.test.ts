import { describe, expect, it } from '@jest/globals'
import { planSecrets } from '../../src/config/secrets.js'
import { planOf } from '../world/plan.js'

describe('planSecrets', () => {
  it('registers passwords and token-long lone user names, not short names', () => {
    const plan = planOf({
      proxies:
        'https://git@a.example,https://glpat-t0ken-as-name@b.example,https://TOKEN-with-colon:@c.example,https://u:p%2fw@d.example',
      gosumdb: 'off'
    })
    const secrets = planSecrets(plan)
    expect(secrets).toEqual(
      expect.arrayContaining(['glpat-t0ken-as-name', 'TOKEN-with-colon', 'p/w', 'p%2Fw', 'p%2fw'])
    )
    expect(secrets).not.toContain('git')
    expect(secrets).not.toContain('u')
  })
})
