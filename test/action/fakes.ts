/**
 * Test doubles for the action's ports: a recording `ActionIO` and an in-memory `GitHubApi`. No module mocks.
 */
import { ApiError, type CheckRunCreate, type CheckRunUpdate, type GitHubApi, type PullFile, type ReviewComment, type ReviewCreate } from '../../src/action/api.js'
import type { ActionIO, AnnotationProps } from '../../src/action/io.js'
import type { AnnotationLevel } from '../../src/reporters/annotations.js'

export interface RecordedAnnotation {
  readonly level: AnnotationLevel
  readonly message: string
  readonly props: AnnotationProps
}

/** A fake runner: inputs from a record, everything written is recorded. */
export class FakeIO implements ActionIO {
  readonly outputs = new Map<string, string>()
  readonly annotations: RecordedAnnotation[] = []
  readonly log: string[] = []
  readonly warnings: string[] = []
  readonly untrustedBlocks: string[] = []
  readonly summaries: string[] = []
  failed: string | undefined
  readonly apiTokens: string[] = []

  constructor(
    readonly inputs: Record<string, string>,
    readonly env: Record<string, string | undefined>,
    readonly fakeApi?: FakeApi,
  ) {}

  getInput(name: string): string {
    return (this.inputs[name] ?? '').trim()
  }
  setOutput(name: string, value: string | number): void {
    this.outputs.set(name, String(value))
  }
  setFailed(message: string): void {
    this.failed = message
  }
  annotate(level: AnnotationLevel, message: string, props: AnnotationProps): void {
    this.annotations.push({ level, message, props })
  }
  info(message: string): void {
    this.log.push(message)
  }
  warning(message: string): void {
    this.warnings.push(message)
  }
  debug(message: string): void {
    this.log.push(`debug: ${message}`)
  }
  untrusted(_title: string, text: string): void {
    this.untrustedBlocks.push(text)
  }
  writeSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown)
    return Promise.resolve()
  }
  api(token: string): GitHubApi | undefined {
    this.apiTokens.push(token)
    return token === '' ? undefined : this.fakeApi
  }
}

export interface ApiCall {
  readonly method: string
  readonly args: readonly unknown[]
}

/** An in-memory GitHub: records calls; `fail` makes a method answer with an HTTP error. */
export class FakeApi implements GitHubApi {
  readonly calls: ApiCall[] = []
  readonly fail = new Map<string, { status: number; message: string; after?: number }>()
  files: PullFile[] = []
  comments: ReviewComment[] = []
  private nextId = 1000

  private check(method: string, args: unknown[]): void {
    this.calls.push({ method, args })
    const f = this.fail.get(method)
    if (!f) return
    const made = this.calls.filter((c) => c.method === method).length
    if (made > (f.after ?? 0)) throw new ApiError(f.status, f.message)
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method)
  }

  createCheckRun(request: CheckRunCreate): Promise<{ id: number; url?: string }> {
    return this.run(() => {
      this.check('createCheckRun', [request])
      return { id: 42, url: 'https://github.example/o/r/runs/42' }
    })
  }
  updateCheckRun(id: number, request: CheckRunUpdate): Promise<void> {
    return this.run(() => this.check('updateCheckRun', [id, request]))
  }
  listPullFiles(pull: number): Promise<readonly PullFile[]> {
    return this.run(() => {
      this.check('listPullFiles', [pull])
      return this.files
    })
  }
  listReviewComments(pull: number): Promise<readonly ReviewComment[]> {
    return this.run(() => {
      this.check('listReviewComments', [pull])
      return this.comments
    })
  }
  createReview(pull: number, request: ReviewCreate): Promise<void> {
    return this.run(() => {
      this.check('createReview', [pull, request])
      for (const c of request.comments) this.comments.push({ id: this.nextId++, body: c.body, path: c.path, line: c.line })
    })
  }
  updateReviewComment(id: number, body: string): Promise<void> {
    return this.run(() => {
      this.check('updateReviewComment', [id, body])
      const c = this.comments.find((x) => x.id === id)
      if (c) this.comments[this.comments.indexOf(c)] = { ...c, body }
    })
  }

  private run<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn())
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)))
    }
  }
}
