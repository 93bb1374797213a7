/**
 * `dockerfile-ast`, loaded on first use. Only the few Dockerfiles that the one-pass reader leaves to it need it (see
 * `dockerfile-reader.ts`), so most runs never load it: evaluating it and its vscode-languageserver dependencies took
 * about 10 ms of every start (issue 11). The bundles carry it as a file of their own next to them
 * (`dockerfile-ast.cjs`, built by `scripts/bundle.mjs`); the sources, where that file does not exist, load the package.
 */
import { createRequire } from 'node:module'
import type * as DockerfileAst from 'dockerfile-ast'

let loaded: typeof DockerfileAst | undefined

/** The `dockerfile-ast` module. */
export function dockerfileAst(): typeof DockerfileAst {
  return (loaded ??= load())
}

function load(): typeof DockerfileAst {
  const require = createRequire(import.meta.url)
  try {
    return require('./dockerfile-ast.cjs') as typeof DockerfileAst
  } catch (e) {
    // Only this file missing means "the sources": a require of its own that fails inside it surfaces as is. (A
    // `new URL(...)` test for the file would make ncc copy it into the bundle as an asset.)
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((e as Error).message).includes("'./dockerfile-ast.cjs'")) throw e
    return require('dockerfile-ast') as typeof DockerfileAst
  }
}
