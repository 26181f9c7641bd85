import { it } from '@jest/globals'
import { startForwardProxy } from '../world/forward-proxy.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { CORP_HOST, probe, startTlsWorld, transcript } from './support.js'
it('explore', async () => {
  const t = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
  const p = await startForwardProxy({ hangConnect: true })
  const run = await probe({ proxies: t.url('healthy', CORP_HOST), timeout: '2' }, { HTTPS_PROXY: p.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE, NODE_DEBUG: 'tunnel' }, { killAfterMs: 8000, entry: '/tmp/vgp-dist/index.js' })
  console.log(transcript(run), run.durationMs)
  await Promise.all([t.close(), p.close()])
})
