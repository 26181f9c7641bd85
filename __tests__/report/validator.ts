/**
 * report.schema.json compiled with ajv (draft 2020-12, formats checked), for the tests that hold
 * real reports against it: the schema test and the live check.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

export const SCHEMA_FILE = resolve('report.schema.json')

export interface ReportValidator {
  schema: Record<string, unknown>
  /** The ajv errors as one readable line each; [] when the report is valid. */
  problems(report: unknown): string[]
}

export async function loadReportValidator(): Promise<ReportValidator> {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as Record<string, unknown>
  // strict: a typo in the schema (an unknown keyword, a bad format name) fails here, not silently.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
  // ajv-formats is CommonJS: under NodeNext its default export is the module object.
  addFormats.default(ajv)
  const validate: ValidateFunction = ajv.compile(schema)
  return {
    schema,
    problems: report =>
      validate(report)
        ? []
        : (validate.errors ?? []).map(
            e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`
          )
  }
}
