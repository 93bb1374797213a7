/** The rule registry: explicit static imports (ncc cannot follow globbed imports), sorted by id. */
import type { RuleModule } from '../core/rule.js'
import containerOsMismatch from './container-os-mismatch/rule.js'
import endOfLifeWindowsImage from './end-of-life-windows-image/rule.js'
import engineAccessFromContainer from './engine-access-from-container/rule.js'
import floatingRunnerLabel from './floating-runner-label/rule.js'
import hostprocessWorkload from './hostprocess-workload/rule.js'
import hypervUnsupportedOnHost from './hyperv-unsupported-on-host/rule.js'
import imageNewerThanHost from './image-newer-than-host/rule.js'
import invalidIsolationValue from './invalid-isolation-value/rule.js'
import invalidSuppression from './invalid-suppression/rule.js'
import linuxOnlyContainerFeature from './linux-only-container-feature/rule.js'
import parseError from './parse-error/rule.js'
import processIsolationBuildMismatch from './process-isolation-build-mismatch/rule.js'
import productionRequiresHyperv from './production-requires-hyperv/rule.js'
import retiredRunnerLabel from './retired-runner-label/rule.js'
import runnerWithoutDocker from './runner-without-docker/rule.js'
import smokeTestFailed from './smoke-test-failed/rule.js'
import unknownImageBuild from './unknown-image-build/rule.js'
import unknownRunnerLabel from './unknown-runner-label/rule.js'
import unmaintainedImageTag from './unmaintained-image-tag/rule.js'
import unpublishedImageTag from './unpublished-image-tag/rule.js'
import untrustedCodeRequiresHyperv from './untrusted-code-requires-hyperv/rule.js'
import unusedSuppression from './unused-suppression/rule.js'
import windowsImageMissingTag from './windows-image-missing-tag/rule.js'

export const RULES: readonly RuleModule[] = [
  containerOsMismatch,
  endOfLifeWindowsImage,
  engineAccessFromContainer,
  floatingRunnerLabel,
  hostprocessWorkload,
  hypervUnsupportedOnHost,
  imageNewerThanHost,
  invalidIsolationValue,
  invalidSuppression,
  linuxOnlyContainerFeature,
  parseError,
  processIsolationBuildMismatch,
  productionRequiresHyperv,
  retiredRunnerLabel,
  runnerWithoutDocker,
  smokeTestFailed,
  unknownImageBuild,
  unknownRunnerLabel,
  unmaintainedImageTag,
  unpublishedImageTag,
  untrustedCodeRequiresHyperv,
  unusedSuppression,
  windowsImageMissingTag,
]
