// Test vectors from Go, and a helper to catch the SumdbError a call must throw.
import { SumdbError } from '../../src/xmod/sumdb/errors.js'

// The example of x/mod/sumdb/note's package documentation.
export const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
export const PETER_SKEY =
  'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
export const PETER_TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n"
export const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
export const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n'
export const PETER_NOTE = Buffer.from(`${PETER_TEXT}\n${PETER_SIG}`)
// What Go's note.Sign printed for tlog.FormatTree({5, RecordHash("x")}) signed with PETER_SKEY.
export const GO_SIGNED_TREE =
  'go.sum database tree\n5\nPH6byTDck/AfppmF7yQtn56GHzxTVaokzl70tLinDMs=\n\n' +
  '— PeterNeumann x08go6536AdoguPBSyIzINDHmCWIPBsCwwsueAT3hsxLK8ttT4q5hp+PZ0w/pdygmzbf2z0KJ35L+l3kKo2Oh85XKgg=\n'

/** The SumdbError `run` throws; fails the test if it throws nothing or something else. */
export function caught(run: () => unknown): SumdbError {
  try {
    run()
  } catch (err) {
    if (err instanceof SumdbError) return err
    throw err
  }
  throw new Error('expected a SumdbError')
}
