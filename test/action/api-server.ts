/**
 * A local HTTP server standing in for the GitHub REST API (mounted under /api/v3, as on GHES), for the end-to-end
 * tests of the bundled action. It records every request and behaves like GitHub where the tests need it:
 * check runs (with the 50-annotations-per-request limit), paginated pull request files, review comments, and
 * reviews that are refused with 422 when a comment is not on a RIGHT-side line of the diff.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parsePatch } from '../../src/action/diff.js'

export interface RecordedRequest {
  readonly method: string
  /** Path without the /api/v3 prefix and without the query. */
  readonly path: string
  readonly query: URLSearchParams
  readonly authorization: string | undefined
  readonly body: unknown
}

export interface ServerFile {
  readonly filename: string
  readonly status: string
  readonly patch?: string
}

export interface StoredComment {
  id: number
  body: string
  path: string
  line: number | null
}

export interface FakeGitHubOptions {
  /** Status to answer check-run creation with (default 201). */
  checkRunStatus?: number
  /** Status to answer review creation with (default 200, or 422 for a comment outside the diff). */
  reviewStatus?: number
  /** Files of the pull request, served 2 per page when `pageSize` is 2. */
  files?: ServerFile[]
  pageSize?: number
  comments?: StoredComment[]
}

const PREFIX = '/api/v3'

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly problems: string[] = []
  readonly comments: StoredComment[]
  private server: Server | undefined
  private nextId = 500

  constructor(readonly options: FakeGitHubOptions = {}) {
    this.comments = options.comments ?? []
  }

  /** Base URL to give as GITHUB_API_URL. */
  url = ''

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res)
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.url = `http://127.0.0.1:${port}${PREFIX}`
    return this.url
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  of(method: string, pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(PREFIX)) {
      this.problems.push(`request outside ${PREFIX}: ${req.method} ${url.pathname}`)
      return this.send(res, 404, { message: 'Not Found' })
    }
    let body: unknown = undefined
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        this.problems.push(`body is not JSON: ${req.method} ${url.pathname}`)
      }
    }
    const path = url.pathname.slice(PREFIX.length)
    const auth = req.headers.authorization
    this.requests.push({ method: req.method ?? '', path, query: url.searchParams, authorization: auth, body })
    this.route(req.method ?? '', path, url.searchParams, body, res)
  }

  private route(method: string, path: string, query: URLSearchParams, body: unknown, res: ServerResponse): void {
    const o = this.options
    let m: RegExpExecArray | null
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) {
      this.checkAnnotations(body)
      const status = o.checkRunStatus ?? 201
      if (status >= 400) return this.send(res, status, { message: 'Resource not accessible by integration' })
      return this.send(res, status, { id: 77, html_url: 'https://github.example/octo/repo/runs/77' })
    }
    if (method === 'PATCH' && /^\/repos\/[^/]+\/[^/]+\/check-runs\/77$/.test(path)) {
      this.checkAnnotations(body)
      return this.send(res, 200, { id: 77 })
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(path))) {
      const size = o.pageSize ?? 100
      const page = Number(query.get('page') ?? '1')
      const files = o.files ?? []
      const slice = files.slice((page - 1) * size, page * size)
      const headers: Record<string, string> = {}
      if (page * size < files.length) {
        headers.link = `<${this.url}/repos/octo/repo/pulls/${m[1]}/files?per_page=${size}&page=${page + 1}>; rel="next"`
      }
      return this.send(res, 200, slice, headers)
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/comments$/.test(path)) {
      return this.send(res, 200, this.comments.map((c) => ({ ...c, user: { login: 'github-actions[bot]', type: 'Bot' } })))
    }
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/.test(path)) {
      const review = body as { comments?: { path: string; line: number; side: string; body: string }[] }
      // GitHub refuses the whole review when one comment is not on a line of the diff.
      const outside = (review.comments ?? []).filter((c) => !this.inDiff(c.path, c.line) || c.side !== 'RIGHT')
      if (outside.length > 0) {
        this.problems.push(`review comment outside the diff: ${outside.map((c) => `${c.path}:${c.line}`).join(', ')}`)
        return this.send(res, 422, { message: 'Pull request review thread line must be part of the diff' })
      }
      if (o.reviewStatus && o.reviewStatus >= 400) return this.send(res, o.reviewStatus, { message: 'Resource not accessible by integration' })
      for (const c of review.comments ?? []) this.comments.push({ id: this.nextId++, body: c.body, path: c.path, line: c.line })
      return this.send(res, 200, { id: 1 })
    }
    if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/comments\/(\d+)$/.exec(path))) {
      const c = this.comments.find((x) => x.id === Number(m![1]))
      if (!c) return this.send(res, 404, { message: 'Not Found' })
      c.body = (body as { body: string }).body
      return this.send(res, 200, c)
    }
    this.problems.push(`unexpected request: ${method} ${path}`)
    return this.send(res, 404, { message: 'Not Found' })
  }

  private inDiff(file: string, line: number): boolean {
    const f = (this.options.files ?? []).find((x) => x.filename === file)
    return f?.patch !== undefined && parsePatch(f.patch).commentable.has(line)
  }

  private checkAnnotations(body: unknown): void {
    const n = (body as { output?: { annotations?: unknown[] } })?.output?.annotations?.length ?? 0
    if (n > 50) this.problems.push(`check run request with ${n} annotations (GitHub takes at most 50)`)
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }
}
