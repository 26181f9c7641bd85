// Jest runs the TypeScript sources as ESM: the @actions packages are ESM-only.
/** @type {import('ts-jest').JestConfigWithTsJest} */
export default {
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js'],
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/dist/', '/node_modules/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', useESM: true }]
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/script/jest-setup-tmpdir.mjs',
  globalTeardown: '<rootDir>/script/jest-teardown-tmpdir.mjs',
  reporters: ['default', ['<rootDir>/script/jest-totals.cjs', {}]]
}
