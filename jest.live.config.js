// The opt-in live check (`npm run test:live`): the bundled action against the machine's own
// GOPROXY and GOSUMDB. Never part of `npm test`, whose testMatch is __tests__ only.
import base from './jest.config.js'

/** @type {import('ts-jest').JestConfigWithTsJest} */
export default {
  ...base,
  testMatch: ['<rootDir>/__live__/**/*.test.ts'],
  testTimeout: 180000
}
