/** The rule registry: explicit static imports (ncc cannot follow globbed imports), sorted by id. */
import type { RuleModule } from '../core/rule.js'
import containerOsMismatch from './container-os-mismatch/rule.js'
import endOfLifeWindowsImage from './end-of-life-windows-image/rule.js'
import floatingRunnerLabel from './floating-runner-label/rule.js'
import imageNewerThanHost from './image-newer-than-host/rule.js'
import invalidIsolationValue from './invalid-isolation-value/rule.js'
import parseError from './parse-error/rule.js'
import processIsolationBuildMismatch from './process-isolation-build-mismatch/rule.js'
import productionRequiresHyperv from './production-requires-hyperv/rule.js'
import retiredRunnerLabel from './retired-runner-label/rule.js'
import smokeTestFailed from './smoke-test-failed/rule.js'
import unknownImageBuild from './unknown-image-build/rule.js'
import windowsImageMissingTag from './windows-image-missing-tag/rule.js'

export const RULES: readonly RuleModule[] = [
  containerOsMismatch,
  endOfLifeWindowsImage,
  floatingRunnerLabel,
  imageNewerThanHost,
  invalidIsolationValue,
  parseError,
  processIsolationBuildMismatch,
  productionRequiresHyperv,
  retiredRunnerLabel,
  smokeTestFailed,
  unknownImageBuild,
  windowsImageMissingTag,
]
