/** The one error type of the Go environment rules: a value Go itself would reject or misread. */
export class GoEnvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoEnvError'
  }
}
