#!/usr/bin/env node
import { runCli } from './main.js'
import { isTerminal, stdoutWriter } from './stdout.js'

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: stdoutWriter(),
  stderr: (text) => process.stderr.write(text),
  color: isTerminal() && !process.env.NO_COLOR,
}).then((code) => {
  process.exitCode = code
})
