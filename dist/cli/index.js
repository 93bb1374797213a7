#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5940:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 4022:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const line_1 = __nccwpck_require__(7005);
const util_1 = __nccwpck_require__(7459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 9933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const ast = __nccwpck_require__(8390);
const imageTemplate_1 = __nccwpck_require__(3520);
const from_1 = __nccwpck_require__(5377);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 1077:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flagOption_1 = __nccwpck_require__(3700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 3700:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 7599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 3520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const onbuild_1 = __nccwpck_require__(5554);
const util_1 = __nccwpck_require__(7459);
const workdir_1 = __nccwpck_require__(7529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
const line_1 = __nccwpck_require__(7005);
const argument_1 = __nccwpck_require__(5940);
const heredoc_1 = __nccwpck_require__(7599);
const variable_1 = __nccwpck_require__(3743);
const main_1 = __nccwpck_require__(8390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 9618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(9602);
const propertyInstruction_1 = __nccwpck_require__(4984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 5377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 1167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(2393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 3871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
const util_1 = __nccwpck_require__(7459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 5554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const parser_1 = __nccwpck_require__(7988);
const instruction_1 = __nccwpck_require__(5279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 7224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 7523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 4301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 3998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(5279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 1347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 3702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(5940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 5305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const argument_1 = __nccwpck_require__(5940);
const jsonArgument_1 = __nccwpck_require__(3702);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 8390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(5940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(3702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(4022);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(7988);
var flag_1 = __nccwpck_require__(1077);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(5279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(7005);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(7499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(9602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(3743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(9618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(4381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(5517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(1835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(1822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(5377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(1167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(7599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(5305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(3871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(2393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(5554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(4984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(7224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(7523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(4301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(3998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(1347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(7529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flag_1 = __nccwpck_require__(1077);
const instruction_1 = __nccwpck_require__(5279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 7988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(3383);
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const comment_1 = __nccwpck_require__(4022);
const parserDirective_1 = __nccwpck_require__(7499);
const instruction_1 = __nccwpck_require__(5279);
const add_1 = __nccwpck_require__(9618);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const label_1 = __nccwpck_require__(3871);
const onbuild_1 = __nccwpck_require__(5554);
const run_1 = __nccwpck_require__(7224);
const shell_1 = __nccwpck_require__(7523);
const stopsignal_1 = __nccwpck_require__(4301);
const workdir_1 = __nccwpck_require__(7529);
const user_1 = __nccwpck_require__(3998);
const volume_1 = __nccwpck_require__(1347);
const dockerfile_1 = __nccwpck_require__(9933);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 7499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(8390);
const line_1 = __nccwpck_require__(7005);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 9602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 4984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const instruction_1 = __nccwpck_require__(5279);
const property_1 = __nccwpck_require__(9602);
const argument_1 = __nccwpck_require__(5940);
const util_1 = __nccwpck_require__(7459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 7459:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 3743:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 3383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 4612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
exports.X5 = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
exports.DB = cst;
exports.JG = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/core/errors.ts
/** Bad command line, input or configuration: exit code 2, message shown as is. */
class UsageError extends Error {
    name = 'UsageError';
}
/** A bug in isolint (a rule that throws, a broken contract): exit code 3. */
class InternalError extends Error {
    name = 'InternalError';
}

;// CONCATENATED MODULE: ./src/core/catalog.ts
/** Typed, validated access to rules/catalog.yaml (bundled into dist/ by ncc through the URL below). */



const SCOPES = new Set(['dockerfile', 'compose', 'workflow', 'kubernetes', 'project']);
const TYPES = new Set(['problem', 'policy', 'suggestion']);
const SEVERITIES = new Set(['error', 'warning', 'note']);
const STAGES = new Set(['experimental', 'stable', 'retired']);
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Checks the catalog's shape; throws InternalError naming the entry and field. */
function validateCatalog(data) {
    if (!Array.isArray(data))
        throw new InternalError('rules/catalog.yaml: expected a list of rules');
    const ids = new Set();
    return data.map((raw, i) => {
        const e = raw;
        const where = `rules/catalog.yaml entry ${i + 1}`;
        const str = (k) => {
            const v = e?.[k];
            if (typeof v !== 'string' || v.trim() === '')
                throw new InternalError(`${where}: '${k}' must be a non-empty string`);
            return v;
        };
        const id = str('id');
        if (!ID.test(id))
            throw new InternalError(`${where}: id '${id}' is not kebab-case`);
        if (ids.has(id))
            throw new InternalError(`${where}: duplicate id '${id}'`);
        ids.add(id);
        const pick = (k, allowed) => {
            const v = str(k);
            if (!allowed.has(v))
                throw new InternalError(`${where} (${id}): '${k}' must be one of ${[...allowed].join(', ')}`);
            return v;
        };
        const summary = str('summary');
        if (summary.endsWith('.'))
            throw new InternalError(`${where} (${id}): summary must not end with a period`);
        const sources = e.sources;
        if (!Array.isArray(sources) || sources.length === 0)
            throw new InternalError(`${where} (${id}): sources must be a non-empty list`);
        for (const s of sources) {
            if (typeof s?.title !== 'string' || typeof s?.url !== 'string' || !/^https:\/\//.test(s.url)) {
                throw new InternalError(`${where} (${id}): every source needs a title and an https url`);
            }
        }
        return {
            id,
            scope: pick('scope', SCOPES),
            type: pick('type', TYPES),
            defaultSeverity: pick('defaultSeverity', SEVERITIES),
            stage: pick('stage', STAGES),
            summary,
            help: str('help'),
            sources: sources,
        };
    });
}
let cached;
/** The catalog, keyed by rule id, in file order. */
function loadCatalog() {
    if (!cached) {
        const text = (0,external_node_fs_namespaceObject.readFileSync)(__nccwpck_require__.ab + "catalog.yaml", 'utf8');
        cached = new Map(validateCatalog((0,dist/* parse */.qg)(text)).map((e) => [e.id, e]));
    }
    return cached;
}

;// CONCATENATED MODULE: ./src/core/finding.ts
const SEVERITY_RANK = { error: 3, warning: 2, note: 1 };
function compareFindings(a, b) {
    return ((a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
        a.span.start.line - b.span.start.line ||
        a.span.start.column - b.span.start.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
function atLeast(severity, threshold) {
    return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

;// CONCATENATED MODULE: ./src/core/meta.ts
/** Facts about isolint itself, used in reports. */
const TOOL_NAME = 'isolint';
const TOOL_VERSION = '0.1.0';
const REPOSITORY_URL = 'https://github.com/isolint/isolint';
/** Stable documentation link of a rule, at the released tag. */
function ruleHelpUri(ruleId) {
    return `${REPOSITORY_URL}/blob/v${TOOL_VERSION}/docs/rules/${ruleId}.md`;
}

;// CONCATENATED MODULE: ./src/core/engine.ts
/**
 * Runs rules over a project. Validates every report (the rule is in the catalog, the span lies inside a linted
 * file, the message is not empty) and isolates rule crashes so the other rules' findings are never lost.
 */



function runRules(input) {
    const catalog = input.catalog ?? loadCatalog();
    const findings = [];
    const crashes = [];
    const seen = new Set();
    for (const rule of input.rules) {
        const entry = catalog.get(rule.id);
        if (!entry || entry.stage === 'retired') {
            crashes.push({ ruleId: rule.id, error: new InternalError(`rule '${rule.id}' has no active catalog entry`) });
            continue;
        }
        const report = (r) => {
            checkSpan(rule.id, r.span, input.lineCounts);
            for (const rel of r.related ?? [])
                checkSpan(rule.id, rel.span, input.lineCounts);
            if (!r.message.trim())
                throw new InternalError(`rule '${rule.id}' reported an empty message at ${where(r.span)}`);
            const finding = {
                ruleId: rule.id,
                severity: entry.defaultSeverity,
                message: r.message,
                span: r.span,
                related: r.related ?? [],
                ...(r.fix ? { fix: r.fix } : {}),
            };
            // The same problem reached twice (two matrix entries with one outcome) is reported once.
            const key = `${rule.id}\0${where(r.span)}\0${r.message}`;
            if (seen.has(key))
                return;
            seen.add(key);
            findings.push(finding);
        };
        try {
            rule.check({ project: input.project, kb: input.kb, report });
        }
        catch (e) {
            crashes.push({ ruleId: rule.id, error: e instanceof Error ? e : new Error(String(e)) });
        }
    }
    findings.sort(compareFindings);
    return { findings, crashes };
}
function where(span) {
    return `${span.file}:${span.start.line}:${span.start.column}`;
}
function checkSpan(ruleId, span, lineCounts) {
    const lines = lineCounts.get(span.file);
    const ok = lines !== undefined &&
        span.start.line >= 1 &&
        span.start.column >= 1 &&
        span.start.line <= lines &&
        (span.end.line > span.start.line || (span.end.line === span.start.line && span.end.column >= span.start.column)) &&
        span.end.line <= lines;
    if (!ok)
        throw new InternalError(`rule '${ruleId}' reported a position outside its file: ${where(span)}`);
}

;// CONCATENATED MODULE: ./src/core/span.ts
function span(file, line, column, endLine, endColumn) {
    return { file, start: { line, column }, end: { line: endLine, column: endColumn } };
}
/** A span covering a whole line of text (column 1 up to the end of the line). */
function lineSpan(file, line, lineText) {
    return span(file, line, 1, line, Math.max(1, lineText.length + 1));
}
function comparePositions(a, b) {
    return a.line - b.line || a.column - b.column;
}
/** Maps 0-based string offsets to 1-based positions; one instance per source text. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                this.starts.push(i + 1);
            else if (c === 13 && text.charCodeAt(i + 1) !== 10)
                this.starts.push(i + 1);
        }
    }
    get lineCount() {
        return this.starts.length;
    }
    /** The position of an offset; an offset between the `\r` and `\n` of a CRLF is the end of its line. */
    position(offset) {
        let o = Math.max(0, Math.min(offset, this.text.length));
        if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10)
            o--;
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: o - this.starts[lo] + 1 };
    }
    offset(pos) {
        const start = this.starts[pos.line - 1] ?? this.text.length;
        return start + pos.column - 1;
    }
    /** Text of a 1-based line without its line terminator. */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line] ?? this.text.length;
        return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
    }
    span(file, startOffset, endOffset) {
        return { file, start: this.position(startOffset), end: this.position(endOffset) };
    }
}

;// CONCATENATED MODULE: ./src/kb/compatibility.ts
const OK = Object.freeze({ kind: 'ok' });
const NEEDS_HYPERV = Object.freeze({ kind: 'needs-hyperv' });
const NEWER = Object.freeze({ kind: 'newer-than-host' });
/**
 * The build the classic moby image store picks from a manifest list on a host: entries newer than the host are
 * dropped, the host's own build is preferred, otherwise the first remaining entry in list order wins.
 */
function pickBuild(candidates, hostBuild) {
    const usable = candidates.filter((b) => b <= hostBuild);
    return usable.includes(hostBuild) ? hostBuild : usable[0];
}
/**
 * hcsshim/containerd `CheckHostAndContainerCompat` for process isolation: below the threshold the builds must be
 * equal; above it the image must lie between the newest LTSC strictly lower than the host (default: the threshold)
 * and the host.
 */
function algorithmAllows(algorithm, hostBuild, imageBuild) {
    if (hostBuild < algorithm.threshold)
        return imageBuild === hostBuild;
    const lower = algorithm.ltsc.filter((b) => b < hostBuild);
    const floor = lower.length > 0 ? Math.max(...lower) : algorithm.threshold;
    return floor <= imageBuild && imageBuild <= hostBuild;
}
/** The Microsoft matrix row of a host build, if the KB lists it for that host kind. */
function matrixEntry(data, hostBuild, hostKind) {
    return data.hostMatrix[hostKind][String(hostBuild)];
}
/** Whether process isolation runs the image build on the host (dev/test-only client support counts). */
function processAllowed(data, hostBuild, hostKind, imageBuild) {
    if (imageBuild > hostBuild)
        return false;
    const row = matrixEntry(data, hostBuild, hostKind);
    if (!row)
        return algorithmAllows(data.algorithm, hostBuild, imageBuild);
    return row.process.includes(imageBuild) || (row.processDevTestOnly?.includes(imageBuild) ?? false);
}
/**
 * Verdict for an image build on a host with an isolation mode. A newer image never runs (moby refuses to pull it);
 * Hyper-V isolation runs any older or equal build; process isolation follows the matrix, then the algorithm.
 */
function compatibility(data, hostBuild, hostKind, imageBuild, isolation) {
    if (imageBuild > hostBuild)
        return NEWER;
    if (isolation === 'hyperv')
        return OK;
    return processAllowed(data, hostBuild, hostKind, imageBuild) ? OK : NEEDS_HYPERV;
}
/** Default isolation of a host kind, from the KB defaults. */
function defaultIsolation(data, kind) {
    return data.defaults[kind].isolation;
}
/** Name facts of a build; undefined when the KB does not know it. */
function buildInfo(data, build) {
    const entry = data.builds[String(build)];
    if (!entry)
        return undefined;
    const endOfLife = entry.lifecycle?.endOfLife;
    return endOfLife ? { build, name: entry.name, title: entry.title, endOfLife } : { build, name: entry.name, title: entry.title };
}
/** The tag token of the newest published base-image build the host runs in process isolation. */
function matchingTag(data, hostBuild, hostKind) {
    let best;
    for (const [key, entry] of Object.entries(data.builds)) {
        const build = Number(key);
        if (!entry.tag || (best && best.build >= build))
            continue;
        if (processAllowed(data, hostBuild, hostKind, build))
            best = { build, tag: entry.tag };
    }
    return best?.tag;
}

;// CONCATENATED MODULE: ./src/kb/data.ts
/** Raw shape of rules/windows-knowledge.json and a cheap structural check (the full JSON Schema runs in tests). */

const WHERE = 'rules/windows-knowledge.json';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
function fail(path, what) {
    throw new InternalError(`${WHERE}: ${path} ${what}`);
}
function obj(v, path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        fail(path, 'must be an object');
    return v;
}
function arr(v, path) {
    if (!Array.isArray(v))
        fail(path, 'must be a list');
    return v;
}
function data_text(o, key, path) {
    const v = o[key];
    if (typeof v !== 'string' || v.trim() === '')
        fail(`${path}.${key}`, 'must be a non-empty string');
    return v;
}
function builds(v, path) {
    if (!arr(v, path).every((b) => Number.isInteger(b)))
        fail(path, 'must be a list of build numbers');
}
function fact(v, path) {
    const o = obj(v, path);
    data_text(o, 'source', path);
    if (!DATE.test(data_text(o, 'verified', path)))
        fail(`${path}.verified`, 'must be an ISO date');
    return o;
}
function regex(o, path) {
    const flags = o.flags === undefined ? '' : o.flags;
    if (typeof flags !== 'string')
        fail(`${path}.flags`, 'must be a string');
    try {
        new RegExp(data_text(o, 'pattern', path), flags);
    }
    catch (e) {
        fail(`${path}.pattern`, `is not a valid regular expression (${e.message})`);
    }
}
function checkBuildMap(v, path, each) {
    for (const [key, entry] of Object.entries(obj(v, path))) {
        if (!/^\d{5}$/.test(key))
            fail(`${path}.${key}`, 'key must be a 5-digit build number');
        each(fact(entry, `${path}.${key}`), `${path}.${key}`);
    }
}
/**
 * Cheap structural check of the parsed knowledge base: the sections and fields the lookups read, that every fact
 * there has a source and a verified date, and that every regex compiles. Throws InternalError naming the path.
 */
function validateKbData(raw) {
    const root = obj(raw, '(root)');
    const meta = obj(root.meta, 'meta');
    data_text(meta, 'version', 'meta');
    if (!DATE.test(data_text(meta, 'verified', 'meta')))
        fail('meta.verified', 'must be an ISO date');
    checkBuildMap(root.builds, 'builds', (o, p) => {
        data_text(o, 'name', p);
        data_text(o, 'title', p);
        if (!['server', 'client', 'server+client'].includes(o.kind))
            fail(`${p}.kind`, 'must be server, client or server+client');
        if (o.lifecycle !== undefined)
            fact(o.lifecycle, `${p}.lifecycle`);
    });
    const matrix = obj(root.hostMatrix, 'hostMatrix');
    for (const kind of ['server', 'client']) {
        checkBuildMap(matrix[kind], `hostMatrix.${kind}`, (o, p) => {
            builds(o.process, `${p}.process`);
            builds(o.hyperv, `${p}.hyperv`);
            if (o.processDevTestOnly !== undefined)
                builds(o.processDevTestOnly, `${p}.processDevTestOnly`);
        });
    }
    const algorithm = fact(root.algorithm, 'algorithm');
    builds(algorithm.ltsc, 'algorithm.ltsc');
    if (!Number.isInteger(algorithm.threshold))
        fail('algorithm.threshold', 'must be a build number');
    const defaults = obj(root.defaults, 'defaults');
    for (const kind of ['server', 'client']) {
        const d = fact(defaults[kind], `defaults.${kind}`);
        if (d.isolation !== 'process' && d.isolation !== 'hyperv')
            fail(`defaults.${kind}.isolation`, 'must be process or hyperv');
    }
    for (const [provider, labels] of Object.entries(obj(root.runners, 'runners'))) {
        for (const [label, entry] of Object.entries(obj(labels, `runners.${provider}`))) {
            const p = `runners.${provider}.${label}`;
            const r = fact(entry, p);
            if (!['windows', 'linux', 'macos'].includes(r.os))
                fail(`${p}.os`, 'must be windows, linux or macos');
            if (r.kind !== 'server' && r.kind !== 'client')
                fail(`${p}.kind`, 'must be server or client');
            if (r.floating !== undefined)
                fact(r.floating, `${p}.floating`);
            if (r.retired !== undefined)
                fact(r.retired, `${p}.retired`);
        }
    }
    arr(root.runnerPatterns, 'runnerPatterns').forEach((e, i) => regex(fact(e, `runnerPatterns[${i}]`), `runnerPatterns[${i}]`));
    arr(root.tagPatterns, 'tagPatterns').forEach((e, i) => {
        const p = `tagPatterns[${i}]`;
        const t = fact(e, p);
        regex(t, p);
        if (!(t.build === null || t.build === 'captured' || Number.isInteger(t.build)))
            fail(`${p}.build`, 'must be a build, "captured" or null');
        if (t.context !== 'any' && t.context !== 'windows')
            fail(`${p}.context`, 'must be any or windows');
    });
    regex(fact(root.windowsTagMarkers, 'windowsTagMarkers'), 'windowsTagMarkers');
    regex(fact(root.linuxTagMarkers, 'linuxTagMarkers'), 'linuxTagMarkers');
    arr(root.repositories, 'repositories').forEach((e, i) => {
        const p = `repositories[${i}]`;
        const r = fact(e, p);
        data_text(r, 'id', p);
        data_text(r, 'reason', p);
        if (arr(r.repositories, `${p}.repositories`).length === 0)
            fail(`${p}.repositories`, 'must not be empty');
        if (!['windows', 'linux', 'mixed'].includes(r.platform))
            fail(`${p}.platform`, 'must be windows, linux or mixed');
        if (r.tags !== undefined)
            arr(r.tags, `${p}.tags`).forEach((t, j) => regex(fact(t, `${p}.tags[${j}]`), `${p}.tags[${j}]`));
        if (r.otherTags !== undefined)
            fact(r.otherTags, `${p}.otherTags`);
    });
    return root;
}

;// CONCATENATED MODULE: ./src/kb/hosts.ts
/** Compiles the runner label patterns of the KB. */
function compileHostRules(data) {
    return { data, patterns: data.runnerPatterns.map((entry) => ({ re: new RegExp(entry.pattern, entry.flags ?? ''), entry })) };
}
const BUILD_LABEL = /^(?:10\.0\.(\d{5})(?:\.(\d+))?|(\d{5}))$/;
/** `10.0.26100`, `10.0.26100.1234` or `26100` → build (and UBR); undefined for anything else. */
function parseBuildLabel(label) {
    const m = BUILD_LABEL.exec(label.trim());
    if (!m)
        return undefined;
    const build = Number(m[1] ?? m[3]);
    return m[2] === undefined ? { build } : { build, ubr: Number(m[2]) };
}
/** Host kind of a bare build: client only for builds the KB knows as client-only releases. */
function kindOfBuild(data, build) {
    return data.builds[String(build)]?.kind === 'client' ? 'client' : 'server';
}
function fromRunner(label, r) {
    const windows = r.os === 'windows';
    const floating = r.floating && {
        resolvesTo: r.floating.resolvesTo,
        history: r.floating.previous?.length
            ? r.floating.previous.map((p) => `${p.label} (build ${p.build}) until ${p.until}`).join('; ')
            : r.floating.note,
        source: r.floating.source,
        ...(r.floating.previous && { previous: r.floating.previous.map(({ label: l, build, until }) => ({ label: l, build, until })) }),
    };
    const retired = r.retired && { on: r.retired.on, note: r.retired.note, source: r.retired.source };
    return {
        label,
        os: r.os,
        ...(windows && r.build !== undefined && { build: r.build }),
        kind: r.kind,
        docker: windows && r.docker !== false,
        ...(retired && { retired }),
        ...(floating && { floating }),
        source: r.source,
    };
}
function fromExtension(data, label, ext) {
    const os = ext.os ?? (ext.build !== undefined ? 'windows' : 'unknown');
    const windows = os === 'windows';
    const build = windows ? ext.build : undefined;
    const kind = ext.kind ?? (build !== undefined ? kindOfBuild(data, build) : 'server');
    return { label, os, ...(build !== undefined && { build }), kind, docker: windows, source: 'isolint configuration (runners)' };
}
function findLabel(map, key) {
    if (!map)
        return undefined;
    const hit = Object.keys(map).find((k) => k.toLowerCase() === key);
    return hit === undefined ? undefined : map[hit];
}
/**
 * Resolves a runs-on label, Azure Pipelines vmImage, explicit build or configured label. Order: configuration,
 * bundled runner labels (providers in file order), explicit builds, non-Windows label patterns. Unknown → undefined.
 */
function resolveHost(rules, extensions, labelOrBuild) {
    const label = labelOrBuild.trim();
    const key = label.toLowerCase();
    if (key === '')
        return undefined;
    const ext = findLabel(extensions?.runners, key);
    if (ext)
        return fromExtension(rules.data, label, ext);
    for (const labels of Object.values(rules.data.runners)) {
        const r = findLabel(labels, key);
        if (r)
            return fromRunner(label, r);
    }
    const parsed = parseBuildLabel(label);
    if (parsed)
        return { label, os: 'windows', ...parsed, kind: kindOfBuild(rules.data, parsed.build), docker: true };
    const pattern = rules.patterns.find((p) => p.re.test(label));
    if (pattern)
        return { label, os: pattern.entry.os, kind: 'server', docker: pattern.entry.docker, source: pattern.entry.source };
    return undefined;
}

;// CONCATENATED MODULE: ./src/kb/images.ts
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/**
 * Parses a reference: `[registry/]path[:tag][@digest]`. The first component is a registry when it contains `.` or
 * `:` or is `localhost`. Docker Hub names are normalised (`docker.io/library/python` → `python`).
 */
function parseImageRef(ref) {
    let rest = ref.trim();
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1) || undefined;
        rest = rest.slice(0, at);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1) || undefined;
        rest = rest.slice(0, colon);
    }
    const parts = rest.toLowerCase().split('/');
    const first = parts[0] ?? '';
    let registry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
    let path = registry ? parts.slice(1) : parts;
    if (registry && DOCKER_HUB.has(registry))
        registry = undefined;
    if (!registry && path.length === 2 && path[0] === 'library')
        path = path.slice(1);
    const repository = (registry ? `${registry}/` : '') + path.join('/');
    return { ...(registry && { registry }), repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/** Compiles the image-related sections of the KB. */
function compileImageRules(data) {
    const repositories = new Map();
    const tagRules = new Map();
    for (const repo of data.repositories) {
        for (const name of repo.repositories)
            repositories.set(name.toLowerCase(), repo);
        tagRules.set(repo, (repo.tags ?? []).map((rule) => ({ re: new RegExp(rule.pattern, rule.flags ?? ''), rule })));
    }
    return {
        tokens: data.tagPatterns
            .filter((entry) => entry.build !== null)
            .map((entry) => ({ re: new RegExp(entry.pattern, entry.flags ?? ''), entry })),
        windowsMarker: new RegExp(data.windowsTagMarkers.pattern, data.windowsTagMarkers.flags ?? ''),
        linuxMarker: new RegExp(data.linuxTagMarkers.pattern, data.linuxTagMarkers.flags ?? ''),
        repositories,
        tagRules,
    };
}
/** The Windows build a tag names, if any; release tokens need a Windows-looking tag or a Windows repository. */
function tagBuild(rules, tag, windowsRepo) {
    const windowsContext = windowsRepo || rules.windowsMarker.test(tag);
    for (const { re, entry } of rules.tokens) {
        if (entry.context === 'windows' && !windowsContext)
            continue;
        const m = re.exec(tag);
        if (!m)
            continue;
        const text = m[0].replace(/^[-_.]|[-_.]$/g, '');
        if (entry.build !== 'captured')
            return { build: entry.build, text };
        const build = Number(m.groups?.build);
        if (!Number.isInteger(build))
            continue;
        const ubr = m.groups?.ubr;
        return ubr === undefined ? { build, text } : { build, ubr: Number(ubr), text };
    }
    return undefined;
}
function decide(rules, parsed, repo) {
    if (repo?.hostProcess)
        return { os: 'windows', reason: repo.reason };
    if (repo?.platform === 'linux')
        return { os: 'linux', reason: repo.reason };
    const windowsRepo = repo?.platform === 'windows';
    const { tag } = parsed;
    const hit = tag === undefined ? undefined : tagBuild(rules, tag, windowsRepo);
    if (hit) {
        const reason = `tag ${hit.text}`;
        return hit.ubr === undefined ? { os: 'windows', builds: [hit.build], reason } : { os: 'windows', builds: [hit.build], ubr: hit.ubr, reason };
    }
    // A missing tag means `latest` to Docker, unless a digest pins the image.
    const effectiveTag = tag ?? (parsed.digest === undefined ? 'latest' : undefined);
    if (repo && effectiveTag !== undefined) {
        const rule = rules.tagRules.get(repo)?.find(({ re }) => re.test(effectiveTag))?.rule;
        if (rule)
            return { os: rule.os, ...(rule.builds && { builds: rule.builds }), reason: rule.reason };
    }
    if (tag !== undefined && rules.windowsMarker.test(tag))
        return { os: 'windows', reason: `tag ${tag} names a Windows variant but no build` };
    if (windowsRepo)
        return { os: 'windows', reason: repo.reason };
    if (tag !== undefined && rules.linuxMarker.test(tag))
        return { os: 'linux', reason: `tag ${tag} names a Linux variant` };
    if (repo?.otherTags && effectiveTag !== undefined) {
        const o = repo.otherTags;
        return { os: o.os, ...(o.builds && { builds: o.builds }), reason: o.reason };
    }
    return { os: 'unknown', reason: 'no knowledge-base fact decides the platform of this image' };
}
/** Parses and classifies an image reference (already expanded). */
function classifyImage(rules, ref) {
    const parsed = parseImageRef(ref);
    const repo = rules.repositories.get(parsed.repository);
    const v = decide(rules, parsed, repo);
    const noTag = parsed.tag === undefined && parsed.digest === undefined;
    const missingTag = repo?.latestTag === false && (noTag || parsed.tag?.toLowerCase() === 'latest');
    return {
        ref,
        repository: parsed.repository,
        ...(parsed.tag !== undefined && { tag: parsed.tag }),
        ...(parsed.digest !== undefined && { digest: parsed.digest }),
        os: v.os,
        ...(v.builds && { builds: [...v.builds] }),
        ...(v.ubr !== undefined && { ubr: v.ubr }),
        windowsBase: repo?.windowsBase === true,
        missingTag,
        hostProcess: repo?.hostProcess === true,
        reason: v.reason,
    };
}

;// CONCATENATED MODULE: ./src/kb/index.ts
/** Loads rules/windows-knowledge.json (bundled into dist/ by ncc through the URL below) behind the KnowledgeBase API. */







let kb_cached;
function compile(data) {
    return { data, hosts: compileHostRules(data), images: compileImageRules(data) };
}
function loadCompiled() {
    if (!kb_cached) {
        const text = (0,external_node_fs_namespaceObject.readFileSync)(__nccwpck_require__.ab + "windows-knowledge.json", 'utf8');
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch (e) {
            throw new InternalError(`rules/windows-knowledge.json: invalid JSON (${e.message})`);
        }
        kb_cached = compile(validateKbData(raw));
    }
    return kb_cached;
}
function fromCompiled({ data, hosts, images }, extensions) {
    // Several rules and the reports classify the same references; classification runs every tag pattern, so once.
    const classified = new Map();
    return {
        host: (labelOrBuild) => resolveHost(hosts, extensions, labelOrBuild),
        image: (ref) => {
            let info = classified.get(ref);
            if (!info)
                classified.set(ref, (info = classifyImage(images, ref)));
            return info;
        },
        pickBuild: pickBuild,
        compatibility: (hostBuild, hostKind, imageBuild, isolation) => compatibility(data, hostBuild, hostKind, imageBuild, isolation),
        defaultIsolation: (kind) => defaultIsolation(data, kind),
        buildInfo: (build) => buildInfo(data, build),
        matchingTag: (hostBuild, hostKind) => matchingTag(data, hostBuild, hostKind),
        version: data.meta.version,
    };
}
/** A KnowledgeBase over given data (a pinned snapshot in tests); call validateKbData on untrusted data first. */
function createKnowledgeBase(data, extensions) {
    return fromCompiled(compile(data), extensions);
}
/**
 * The bundled Windows knowledge base (parsed and checked once), with self-hosted runner labels from configuration
 * merged over the bundled labels.
 */
function loadKnowledgeBase(extensions) {
    return fromCompiled(loadCompiled(), extensions);
}

;// CONCATENATED MODULE: ./src/project/discover.ts
/**
 * Finds the files isolint lints under the given paths. Never follows a link out of the scanned root, never loops
 * on a link cycle, and reports what it could not read instead of failing the run.
 */



const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** The kind a file name implies, or undefined. `rel` is a POSIX path relative to the root. */
function kindFromName(rel) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    const lower = base.toLowerCase();
    if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel))
        return 'workflow';
    if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(lower))
        return 'compose';
    if (lower === 'dockerfile' || lower === 'containerfile')
        return 'dockerfile';
    if (lower.endsWith('.dockerfile') || lower.endsWith('.containerfile'))
        return 'dockerfile';
    if (lower.startsWith('dockerfile.') || lower.startsWith('containerfile.'))
        return 'dockerfile';
    return undefined;
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
/** True when `target` is `root` or inside it. */
function isInside(root, target) {
    const rel = external_node_path_default().relative(root, target);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/**
 * Walks `paths` (files or folders, relative to `root` or absolute) and returns the lintable files, sorted.
 * A path that does not exist or lies outside the root is a UsageError (exit 2).
 */
function discover(root, paths) {
    let realRoot;
    try {
        realRoot = (0,external_node_fs_namespaceObject.realpathSync)(root);
        if (!(0,external_node_fs_namespaceObject.statSync)(realRoot).isDirectory())
            throw new UsageError(`the root is not a folder: ${root}`);
    }
    catch (e) {
        throw e instanceof UsageError ? e : new UsageError(pathError(root, e, 'root folder'));
    }
    const files = new Map();
    const skipped = [];
    const visitedDirs = new Set();
    /** Real paths of the files found so far. */
    const fileReals = new Set();
    /** Links inside the tree, not followed yet. */
    const links = [];
    const relOf = (abs) => toPosix(external_node_path_default().relative(realRoot, abs)) || '.';
    /**
     * Walks a folder whose real path is `real`. Real paths of plain subfolders and files are joined, not resolved, and
     * entry types come from the folder listing: the work stays linear in the depth of the tree (resolving every path
     * would cost one lstat per path component, quadratic in a deep tree).
     */
    const walk = (dir, real) => {
        if (visitedDirs.has(real))
            return;
        visitedDirs.add(real);
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        }
        catch (e) {
            skipped.push({ file: relOf(dir), reason: `cannot read folder: ${errorCode(e)}` });
            return;
        }
        for (const entry of entries) {
            const name = entry.name;
            const abs = external_node_path_default().join(dir, name);
            if (entry.isSymbolicLink()) {
                const target = resolveLink(abs);
                if ('problem' in target) {
                    skipped.push({ file: relOf(abs), reason: target.problem });
                }
                else if (!isInside(realRoot, target.real)) {
                    skipped.push({ file: relOf(abs), reason: 'symbolic link pointing outside the scanned folder (not followed)' });
                }
                else if (!target.stats.isDirectory() || !SKIP_DIRS.has(name)) {
                    links.push(abs);
                }
            }
            else if (entry.isDirectory()) {
                if (!SKIP_DIRS.has(name))
                    walk(abs, external_node_path_default().join(real, name));
            }
            else {
                addEntry(abs, external_node_path_default().join(real, name), entry);
            }
        }
    };
    /** A regular file is a candidate; anything else (pipe, device, socket) with a lintable name gets a note. */
    const addEntry = (abs, real, type) => {
        if (type.isFile())
            addFile(abs, real, false);
        else if (kindFromName(relOf(abs)))
            skipped.push({ file: relOf(abs), reason: 'not a regular file (not read)' });
    };
    const addFile = (abs, real, explicit) => {
        const rel = relOf(abs);
        const kind = kindFromName(rel);
        if (!kind && !explicit)
            return;
        const existing = files.get(rel);
        if (existing && (existing.explicit || !explicit))
            return;
        // A file reached again through a link is linted once, under the first name found (real paths come first).
        if (!explicit && fileReals.has(real))
            return;
        fileReals.add(real);
        files.set(rel, { abs, rel, ...(kind ? { kind } : {}), explicit });
    };
    /**
     * Links inside the tree, followed after the walk of the real folders, so that a file or folder reached both
     * directly and through a link is reported under its real path, once.
     */
    const followLinks = () => {
        while (links.length > 0) {
            for (const abs of links.splice(0).sort()) {
                const target = resolveLink(abs);
                if ('problem' in target)
                    continue;
                if (target.stats.isDirectory())
                    walk(abs, target.real);
                else
                    addEntry(abs, target.real, target.stats);
            }
        }
    };
    const givenRoot = external_node_path_default().resolve(root);
    for (const p of paths.length > 0 ? paths : ['.']) {
        // Relative to the root as given, then moved onto its real path, so that reported paths stay relative to it
        // when the root is reached through a link (macOS /var → /private/var).
        const abs = external_node_path_default().join(realRoot, external_node_path_default().relative(givenRoot, external_node_path_default().resolve(givenRoot, p)));
        let st;
        let real;
        try {
            st = (0,external_node_fs_namespaceObject.statSync)(abs);
            real = (0,external_node_fs_namespaceObject.realpathSync)(abs);
        }
        catch (e) {
            throw new UsageError(pathError(p, e));
        }
        if (!isInside(realRoot, real))
            throw new UsageError(`path is outside the scanned root ${realRoot}: ${p}`);
        if (st.isDirectory())
            walk(abs, real);
        else
            addFile(abs, real, true);
    }
    followLinks();
    const sorted = [...files.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    return { root: realRoot, files: sorted, skipped };
}
/** The target of a link, or why it cannot be followed (a loop, a missing target, no permission). */
function resolveLink(abs) {
    try {
        const real = (0,external_node_fs_namespaceObject.realpathSync)(abs);
        return { real, stats: (0,external_node_fs_namespaceObject.statSync)(real) };
    }
    catch (e) {
        const code = e?.code;
        if (code === 'ELOOP')
            return { problem: 'symbolic link loop (not followed)' };
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { problem: 'broken symbolic link: its target does not exist' };
        return { problem: `cannot follow symbolic link: ${errorCode(e)}` };
    }
}
/** Why a path given on the command line (or the root) cannot be used, for a UsageError. */
function pathError(p, e, what = 'path') {
    const code = e?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return `${what} not found: ${p}`;
    if (code === 'ELOOP')
        return `${what} is a symbolic link loop: ${p}`;
    return `cannot read ${what} ${p}: ${errorCode(e)}`;
}
function errorCode(e) {
    const code = e?.code;
    return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e));
}

;// CONCATENATED MODULE: ./src/core/expressions.ts
/**
 * Expansion of the values isolint reads from workflows: GitHub Actions expressions (`${{ matrix.x }}`,
 * `${{ env.X }}`, literals and `||` fallbacks) and shell variables (`$NAME`, `${NAME}`, `$env:NAME`).
 *
 * Expansion is all or nothing: a value that depends on anything isolint cannot know (step outputs, secrets,
 * inputs, command substitutions, variables not in `env`) is reported as unresolved instead of being guessed.
 */
/** Nesting limit for values that refer to other values (env → matrix → env …). */
const MAX_DEPTH = 8;
/**
 * Expands `${{ … }}` expressions and shell variables in `text`. Matrix values and env values may themselves
 * contain expressions; those are expanded too (GitHub evaluates them before the shell runs).
 */
function expandValue(text, ctx) {
    const unresolved = [];
    const value = expand(text, ctx, true, 0, unresolved);
    return unresolved.length > 0 ? { unresolved } : { value, unresolved };
}
/** True when `text` contains a `${{ … }}` expression. */
function hasExpression(text) {
    return text.includes('${{');
}
/**
 * Given `text[start..]` = `${{`, returns the offset just after the closing `}}`, skipping `}}` inside
 * single-quoted expression strings. An unterminated expression returns `start + 3` (the opener is then plain text).
 */
function scanExpressionEnd(text, start) {
    let i = start + 3;
    while (i < text.length) {
        const c = text[i];
        if (c === "'") {
            const close = text.indexOf("'", i + 1);
            if (close < 0)
                break;
            i = close + 1;
            continue;
        }
        if (c === '}' && text[i + 1] === '}')
            return i + 2;
        i++;
    }
    // An unbalanced quote inside: fall back to the first `}}`.
    const close = text.indexOf('}}', start + 3);
    return close < 0 ? start + 3 : close + 2;
}
function expand(text, ctx, shellVars, depth, unresolved) {
    let out = '';
    let i = 0;
    while (i < text.length) {
        if (text.startsWith('${{', i)) {
            const end = scanExpressionEnd(text, i);
            if (end === i + 3) {
                unresolved.push(text.slice(i));
                return out;
            }
            const raw = text.slice(i, end);
            const result = depth > MAX_DEPTH ? undefined : evaluateExpression(text.slice(i + 3, end - 2), ctx, depth);
            if (result === undefined)
                unresolved.push(raw);
            else
                out += result;
            i = end;
            continue;
        }
        if (shellVars && text[i] === '$') {
            const consumed = expandShellVariable(text, i, ctx, depth, unresolved);
            if (consumed.length > 0) {
                out += consumed.text;
                i += consumed.length;
                continue;
            }
        }
        out += text[i];
        i++;
    }
    return out;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Expands the shell variable at `text[i] === '$'`; length 0 means a literal `$`. */
function expandShellVariable(text, i, ctx, depth, unresolved) {
    const next = text[i + 1];
    const lookup = (raw, name, caseInsensitive) => {
        const v = envValue(ctx, name, caseInsensitive);
        if (v === undefined || depth > MAX_DEPTH) {
            unresolved.push(raw);
            return { text: '', length: raw.length };
        }
        return { text: expand(v, ctx, false, depth + 1, unresolved), length: raw.length };
    };
    if (next === '(') {
        const end = scanParens(text, i + 1);
        unresolved.push(text.slice(i, end));
        return { text: '', length: end - i };
    }
    if (next === '{') {
        const close = text.indexOf('}', i + 2);
        if (close < 0)
            return { text: '', length: 0 };
        const raw = text.slice(i, close + 1);
        const inner = text.slice(i + 2, close);
        const plain = /^(env:)?([A-Za-z_][A-Za-z0-9_]*)$/i.exec(inner);
        if (plain)
            return lookup(raw, plain[2], plain[1] !== undefined);
        const withDefault = /^([A-Za-z_][A-Za-z0-9_]*)(:?)-(.*)$/s.exec(inner);
        if (withDefault) {
            const v = envValue(ctx, withDefault[1], false);
            const useDefault = v === undefined || (withDefault[2] === ':' && v === '');
            const chosen = useDefault ? withDefault[3] : v;
            const local = [];
            const result = depth > MAX_DEPTH ? undefined : expand(chosen, ctx, useDefault, depth + 1, local);
            if (result === undefined || local.length > 0) {
                unresolved.push(raw);
                return { text: '', length: raw.length };
            }
            return { text: result, length: raw.length };
        }
        unresolved.push(raw);
        return { text: '', length: raw.length };
    }
    const rest = text.slice(i + 1);
    const ps = /^env:([A-Za-z_][A-Za-z0-9_]*)/i.exec(rest);
    if (ps)
        return lookup(`$${ps[0]}`, ps[1], true);
    const name = NAME.exec(rest);
    if (name)
        return lookup(`$${name[0]}`, name[0], false);
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
        unresolved.push(`$${next}`);
        return { text: '', length: 2 };
    }
    return { text: '', length: 0 };
}
function envValue(ctx, name, caseInsensitive) {
    const exact = ctx.env.get(name);
    if (exact !== undefined || !caseInsensitive)
        return exact;
    const lower = name.toLowerCase();
    for (const [k, v] of ctx.env)
        if (k.toLowerCase() === lower)
            return v;
    return undefined;
}
/** Given `text[open] === '('`, the offset after the matching `)` (quotes respected), or the end of the text. */
function scanParens(text, open) {
    let depth = 0;
    let i = open;
    while (i < text.length) {
        const c = text[i];
        if (c === "'" || c === '"') {
            const close = text.indexOf(c, i + 1);
            i = close < 0 ? text.length : close + 1;
            continue;
        }
        if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i + 1;
        i++;
    }
    return text.length;
}
const MISSING = Symbol('missing');
const UNKNOWN = Symbol('unknown');
/** Evaluates the inside of `${{ … }}`; undefined when the result is not knowable (or a property is missing). */
function evaluateExpression(source, ctx, depth) {
    const tokens = tokenize(source);
    if (!tokens || tokens.length === 0)
        return undefined;
    const parser = new Parser(tokens, ctx, depth);
    const result = parser.parse();
    if (result === UNKNOWN || result === MISSING)
        return undefined;
    return toText(result.v);
}
function tokenize(source) {
    const tokens = [];
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === "'") {
            let s = '';
            let j = i + 1;
            for (;;) {
                if (j >= source.length)
                    return undefined;
                if (source[j] === "'") {
                    if (source[j + 1] === "'") {
                        s += "'";
                        j += 2;
                        continue;
                    }
                    break;
                }
                s += source[j];
                j++;
            }
            tokens.push({ kind: 'str', text: s });
            i = j + 1;
            continue;
        }
        const num = /^(?:0x[0-9a-f]+|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(source.slice(i));
        if (num && !/[A-Za-z_]/.test(source[i + num[0].length] ?? '')) {
            tokens.push({ kind: 'num', text: num[0] });
            i += num[0].length;
            continue;
        }
        const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
        if (ident) {
            tokens.push({ kind: 'ident', text: ident[0] });
            i += ident[0].length;
            continue;
        }
        const op = /^(?:\|\||&&|==|!=|<=|>=|[!<>()[\].,*])/.exec(source.slice(i));
        if (!op)
            return undefined;
        tokens.push({ kind: 'op', text: op[0] });
        i += op[0].length;
    }
    return tokens;
}
class Parser {
    tokens;
    ctx;
    depth;
    pos = 0;
    constructor(tokens, ctx, depth) {
        this.tokens = tokens;
        this.ctx = ctx;
        this.depth = depth;
    }
    parse() {
        try {
            const v = this.or();
            return this.pos === this.tokens.length ? v : UNKNOWN;
        }
        catch {
            return UNKNOWN;
        }
    }
    peek() {
        return this.tokens[this.pos];
    }
    take(text) {
        const t = this.tokens[this.pos];
        if (!t || (text !== undefined && t.text !== text))
            throw new SyntaxError('unexpected token');
        this.pos++;
        return t;
    }
    isOp(text) {
        const t = this.peek();
        return t?.kind === 'op' && t.text === text;
    }
    or() {
        let left = this.and();
        while (this.isOp('||')) {
            this.take();
            const right = this.and();
            if (left === UNKNOWN)
                continue;
            left = truthy(left) ? left : right;
        }
        return left;
    }
    and() {
        let left = this.comparison();
        while (this.isOp('&&')) {
            this.take();
            const right = this.comparison();
            if (left === UNKNOWN)
                continue;
            left = truthy(left) ? right : left;
        }
        return left;
    }
    comparison() {
        const left = this.unary();
        const t = this.peek();
        if (t?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(t.text))
            return left;
        this.take();
        const right = this.unary();
        if (left === UNKNOWN || right === UNKNOWN)
            return UNKNOWN;
        return { v: compare(known(left), known(right), t.text) };
    }
    unary() {
        if (this.isOp('!')) {
            this.take();
            const v = this.unary();
            return v === UNKNOWN ? UNKNOWN : { v: !truthy(v) };
        }
        return this.primary();
    }
    primary() {
        const t = this.take();
        if (t.kind === 'str')
            return { v: t.text };
        if (t.kind === 'num')
            return { v: Number(t.text) };
        if (t.kind === 'op' && t.text === '(') {
            const v = this.or();
            this.take(')');
            return v;
        }
        if (t.kind !== 'ident')
            throw new SyntaxError('unexpected token');
        const word = t.text;
        if (this.isOp('(')) {
            // A function call: evaluate nothing, but consume the arguments.
            this.take('(');
            if (!this.isOp(')')) {
                this.or();
                while (this.isOp(',')) {
                    this.take();
                    this.or();
                }
            }
            this.take(')');
            this.accessors();
            return UNKNOWN;
        }
        if (word === 'true' || word === 'false')
            return { v: word === 'true' };
        if (word === 'null')
            return { v: null };
        const path = this.accessors();
        const context = word.toLowerCase();
        if ((context !== 'matrix' && context !== 'env') || path === undefined || path.length === 0)
            return UNKNOWN;
        const map = context === 'matrix' ? this.ctx.matrix : this.ctx.env;
        const raw = lookupCaseInsensitive(map, path.join('.'));
        if (raw === undefined)
            return MISSING;
        const unresolved = [];
        const v = expand(raw, this.ctx, false, this.depth + 1, unresolved);
        return unresolved.length > 0 ? UNKNOWN : { v };
    }
    /** `.name`, `['name']`, `[0]`, `.*`; undefined when an index is not a literal. */
    accessors() {
        const path = [];
        let known = true;
        for (;;) {
            if (this.isOp('.')) {
                this.take();
                const t = this.take();
                if (t.kind === 'ident' || t.kind === 'num')
                    path.push(t.text);
                else if (t.kind === 'op' && t.text === '*')
                    known = false;
                else
                    throw new SyntaxError('bad property');
                continue;
            }
            if (this.isOp('[')) {
                this.take();
                const t = this.peek();
                if ((t?.kind === 'str' || t?.kind === 'num') && this.tokens[this.pos + 1]?.text === ']') {
                    this.take();
                    path.push(t.text);
                }
                else {
                    this.or();
                    known = false;
                }
                this.take(']');
                continue;
            }
            return known ? path : undefined;
        }
    }
}
function lookupCaseInsensitive(map, key) {
    const exact = map.get(key);
    if (exact !== undefined)
        return exact;
    const lower = key.toLowerCase();
    for (const [k, v] of map)
        if (k.toLowerCase() === lower)
            return v;
    return undefined;
}
function known(v) {
    return v === MISSING || v === UNKNOWN ? null : v.v;
}
function truthy(v) {
    const k = known(v);
    return !(k === null || k === false || k === 0 || k === '' || Number.isNaN(k));
}
function toText(v) {
    if (v === null)
        return '';
    return String(v);
}
function toNumber(v) {
    if (v === null)
        return 0;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (typeof v === 'number')
        return v;
    const t = v.trim();
    return t === '' ? 0 : Number(t);
}
/** GitHub's loose comparison: strings case-insensitively, everything else as numbers. */
function compare(a, b, op) {
    let c;
    if (typeof a === 'string' && typeof b === 'string') {
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        c = x < y ? -1 : x > y ? 1 : 0;
    }
    else {
        const x = toNumber(a);
        const y = toNumber(b);
        if (Number.isNaN(x) || Number.isNaN(y))
            return op === '!=';
        c = x < y ? -1 : x > y ? 1 : 0;
    }
    switch (op) {
        case '==':
            return c === 0;
        case '!=':
            return c !== 0;
        case '<':
            return c < 0;
        case '>':
            return c > 0;
        case '<=':
            return c <= 0;
        default:
            return c >= 0;
    }
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(8390);
;// CONCATENATED MODULE: ./src/parsers/dockerfile-reader.ts
/**
 * Splits a Dockerfile into instructions in one pass: parser directives (the escape character), comments, line
 * continuations with the escape character, heredoc bodies, and for each instruction its keyword as written and
 * three offsets. That is all isolint reads from a Dockerfile's structure; words are split later, only for the
 * instructions that matter (see `dockerfile.ts`).
 *
 * `dockerfile-ast` is the reference: {@link readDockerfile} gives the same instructions and offsets as
 * {@link readWithDockerfileAst} (a differential test proves it on the corpus, the fixtures and the benchmark
 * corpus), and returns undefined for the constructs it does not handle itself, so that the caller falls back to
 * `dockerfile-ast` for that file: a leading byte order mark, a heredoc on an `ONBUILD`, and a heredoc whose
 * instruction line has flags, continuations or escapes.
 */


/** A construct the one-pass reader leaves to `dockerfile-ast`. */
class Unsupported extends Error {
}
/**
 * Reads the instructions of `src` (a Dockerfile without its BOM) in one pass; undefined when the text holds a
 * construct the reader leaves to `dockerfile-ast` (see the module comment).
 */
function readDockerfile(src) {
    if (src.charCodeAt(0) === 0xfeff)
        return undefined;
    try {
        return new Reader(src).read();
    }
    catch (e) {
        if (e instanceof Unsupported)
            return undefined;
        throw e;
    }
}
/** Reads `src` with one pass, or with `dockerfile-ast` for the constructs the one-pass reader does not handle. */
function readInstructions(src) {
    return readDockerfile(src) ?? readWithDockerfileAst(src);
}
/** The same structure read with `dockerfile-ast` (the reference and the fallback). */
function readWithDockerfileAst(src) {
    const df = main.DockerfileParser.parse(src);
    const lines = new LineIndex(src);
    const offset = (p) => lines.offset({ line: p.line + 1, column: p.character + 1 });
    const escapeChar = df.getEscapeCharacter() === '`' ? '`' : '\\';
    const instructions = df.getInstructions().map((ins) => ({
        written: ins.getInstruction(),
        start: offset(ins.getRange().start),
        keywordEnd: offset(ins.getInstructionRange().end),
        end: offset(ins.getRange().end),
    }));
    return { escapeChar, instructions };
}
const SP = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const EQ = 61;
const isBlank = (c) => c === SP || c === TAB;
const isNewline = (c) => c === LF || c === CR;
class Reader {
    src;
    n;
    esc = 92; // '\\'
    out = [];
    constructor(src) {
        this.src = src;
        this.n = src.length;
    }
    read() {
        const { src, n } = this;
        const directives = this.directives();
        let i = directives > 0 ? this.lineStart(directives) : 0;
        for (; i < n; i++) {
            const c = src.charCodeAt(i);
            if (isBlank(c) || isNewline(c))
                continue;
            i = c === HASH ? this.lineEnd(i) : this.instruction(i);
        }
        return { escapeChar: this.esc === 96 ? '`' : '\\', instructions: this.out };
    }
    /** Offset of the end of the line holding `i` (its newline, or the end of the text). */
    lineEnd(i) {
        const { src, n } = this;
        let j = i + 1;
        while (j < n && !isNewline(src.charCodeAt(j)))
            j++;
        return j;
    }
    /** Offset where 0-based line `line` starts (CRLF, CR and LF end lines); the end of the text past the last. */
    lineStart(line) {
        const { src, n } = this;
        let l = 0;
        for (let i = 0; i < n; i++) {
            const c = src.charCodeAt(i);
            if (c === CR && src.charCodeAt(i + 1) === LF)
                i++;
            else if (c !== CR && c !== LF)
                continue;
            if (++l === line)
                return i + 1;
        }
        return n;
    }
    /**
     * Reads the parser directives at the top (`# name=value` lines up to the first other line) and sets the escape
     * character from the first `escape` directive with a valid value; returns how many directive lines there are.
     */
    directives() {
        const { src, n } = this;
        let count = 0;
        let escape;
        scan: for (let i = 0; i < n; i++) {
            const c = src.charCodeAt(i);
            if (isBlank(c))
                continue;
            if (c !== HASH)
                break;
            let nameStart = -1;
            let nameEnd = -1;
            for (let j = i + 1; j < n; j++) {
                const d = src.charCodeAt(j);
                if (isBlank(d)) {
                    if (nameStart !== -1 && nameEnd === -1)
                        nameEnd = j;
                }
                else if (isNewline(d)) {
                    break scan;
                }
                else if (d === EQ) {
                    if (nameEnd === -1)
                        nameEnd = j;
                    let valueStart = -1;
                    let valueEnd = -1;
                    let k = j + 1;
                    for (; k < n; k++) {
                        const e = src.charCodeAt(k);
                        if (isNewline(e)) {
                            if (valueStart !== -1 && valueEnd === -1)
                                valueEnd = k;
                            break;
                        }
                        if (isBlank(e)) {
                            if (valueStart !== -1 && valueEnd === -1)
                                valueEnd = k;
                        }
                        else if (valueStart === -1)
                            valueStart = k;
                    }
                    if (nameStart === -1)
                        break scan; // `#=…`: a comment
                    if (valueStart === -1) {
                        valueStart = j + 1;
                        valueEnd = k;
                    }
                    else if (valueEnd === -1)
                        valueEnd = n;
                    count++;
                    if (escape === undefined && src.slice(nameStart, nameEnd).toLowerCase() === 'escape') {
                        const value = src.slice(valueStart, valueEnd);
                        if (value === '\\' || value === '`')
                            escape = value.charCodeAt(0);
                    }
                    i = src.charCodeAt(valueEnd) === CR ? valueEnd + 1 : valueEnd;
                    continue scan;
                }
                else if (nameStart === -1)
                    nameStart = j;
            }
            // A `#` line running to the end of the text without `=`: the scan goes on after the `#`.
        }
        if (escape !== undefined)
            this.esc = escape;
        return count;
    }
    add(start, keywordEnd, end, written) {
        this.out.push({ written, start, keywordEnd, end });
    }
    /** Reads the instruction starting at `start`; returns the offset the caller's scan resumes after. */
    instruction(start) {
        const { src, n, esc } = this;
        let written = src[start];
        let keywordEnd = -1;
        let escaped = false;
        scan: for (let i = start + 1; i < n; i++) {
            const c = src.charCodeAt(i);
            if (c === esc) {
                escaped = true;
                const d = src.charCodeAt(i + 1);
                if (isNewline(d)) {
                    if (keywordEnd === -1)
                        keywordEnd = i;
                    i++;
                }
                else if (isBlank(d)) {
                    for (let j = i + 2; j < n; j++) {
                        const e = src.charCodeAt(j);
                        if (isBlank(e))
                            continue;
                        if (isNewline(e)) {
                            i = j;
                            continue scan;
                        }
                        // An escaped blank: the keyword ends with the escape character; the arguments start after it.
                        keywordEnd = i + 1;
                        written += src[i];
                        i = j - 2;
                        continue scan;
                    }
                    keywordEnd = i + 1;
                    written += src[i];
                    break scan;
                }
                else {
                    keywordEnd = i + 1;
                    written += src[i];
                    escaped = false;
                }
                continue;
            }
            if (isBlank(c)) {
                if (escaped) {
                    // After a continuation, blanks up to a newline belong to an empty line that is skipped.
                    let j = i + 1;
                    for (; j < n; j++) {
                        const e = src.charCodeAt(j);
                        if (isBlank(e))
                            continue;
                        if (isNewline(e)) {
                            i = j;
                            continue scan;
                        }
                        break;
                    }
                }
                if (keywordEnd === -1)
                    keywordEnd = i;
                const end = this.argumentsEnd(keywordEnd, written, i);
                this.add(start, keywordEnd, end, written);
                return end;
            }
            if (isNewline(c)) {
                if (escaped)
                    continue;
                this.add(start, i, i, written);
                return i;
            }
            if (c === HASH && escaped)
                continue;
            keywordEnd = i + 1;
            written += src[i];
            escaped = false;
        }
        if (keywordEnd === -1)
            keywordEnd = n;
        this.add(start, keywordEnd, n, written);
        return n;
    }
    /** The end of an instruction's arguments starting after offset `from`: the end of the line, continuations and
     * heredoc bodies included. */
    argumentsEnd(keywordEnd, written, from) {
        const { src, n, esc } = this;
        let escaped = false;
        scan: for (let i = from + 1; i < n; i++) {
            const c = src.charCodeAt(i);
            if (isNewline(c)) {
                if (escaped)
                    continue;
                return this.heredocs(keywordEnd, written, i);
            }
            if (c === esc) {
                const d = src.charCodeAt(i + 1);
                if (isNewline(d)) {
                    escaped = true;
                    i++;
                }
                else if (isBlank(d)) {
                    for (let j = i + 2; j < n; j++) {
                        const e = src.charCodeAt(j);
                        if (isBlank(e))
                            continue;
                        if (isNewline(e))
                            escaped = true;
                        i = j;
                        continue scan;
                    }
                    return n;
                }
                continue;
            }
            if (c === HASH) {
                if (escaped)
                    i = this.lineEnd(i); // a comment line inside a continuation
                continue;
            }
            if (!isBlank(c))
                escaped = false;
        }
        return n;
    }
    /** Where an instruction ending at the newline `lineEnd` really ends: after its heredoc bodies, if it has any. */
    heredocs(keywordEnd, written, lineEnd) {
        const args = this.src.slice(keywordEnd, lineEnd);
        if (!args.includes('<<'))
            return lineEnd;
        const keyword = written.toUpperCase();
        if (keyword === 'ONBUILD')
            throw new Unsupported('heredoc in ONBUILD');
        if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN')
            return lineEnd;
        // Only the plain form: one line, no flags (their words are read differently).
        if (/[\r\n]/.test(args))
            throw new Unsupported('heredoc with continuation');
        const words = args
            .split(/[ \t]+/)
            .filter((w) => w !== '')
            .map((w) => this.unescape(w));
        if (words.some((w) => w.startsWith('--')))
            throw new Unsupported('heredoc with flags');
        const names = [];
        let tabbed = false;
        for (const w of words) {
            if (!w.startsWith('<<') || w.length <= 2)
                continue;
            if (w.startsWith('<<-'))
                tabbed = true;
            const name = heredocName(w);
            if (name !== undefined)
                names.push(name);
        }
        let offset = lineEnd;
        for (const name of names)
            offset = this.heredocEnd(name, offset, tabbed);
        return offset;
    }
    /** A word's value: the escape character removed before any character but `$`; an escape before a blank or at
     * the end of the word is left to `dockerfile-ast`. */
    unescape(word) {
        const esc = String.fromCharCode(this.esc);
        if (!word.includes(esc))
            return word;
        let out = '';
        for (let i = 0; i < word.length; i++) {
            if (word[i] !== esc) {
                out += word[i];
                continue;
            }
            const next = word[i + 1];
            if (next === undefined)
                throw new Unsupported('escaped blank in a heredoc instruction');
            out += next === '$' ? esc + next : next;
            i++;
        }
        return out;
    }
    /** The newline ending the first line after `from` that is exactly `name` (tabs before it allowed when
     * `tabbed`); the end of the text when there is none. */
    heredocEnd(name, from, tabbed) {
        const { src, n } = this;
        let wordStart = -1;
        let lineStart = true;
        for (let i = from; i < n; i++) {
            const c = src.charCodeAt(i);
            if (c === SP)
                lineStart = false;
            else if (c === TAB) {
                if (!tabbed)
                    lineStart = false;
            }
            else if (isNewline(c)) {
                if (wordStart !== -1 && i - wordStart === name.length && src.startsWith(name, wordStart))
                    return i;
                wordStart = -1;
                lineStart = true;
            }
            else if (lineStart) {
                wordStart = i;
                lineStart = false;
            }
        }
        return n;
    }
}
/** The delimiter of a `<<NAME`, `<<-NAME`, `<<"NAME"` or `<<'NAME'` word; undefined for unbalanced quotes. */
function heredocName(word) {
    let v = word.slice(2);
    if (v.startsWith('-'))
        v = v.slice(1);
    for (const q of ['"', "'"]) {
        if (v.startsWith(q)) {
            if (!v.endsWith(q))
                return undefined;
            v = v.slice(1, -1);
        }
    }
    if (v.startsWith('<'))
        return undefined;
    return v;
}

;// CONCATENATED MODULE: ./src/parsers/dockerfile.ts
/**
 * Dockerfiles: from the instructions of `dockerfile-reader.ts` to isolint's located model, plus FROM expansion with the
 * builder's rules (global ARGs, build args, quotes, `${X:-default}`), stage selection and base-image chains.
 *
 * `dockerfile-reader.ts` splits the text into instructions (one pass; `dockerfile-ast` as reference and fallback)
 * and gives their offsets; {@link Converter} turns offsets into spans. Words are then split here the way BuildKit
 * splits them (FROM on whitespace; ARG with quotes), so that spans cover exactly the text as written.
 */


/** Every instruction the Dockerfile frontend knows; anything else makes the builder reject the file. */
const INSTRUCTIONS = new Set([
    'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
    'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
/** ARGs the builder defines in the global scope without a declaration (values only known when given). */
const PREDEFINED_ARGS = new Set([
    'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
    'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
]);
/** Template markers (Go/gomplate/Helm `{{`, Jinja `{%`/`{#`, Cottle `{{ ... }}`) where an instruction should be. */
const TEMPLATE_KEYWORD_RE = /^(?:\{\{|\{%|\{#|\}\}|%\}|#\})/;
const TEMPLATE_IN_WORD_RE = /\{\{|\{%/;
const ARG_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Nesting of `${A:-${B:-...}}` beyond this is treated as an expression the builder rejects (bounded work). */
const MAX_EXPANSION_DEPTH = 32;
/** Upper bound on `FROM <stage>` hops when looking for the image a stage builds on. */
const MAX_STAGE_HOPS = 10_000;
/**
 * Parses a Dockerfile into a located model. Never throws.
 *
 * A UTF-8 BOM is stripped before parsing, so a `# escape=`` ` directive right after it is still recognised; spans
 * count columns in the text without the BOM. `file` is the POSIX relative path put into every span.
 *
 * Problems (and then no model): template syntax at an instruction position or in a FROM image (a template must be
 * rendered first), an unknown instruction, no FROM in a file with instructions, an instruction other than ARG
 * before the first FROM, FROM without an image or with a wrong number of arguments. An empty or comments-only file
 * gives a model with no stages.
 */
function parseDockerfile(file, text) {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lines = new LineIndex(src);
    try {
        return parse(file, src, lines);
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const span = lineSpan(file, 1, lines.lineText(1));
        return { problems: [{ message: `cannot parse Dockerfile: ${message}`, span }] };
    }
}
/** Converts instruction offsets to 1-based spans: the only place. */
class Converter {
    file;
    src;
    lines;
    constructor(file, src, lines) {
        this.file = file;
        this.src = src;
        this.lines = lines;
    }
    span(start, end) {
        return this.lines.span(this.file, start, end);
    }
    /** Offset `end` moved back over trailing blanks, not before `start`. */
    trimEnd(start, end) {
        let e = end;
        while (e > start && (this.src[e - 1] === ' ' || this.src[e - 1] === '\t'))
            e--;
        return e;
    }
    /** The instruction's keyword up to the end of its first line (trailing blanks excluded). */
    firstLine(ins) {
        const start = ins.start;
        const pos = this.lines.position(start);
        const lineEnd = start - (pos.column - 1) + this.lines.lineText(pos.line).length;
        const insEnd = ins.end;
        return this.span(start, this.trimEnd(start, Math.min(lineEnd, Math.max(insEnd, start))));
    }
    /** The whole instruction, continuation lines and heredoc bodies included (trailing blanks excluded). */
    whole(ins) {
        return this.span(ins.start, this.trimEnd(ins.start, ins.end));
    }
    /** Offsets of the instruction's arguments: from after the keyword to the end of the instruction. */
    argumentRange(ins) {
        return [ins.keywordEnd, ins.end];
    }
}
/** The instruction's keyword in upper case, as the builder compares it. */
function keywordOf(ins) {
    return ins.written.toUpperCase();
}
function parse(file, src, lines) {
    const conv = new Converter(file, src, lines);
    const { escapeChar, instructions } = readInstructions(src);
    const template = findTemplate(conv, instructions, escapeChar);
    if (template)
        return { problems: [template] };
    // Like the builder, stop at the first unknown instruction (a file that is not a Dockerfile has many).
    const unknown = instructions.find((ins) => !INSTRUCTIONS.has(keywordOf(ins)));
    if (unknown) {
        const message = `unknown instruction: ${unknown.written}`;
        return { problems: [{ message, span: conv.firstLine(unknown) }] };
    }
    const problems = [];
    if (instructions.length > 0 && !instructions.some((i) => keywordOf(i) === 'FROM')) {
        return { problems: [{ message: 'no FROM instruction', span: conv.firstLine(instructions[0]) }] };
    }
    const globalArgs = [];
    const stages = [];
    let seenFrom = false;
    for (const ins of instructions) {
        const keyword = keywordOf(ins);
        const current = stages[stages.length - 1];
        if (keyword === 'FROM') {
            seenFrom = true;
            const from = parseFrom(conv, ins, escapeChar);
            if ('message' in from) {
                problems.push(from);
                continue;
            }
            stages.push({
                index: stages.length,
                ...(from.name !== undefined ? { name: from.name } : {}),
                from: from.ref,
                args: [],
                runs: [],
                copyFrom: [],
                mountFrom: [],
            });
        }
        else if (!seenFrom) {
            if (keyword === 'ARG')
                globalArgs.push(...parseArgs(conv, ins, escapeChar));
            else {
                problems.push({
                    message: `${ins.written} before the first FROM: only ARG instructions may precede FROM`,
                    span: conv.firstLine(ins),
                });
            }
        }
        else if (!current) {
            continue; // after a FROM that was reported as a problem
        }
        else if (keyword === 'ARG') {
            current.args.push(...parseArgs(conv, ins, escapeChar));
        }
        else if (keyword === 'RUN') {
            current.runs.push(conv.whole(ins));
            for (const mount of flagValues(conv, ins, escapeChar, 'mount')) {
                const from = mountFrom(mount);
                if (from !== undefined)
                    current.mountFrom.push(from);
            }
        }
        else if (keyword === 'COPY' || keyword === 'ADD') {
            current.copyFrom.push(...flagValues(conv, ins, escapeChar, 'from'));
        }
    }
    if (problems.length > 0)
        return { problems };
    const model = { kind: 'dockerfile', file, escapeChar, globalArgs, stages };
    return { model, problems };
}
/** The first template construct at an instruction position or in a FROM image, as a problem. */
function findTemplate(conv, instructions, esc) {
    for (const ins of instructions) {
        const written = ins.written;
        let marker;
        if (TEMPLATE_KEYWORD_RE.test(written))
            marker = written.slice(0, 2);
        else if (keywordOf(ins) === 'FROM') {
            const [start, end] = conv.argumentRange(ins);
            marker = splitWords(conv.src, start, end, esc, false)
                .map((w) => TEMPLATE_IN_WORD_RE.exec(w.text)?.[0])
                .find((m) => m !== undefined);
        }
        if (marker !== undefined) {
            return {
                message: `not a valid Dockerfile: template syntax '${marker}' ` +
                    '(the template must be rendered before it can be built)',
                span: conv.firstLine(ins),
            };
        }
    }
    return undefined;
}
/** Parses FROM [--platform=…] image [AS name]; words split on whitespace, as the builder does. */
function parseFrom(conv, ins, esc) {
    const [start, end] = conv.argumentRange(ins);
    const words = splitWords(conv.src, start, end, esc, false);
    const instructionSpan = conv.firstLine(ins);
    let platform;
    let k = 0;
    for (; k < words.length && words[k].text.startsWith('--'); k++) {
        const w = words[k];
        const m = /^--platform=/.exec(w.text);
        if (m && w.end - w.start === w.text.length) {
            platform = { value: w.text.slice(m[0].length), span: conv.span(w.start + m[0].length, w.end) };
        }
        else if (m) {
            // The value crosses a line continuation: the span covers the whole flag word.
            platform = { value: w.text.slice(m[0].length), span: conv.span(w.start, w.end) };
        }
    }
    const rest = words.slice(k);
    const image = rest[0];
    if (!image)
        return { message: 'FROM requires an image argument', span: instructionSpan };
    if (rest.length !== 1 && !(rest.length === 3 && rest[1].text.toLowerCase() === 'as')) {
        return { message: 'FROM requires either one or three arguments (FROM <image> [AS <name>])', span: instructionSpan };
    }
    const ref = {
        raw: image.text,
        span: conv.span(image.start, image.end),
        instructionSpan,
        ...(platform ? { platform } : {}),
    };
    const name = rest[2]?.text.toLowerCase();
    return { ref, ...(name !== undefined ? { name } : {}) };
}
/**
 * ARG words as BuildKit reads them: each whitespace-separated word (quotes respected) declares `NAME` or
 * `NAME=value`. So the legacy `ARG NAME value` declares `NAME` and `value`, both without a default (no default is
 * invented), and `ARG NAME # comment` declares `NAME` and the words of the "comment" (a `#` after an instruction is
 * not a comment). Left out, because FROM expansion cannot tell them from undeclared names: words that are not
 * variable names (`#`, `.`) and, after a `#` word, words without `=`.
 */
function parseArgs(conv, ins, esc) {
    const [start, end] = conv.argumentRange(ins);
    const out = [];
    let afterHash = false;
    for (const w of splitWords(conv.src, start, end, esc, true)) {
        if (w.text.startsWith('#'))
            afterHash = true;
        if (w.text.startsWith('--'))
            continue;
        const eq = w.text.indexOf('=');
        const name = eq < 0 ? w.text : w.text.slice(0, eq);
        if (!ARG_NAME_RE.test(name) || (afterHash && eq < 0))
            continue;
        const span = conv.span(w.start, w.end);
        if (eq < 0)
            out.push({ name, span });
        else {
            const rawValue = w.text.slice(eq + 1);
            out.push({ name, defaultValue: expandWord(rawValue, esc).value, rawValue, span });
        }
    }
    return out;
}
/** Values of the leading `--name=value` flags of an instruction. */
function flagValues(conv, ins, esc, flag) {
    const [start, end] = conv.argumentRange(ins);
    const out = [];
    for (const w of splitWords(conv.src, start, end, esc, true)) {
        if (!w.text.startsWith('--'))
            break;
        const prefix = `--${flag}=`;
        if (w.text.startsWith(prefix))
            out.push(stripQuotes(w.text.slice(prefix.length)));
    }
    return out;
}
/** The `from=` field of a `--mount=type=…,from=…` value. */
function mountFrom(mount) {
    for (const field of mount.split(',')) {
        const f = stripQuotes(field.trim());
        if (f.toLowerCase().startsWith('from='))
            return f.slice(5);
    }
    return undefined;
}
function stripQuotes(s) {
    return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}
/**
 * Splits `src[from, to)` into words. Line continuations (escape char, optional blanks, newline) join lines without
 * a separator, and comment or blank lines inside a continuation are dropped, as the builder does. With `quotes`,
 * quoted text and escaped characters stay inside one word (BuildKit's `parseWords`, used for ARG and flags); without,
 * words are split on whitespace only (FROM). The text keeps quotes and escapes. A newline that is not a continuation
 * (a heredoc body) ends the words.
 */
function splitWords(src, from, to, esc, quotes) {
    const words = [];
    let text = '';
    let start = -1;
    let end = -1;
    let quote = '';
    const flush = () => {
        if (start >= 0)
            words.push({ text, start, end });
        text = '';
        start = -1;
    };
    const take = (i, n) => {
        if (start < 0)
            start = i;
        text += src.slice(i, i + n);
        end = i + n;
    };
    let i = from;
    while (i < to) {
        const c = src[i];
        if (c === esc) {
            const next = continuation(src, i, to);
            if (next !== undefined) {
                i = next;
                continue;
            }
        }
        if (c === '\n' || c === '\r')
            break;
        if (quote !== '') {
            if (c === quote)
                quote = '';
            else if (c === esc && quote === '"' && i + 1 < to && src[i + 1] !== '\n' && src[i + 1] !== '\r') {
                take(i, 2);
                i += 2;
                continue;
            }
            take(i, 1);
            i++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\v' || c === '\f') {
            flush();
            i++;
            continue;
        }
        if (quotes && (c === '"' || c === "'"))
            quote = c;
        else if (quotes && c === esc && i + 1 < to && src[i + 1] !== '\n' && src[i + 1] !== '\r') {
            take(i, 2);
            i += 2;
            continue;
        }
        take(i, 1);
        i++;
    }
    flush();
    return words;
}
/**
 * When `src[i]` (an escape char) ends its line (only blanks after it), the offset where the instruction continues:
 * after the newline and any blank or comment lines that follow. Undefined when it does not end the line.
 */
function continuation(src, i, to) {
    let j = i + 1;
    while (j < to && (src[j] === ' ' || src[j] === '\t'))
        j++;
    if (j >= to)
        return to;
    if (src[j] !== '\n' && src[j] !== '\r')
        return undefined;
    j = skipNewline(src, j);
    for (;;) {
        let k = j;
        while (k < to && (src[k] === ' ' || src[k] === '\t'))
            k++;
        if (k >= to)
            return j;
        if (src[k] === '\n' || src[k] === '\r') {
            j = skipNewline(src, k);
            continue;
        }
        if (src[k] === '#') {
            while (k < to && src[k] !== '\n' && src[k] !== '\r')
                k++;
            if (k >= to)
                return to;
            j = skipNewline(src, k);
            continue;
        }
        return j;
    }
}
function skipNewline(src, j) {
    return src[j] === '\r' && src[j + 1] === '\n' ? j + 2 : j + 1;
}
const UNSET = { kind: 'unset' };
const dockerfile_UNKNOWN = { kind: 'unknown' };
/**
 * Processes one word like the builder: removes quotes and escapes and, with a `lookup`, expands variables. Without
 * a lookup, `$` references are kept as written (used for ARG defaults, which are expanded later).
 */
function expandWord(word, esc, lookup) {
    const sc = { s: word, pos: 0, esc, ...(lookup ? { lookup } : {}) };
    const sink = [];
    const value = processUntil(sc, undefined, sink, 0).text;
    return { value, unresolved: [...new Set(sink)] };
}
function processUntil(sc, stop, sink, depth) {
    let out = '';
    while (sc.pos < sc.s.length) {
        const c = sc.s[sc.pos];
        if (stop !== undefined && c === stop) {
            sc.pos++;
            return { text: out, closed: true };
        }
        if (c === "'") {
            const close = sc.s.indexOf("'", sc.pos + 1);
            const endPos = close < 0 ? sc.s.length : close;
            out += sc.s.slice(sc.pos + 1, endPos);
            sc.pos = close < 0 ? sc.s.length : close + 1;
        }
        else if (c === '"') {
            sc.pos++;
            out += processDoubleQuote(sc, sink, depth);
        }
        else if (c === '$') {
            out += processDollar(sc, sink, depth);
        }
        else if (c === sc.esc) {
            sc.pos++;
            if (sc.pos < sc.s.length)
                out += sc.s[sc.pos++];
        }
        else {
            out += c;
            sc.pos++;
        }
    }
    return { text: out, closed: stop === undefined };
}
function processDoubleQuote(sc, sink, depth) {
    let out = '';
    while (sc.pos < sc.s.length) {
        const c = sc.s[sc.pos];
        if (c === '"') {
            sc.pos++;
            return out;
        }
        if (c === '$') {
            out += processDollar(sc, sink, depth);
            continue;
        }
        if (c === sc.esc) {
            const next = sc.s[sc.pos + 1];
            if (next === undefined) {
                sc.pos++;
                continue;
            }
            // Only `"`, `$` and the escape char can be escaped inside double quotes; other escapes stay as written.
            if (next === '"' || next === '$' || next === sc.esc) {
                out += next;
                sc.pos += 2;
                continue;
            }
        }
        out += c;
        sc.pos++;
    }
    return out;
}
function readName(sc) {
    const s = sc.s;
    const start = sc.pos;
    if (/[0-9]/.test(s[start] ?? '')) {
        while (sc.pos < s.length && /[0-9]/.test(s[sc.pos]))
            sc.pos++;
    }
    else {
        while (sc.pos < s.length && /[\p{L}\p{N}_]/u.test(s[sc.pos]))
            sc.pos++;
    }
    return s.slice(start, sc.pos);
}
/** Skips to after the `}` closing a `${` whose content starts at `sc.pos`; returns false when there is none. */
function skipBraced(sc) {
    let level = 1;
    while (sc.pos < sc.s.length) {
        const c = sc.s[sc.pos++];
        if (c === '{')
            level++;
        else if (c === '}' && --level === 0)
            return true;
    }
    return false;
}
function processDollar(sc, sink, depth) {
    const start = sc.pos;
    sc.pos++;
    if (!sc.lookup)
        return '$';
    const lookup = sc.lookup;
    const ref = () => sc.s.slice(start, sc.pos);
    if (sc.s[sc.pos] !== '{') {
        const name = readName(sc);
        if (name === '')
            return '$';
        const v = lookup(name);
        if (v.kind === 'set')
            return v.value;
        sink.push(name);
        return ref();
    }
    sc.pos++;
    const rejected = () => {
        skipBraced(sc);
        sink.push(ref());
        return ref();
    };
    if (depth >= MAX_EXPANSION_DEPTH)
        return rejected();
    const name = readName(sc);
    if (name === '')
        return rejected();
    let op = sc.s[sc.pos];
    if (op === '}') {
        sc.pos++;
        const v = lookup(name);
        if (v.kind === 'set')
            return v.value;
        sink.push(name);
        return ref();
    }
    let colon = false;
    if (op === ':') {
        colon = true;
        op = sc.s[sc.pos + 1];
        sc.pos++;
    }
    if (op !== '-' && op !== '+' && op !== '?')
        return rejected();
    sc.pos++;
    const wordSink = [];
    const word = processUntil(sc, '}', wordSink, depth + 1);
    if (!word.closed) {
        sink.push(ref());
        return ref();
    }
    const v = lookup(name);
    if (v.kind === 'unknown') {
        sink.push(name);
        return ref();
    }
    const value = v.kind === 'set' ? v.value : '';
    const hasValue = v.kind === 'set' && (!colon || value !== '');
    const useWord = () => {
        sink.push(...wordSink);
        return word.text;
    };
    if (op === '-')
        return hasValue ? value : useWord();
    if (op === '+')
        return hasValue ? useWord() : '';
    // `?`: the builder stops with the word as error message when there is no value.
    if (hasValue)
        return value;
    sink.push(name);
    return ref();
}
function getIgnoreCase(map, name) {
    const exact = map.get(name);
    if (exact !== undefined)
        return exact;
    const lower = name.toLowerCase();
    for (const [k, v] of map)
        if (k.toLowerCase() === lower)
            return v;
    return undefined;
}
/**
 * The global scope FROM lines see: global ARGs in declaration order, each taking the build arg of the same name
 * (case-insensitively) or else its default expanded with the ARGs declared before it; plus the builder's predefined
 * platform ARGs when given as build args. Build args for names not declared before the first FROM are ignored, as
 * the builder ignores them. Lookups prefer an exact-case name, then any case (Windows builders).
 */
function globalScope(model, buildArgs) {
    const declared = new Map();
    /** Lower-cased name → the first name declared with that spelling in any case. */
    const byLower = new Map();
    const lookup = (name) => {
        const exact = declared.get(name);
        if (exact)
            return exact;
        const other = byLower.get(name.toLowerCase());
        if (other !== undefined)
            return declared.get(other) ?? UNSET;
        if (PREDEFINED_ARGS.has(name.toUpperCase())) {
            const given = getIgnoreCase(buildArgs, name);
            if (given !== undefined)
                return { kind: 'set', value: given };
        }
        return UNSET;
    };
    for (const arg of model.globalArgs) {
        const given = getIgnoreCase(buildArgs, arg.name);
        let value;
        if (given !== undefined)
            value = { kind: 'set', value: given };
        else if (arg.rawValue !== undefined) {
            const e = expandWord(arg.rawValue, model.escapeChar, lookup);
            value = e.unresolved.length > 0 ? dockerfile_UNKNOWN : { kind: 'set', value: e.value };
        }
        else
            value = declared.get(arg.name) ?? UNSET;
        declared.set(arg.name, value);
        if (!byLower.has(arg.name.toLowerCase()))
            byLower.set(arg.name.toLowerCase(), arg.name);
    }
    return lookup;
}
/**
 * Expands every stage's FROM for one set of build args (`--build-arg`): build args first, then the defaults of the
 * global ARGs. A FROM that expands to the name of an earlier stage gets `baseStage` instead of `image`. Variables
 * without a value go to `unresolved` and leave `image` undefined; the same for `--platform` in `platformUnresolved`.
 */
function resolveStages(model, buildArgs) {
    const lookup = globalScope(model, buildArgs);
    return model.stages.map((stage) => {
        const e = expandWord(stage.from.raw, model.escapeChar, lookup);
        const unresolved = [...e.unresolved];
        let image;
        let baseStage;
        if (unresolved.length === 0) {
            if (e.value === '')
                unresolved.push(stage.from.raw);
            else {
                const lower = e.value.toLowerCase();
                const base = model.stages.find((s) => s.index < stage.index && s.name === lower);
                if (base)
                    baseStage = base.index;
                else
                    image = e.value;
            }
        }
        let platform;
        let platformUnresolved;
        if (stage.from.platform) {
            const p = expandWord(stage.from.platform.value, model.escapeChar, lookup);
            platform = p.value;
            if (p.unresolved.length > 0)
                platformUnresolved = p.unresolved;
        }
        return {
            stage,
            ...(image !== undefined ? { image } : {}),
            ...(baseStage !== undefined ? { baseStage } : {}),
            unresolved,
            ...(platform !== undefined && platform !== '' ? { platform } : {}),
            ...(platformUnresolved ? { platformUnresolved } : {}),
        };
    });
}
/** The stage a `--from` / `from=` value names: a stage name (any case) or a stage index; undefined for an image. */
function stageRef(model, value) {
    if (/^[0-9]+$/.test(value)) {
        const n = Number(value);
        return n < model.stages.length ? n : undefined;
    }
    const lower = value.toLowerCase();
    return model.stages.find((s) => s.name === lower)?.index;
}
/**
 * The indexes (sorted) of the stages a build of `target` (a stage name, any case; default: the last stage) runs.
 * BuildKit runs the target, the stages its FROM chain builds on, and the stages named by `COPY --from`,
 * `ADD --from` and `RUN --mount=from=` (by name or index), transitively. The classic builder (`DOCKER_BUILDKIT=0`,
 * and Docker Engine on Windows) runs every stage up to the target. An unknown target gives no stages.
 * `--from` values with variables are not followed.
 */
function stagesToBuild(model, resolved, target, builder = 'buildkit') {
    const last = model.stages.length - 1;
    const t = target === undefined ? last : (model.stages.find((s) => s.name === target.toLowerCase())?.index ?? -1);
    if (t < 0)
        return [];
    if (builder === 'classic')
        return Array.from({ length: t + 1 }, (_, i) => i);
    const seen = new Set();
    const todo = [t];
    while (todo.length > 0) {
        const i = todo.pop();
        if (seen.has(i))
            continue;
        seen.add(i);
        const stage = model.stages[i];
        if (!stage)
            continue;
        const base = resolved[i]?.baseStage;
        if (base !== undefined)
            todo.push(base);
        for (const value of [...stage.copyFrom, ...(stage.mountFrom ?? [])]) {
            const ref = stageRef(model, value);
            if (ref !== undefined && ref !== i)
                todo.push(ref);
        }
    }
    return [...seen].sort((a, b) => a - b);
}
/**
 * Follows `FROM <stage>` links from stage `index` to the stage whose FROM names an image (not another stage). That
 * stage's `image` is undefined when its FROM could not be expanded (see its `unresolved`). Undefined when `index`
 * is out of range or the links loop.
 */
function effectiveImage(resolved, index) {
    let i = index;
    const seen = new Set();
    for (let hops = 0; hops < MAX_STAGE_HOPS; hops++) {
        if (seen.has(i))
            return undefined;
        seen.add(i);
        const r = resolved[i];
        if (!r)
            return undefined;
        if (r.baseStage === undefined)
            return r;
        i = r.baseStage;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/project/link.ts
/**
 * Works out which image runs on which host with which isolation: follows workflow jobs (per matrix combination)
 * to the Dockerfiles they build and the images they run, and Compose files to their services. Pure: files
 * referenced by path come through the `FileResolver` port.
 */



const PRODUCTION = /^prod(uction)?$/i;
const PRODUCTION_PATH = /(^|[^a-z])prod(uction)?([^a-z]|$)/i;
function linkProject(models, problems, resolver, kb, options) {
    const executions = [];
    const images = [];
    const jobs = [];
    const links = new Set();
    const reachedDockerfiles = new Set();
    const reachedCompose = new Set();
    const workflows = models.filter((m) => m.kind === 'workflow');
    const dockerfiles = models.filter((m) => m.kind === 'dockerfile');
    const composeFiles = models.filter((m) => m.kind === 'compose');
    const globalProduction = options.environment && PRODUCTION.test(options.environment)
        ? { reason: `--environment ${options.environment}` }
        : undefined;
    // 1. Workflows: each job, once per matrix combination.
    for (const wf of workflows) {
        for (const job of wf.jobs) {
            const hosts = [];
            let usesContainers = false;
            job.matrix.forEach((matrix, combination) => {
                const scope = { matrix, env: job.env };
                const host = jobHost(wf.file, job, scope, kb, job.matrixSpans?.[combination]);
                if (host)
                    hosts.push(host);
                const production = jobProduction(job, scope) ?? globalProduction;
                const built = new Map();
                for (const step of job.steps) {
                    const stepScope = { matrix, env: merge(job.env, step.env) };
                    const workdir = expandValue(step.workingDirectory ?? '', stepScope).value ?? '';
                    for (const cmd of stepCommands(step, host)) {
                        usesContainers = true;
                        const ctx = { kb, resolver, host, scope: stepScope, workdir, production, built };
                        const out = linkCommand(cmd, ctx);
                        executions.push(...out.executions);
                        images.push(...out.images);
                        for (const f of out.dockerfiles)
                            reachedDockerfiles.add(f);
                        for (const f of out.composeFiles)
                            reachedCompose.add(f);
                        for (const f of [...out.dockerfiles, ...out.composeFiles])
                            links.add(`${wf.file}\0${f}`);
                    }
                }
            });
            jobs.push({ file: wf.file, job, hosts: uniqueBy(hosts, hostKey), usesContainers });
        }
    }
    // 2. Files no workflow reaches: checked against --runner hosts, and host-independently.
    const runnerHosts = options.runners.map((label) => {
        const info = kb.host(label);
        return info ? { info, assumed: true } : undefined;
    });
    const standaloneHosts = runnerHosts.filter((h) => h !== undefined);
    for (const df of dockerfiles) {
        const resolved = resolveStages(df, new Map());
        images.push(...fromImages(resolved));
        if (reachedDockerfiles.has(df.file))
            continue;
        for (const host of standaloneHosts) {
            executions.push(...dockerfileExecutions(df, resolved, undefined, { host, production: globalProduction, isolation: {} }));
        }
    }
    for (const compose of composeFiles) {
        for (const svc of compose.services) {
            if (svc.image)
                images.push({ ...(svc.image.value !== undefined ? { image: svc.image.value } : {}), raw: svc.image.raw, span: svc.image.span, where: 'compose' });
        }
        if (reachedCompose.has(compose.file))
            continue;
        const production = composeProduction(compose) ?? globalProduction;
        const hostList = standaloneHosts.length > 0 ? standaloneHosts : [undefined];
        for (const host of hostList) {
            const ctx = {
                kb,
                resolver,
                host,
                scope: { matrix: new Map(), env: new Map() },
                workdir: '',
                production,
                built: new Map(),
            };
            executions.push(...composeExecutions(compose, 'up', ctx).executions);
        }
    }
    // Files reached only by reference (`-f Dockerfile-windows`) belong to the project too.
    const referencedDockerfiles = [...reachedDockerfiles]
        .filter((f) => !dockerfiles.some((d) => d.file === f))
        .map((f) => resolver.dockerfile(f))
        .filter((d) => d !== undefined);
    for (const df of referencedDockerfiles)
        images.push(...fromImages(resolveStages(df, new Map())));
    const referencedCompose = [...reachedCompose]
        .filter((f) => !composeFiles.some((c) => c.file === f))
        .map((f) => resolver.compose(f))
        .filter((c) => c !== undefined);
    return {
        files: models,
        problems,
        executions: uniqueBy(executions, executionKey),
        images: uniqueBy(images, imageKey),
        jobs,
        workflows,
        dockerfiles: [...dockerfiles, ...referencedDockerfiles],
        composeFiles: [...composeFiles, ...referencedCompose],
        links: [...links].sort().map((l) => {
            const [from, to] = l.split('\0');
            return { from, to };
        }),
    };
}
/** A step's commands as the runner's default shell reads them when the step names no shell. */
function stepCommands(step, host) {
    const both = step.commandsByDialect;
    if (!both || !host || host.info.os === 'unknown')
        return step.commands;
    return host.info.os === 'windows' ? both.powershell : both.posix;
}
/** The FROM images of a Dockerfile with its ARG defaults (stage references left out). */
function fromImages(resolved) {
    return resolved
        .filter((r) => r.baseStage === undefined)
        .map((r) => ({ ...(r.image !== undefined ? { image: r.image } : {}), raw: r.stage.from.raw, span: r.stage.from.span, where: 'from' }));
}
function linkCommand(cmd, ctx) {
    const out = { executions: [], images: [], dockerfiles: [], composeFiles: [] };
    switch (cmd.type) {
        case 'build':
            return linkBuild(cmd, ctx);
        case 'run':
        case 'create':
        case 'pull': {
            if (!cmd.image)
                return out;
            const e = expandValue(cmd.image.value, ctx.scope);
            const built = ctx.built.get(canonical(cmd.image.value));
            const isolation = cmd.type === 'pull' ? {} : isolationOf(cmd.isolation, ctx.scope);
            const platform = cmd.platform ? expandValue(cmd.platform.value, ctx.scope).value : undefined;
            const what = cmd.type === 'pull' ? 'docker pull' : `docker ${cmd.type}`;
            if (built && cmd.type !== 'pull') {
                out.executions.push({
                    kind: 'run',
                    ...(built.image !== undefined ? { image: built.image } : {}),
                    imageRaw: built.imageRaw,
                    unresolved: built.unresolved,
                    span: cmd.image.span,
                    ...(ctx.host ? { host: ctx.host } : {}),
                    isolation,
                    ...(platform ? { platform } : {}),
                    ...(ctx.production ? { production: ctx.production } : {}),
                    isolationFixSpan: cmd.span,
                    related: [
                        ...hostRelated(ctx.host),
                        { span: built.buildSpan, message: 'image built here' },
                        { span: built.fromSpan, message: 'base image of the built image' },
                    ],
                    what: `${what} of the image built in this job`,
                });
                return out;
            }
            out.images.push({ ...(e.value !== undefined ? { image: e.value } : {}), raw: cmd.image.value, span: cmd.image.span, where: 'command' });
            out.executions.push({
                kind: cmd.type === 'pull' ? 'pull' : 'run',
                ...(e.value !== undefined ? { image: e.value } : {}),
                imageRaw: cmd.image.value,
                unresolved: e.unresolved,
                span: cmd.image.span,
                ...(ctx.host ? { host: ctx.host } : {}),
                isolation,
                ...(platform ? { platform } : {}),
                ...(ctx.production && cmd.type !== 'pull' ? { production: ctx.production } : {}),
                isolationFixSpan: cmd.span,
                related: hostRelated(ctx.host),
                what,
            });
            return out;
        }
        case 'compose': {
            const files = cmd.files.length > 0 ? cmd.files.map((f) => expandValue(f.value, ctx.scope).value) : [undefined];
            for (const f of files) {
                const candidates = f !== undefined
                    ? [joinPath(ctx.workdir, f)]
                    : ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].map((n) => joinPath(ctx.workdir, n));
                for (const rel of candidates) {
                    if (rel === undefined)
                        continue;
                    const model = ctx.resolver.compose(rel);
                    if (!model)
                        continue;
                    out.composeFiles.push(model.file);
                    const linked = composeExecutions(model, cmd.subcommand ?? 'up', {
                        ...ctx,
                        production: composeProduction(model) ?? ctx.production,
                    }, cmd.span);
                    out.executions.push(...linked.executions);
                    out.dockerfiles.push(...linked.dockerfiles);
                    break;
                }
            }
            return out;
        }
    }
}
function linkBuild(cmd, ctx) {
    const out = { executions: [], images: [], dockerfiles: [], composeFiles: [] };
    const contextDir = cmd.context ? expandValue(cmd.context.value, ctx.scope).value : '.';
    let dockerfilePath;
    if (cmd.file) {
        const f = expandValue(cmd.file.value, ctx.scope).value;
        dockerfilePath = f === undefined || f === '-' ? undefined : joinPath(ctx.workdir, f);
    }
    else if (contextDir !== undefined && !/^[a-z]+:\/\//i.test(contextDir)) {
        dockerfilePath = joinPath(joinPath(ctx.workdir, contextDir) ?? '', 'Dockerfile');
    }
    const df = dockerfilePath !== undefined ? ctx.resolver.dockerfile(dockerfilePath) : undefined;
    if (!df)
        return out;
    out.dockerfiles.push(df.file);
    const buildArgs = new Map();
    const buildArgSpans = new Map();
    for (const arg of cmd.buildArgs) {
        const raw = arg.value ?? ctx.scope.env.get(arg.name);
        if (raw === undefined)
            continue;
        const v = expandValue(raw, ctx.scope);
        if (v.value !== undefined) {
            buildArgs.set(arg.name, v.value);
            buildArgSpans.set(arg.name.toLowerCase(), arg.span);
        }
    }
    const target = cmd.target ? expandValue(cmd.target.value, ctx.scope).value : undefined;
    const resolved = resolveStages(df, buildArgs);
    const isolation = isolationOf(cmd.isolation, ctx.scope);
    out.executions.push(...dockerfileExecutions(df, resolved, target, {
        ...(ctx.host ? { host: ctx.host } : {}),
        ...(ctx.production ? { production: ctx.production } : {}),
        isolation,
        command: cmd,
        buildArgSpans,
    }));
    // Remember the final image for `docker run <tag>` later in the job.
    const final = finalStage(df, resolved, target);
    if (final) {
        const base = effectiveImage(resolved, final.stage.index);
        const built = {
            ...(base?.image !== undefined ? { image: base.image } : {}),
            imageRaw: (base ?? final).stage.from.raw,
            unresolved: base?.unresolved ?? final.unresolved,
            fromSpan: (base ?? final).stage.from.span,
            buildSpan: cmd.span,
        };
        for (const tag of cmd.tags)
            ctx.built.set(canonical(tag.value), built);
    }
    return out;
}
/** A build starts a container for every RUN of the stages it builds; one execution per such stage. */
function dockerfileExecutions(df, resolved, target, ctx) {
    const out = [];
    // The Docker engine on Windows builds with the classic builder, which runs every stage up to the target;
    // elsewhere BuildKit builds only the stages the target needs.
    const builder = ctx.host?.info.os === 'windows' ? 'classic' : 'buildkit';
    for (const index of stagesToBuild(df, [...resolved], target, builder)) {
        const stage = resolved[index];
        if (!stage || stage.stage.runs.length === 0)
            continue;
        const base = effectiveImage([...resolved], index);
        if (!base)
            continue;
        const platform = base.platform ?? stage.platform;
        // A stage pinned to another platform (`--platform=linux/amd64`) is cross-built, not run on this host.
        if (platform && /linux/i.test(platform) && ctx.host?.info.os === 'windows')
            continue;
        if (base.image && /^scratch$/i.test(base.image))
            continue;
        const fromArgSpan = argumentSpanFor(base, ctx.buildArgSpans);
        const related = [...hostRelated(ctx.host)];
        if (ctx.command)
            related.push({ span: ctx.command.span, message: 'built here' });
        if (fromArgSpan)
            related.push({ span: base.stage.from.span, message: 'base image of this stage' });
        if (base.stage.index !== index)
            related.push({ span: stage.stage.from.span, message: `stage ${stageLabel(stage)} builds on it` });
        related.push({ span: stage.stage.runs[0], message: 'RUN starts a container from this image' });
        out.push({
            kind: 'build',
            ...(base.image !== undefined ? { image: base.image } : {}),
            imageRaw: base.stage.from.raw,
            unresolved: base.unresolved,
            span: fromArgSpan ?? base.stage.from.span,
            ...(ctx.host ? { host: ctx.host } : {}),
            isolation: ctx.isolation,
            ...(platform ? { platform } : {}),
            ...(ctx.production ? { production: ctx.production } : {}),
            isolationFixSpan: ctx.command?.span ?? stage.stage.from.instructionSpan,
            related,
            what: `build stage ${stageLabel(stage)} (RUN)`,
        });
    }
    return out;
}
/** When a build arg given on the command decided the FROM image, the fix goes there. */
function argumentSpanFor(stage, spans) {
    if (!spans || spans.size === 0)
        return undefined;
    for (const m of stage.stage.from.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const s = spans.get(m[1].toLowerCase());
        if (s)
            return s;
    }
    return undefined;
}
function finalStage(df, resolved, target) {
    if (target) {
        const t = target.toLowerCase();
        const byName = resolved.find((r) => r.stage.name === t);
        if (byName)
            return byName;
    }
    return resolved[df.stages.length - 1];
}
function composeExecutions(compose, subcommand, ctx, commandSpan) {
    const executions = [];
    const dockerfiles = [];
    const runs = !/^(build|pull|push|config|down|ps|logs|stop|rm|kill|images|ls|version|convert)$/i.test(subcommand);
    const builds = /^(build|up|run|create)$/i.test(subcommand);
    const dir = external_node_path_default().posix.dirname(compose.file);
    for (const svc of compose.services) {
        const isolation = composeIsolation(svc.isolation);
        const related = [...hostRelated(ctx.host), ...(commandSpan ? [{ span: commandSpan, message: 'started here' }] : [])];
        let image;
        if (svc.build && builds) {
            const contextDir = svc.build.context?.value ?? '.';
            const dfName = svc.build.dockerfile?.value ?? 'Dockerfile';
            const dfPath = joinPath(joinPath(dir, contextDir) ?? '', dfName);
            const df = dfPath !== undefined ? ctx.resolver.dockerfile(dfPath) : undefined;
            if (df) {
                dockerfiles.push(df.file);
                const args = new Map();
                for (const [k, v] of svc.build.args)
                    if (v.value !== undefined)
                        args.set(k, v.value);
                const resolved = resolveStages(df, args);
                const target = svc.build.target?.value;
                executions.push(...dockerfileExecutions(df, resolved, target, {
                    ...(ctx.host ? { host: ctx.host } : {}),
                    ...(ctx.production ? { production: ctx.production } : {}),
                    isolation: composeIsolation(svc.build.isolation),
                }));
                const final = finalStage(df, resolved, target);
                const base = final ? effectiveImage(resolved, final.stage.index) : undefined;
                if (base) {
                    image = {
                        ...(base.image !== undefined ? { image: base.image } : {}),
                        raw: base.stage.from.raw,
                        unresolved: base.unresolved,
                        span: svc.build.span,
                    };
                    related.push({ span: base.stage.from.span, message: 'base image of the service' });
                }
            }
        }
        if (!image && svc.image) {
            image = {
                ...(svc.image.value !== undefined ? { image: svc.image.value } : {}),
                raw: svc.image.raw,
                unresolved: svc.image.unresolved,
                span: svc.image.span,
            };
        }
        if (!image || !runs)
            continue;
        const platform = svc.platform?.value;
        executions.push({
            kind: 'run',
            ...(image.image !== undefined ? { image: image.image } : {}),
            imageRaw: image.raw,
            unresolved: image.unresolved,
            span: svc.image && !svc.build ? svc.image.span : image.span,
            ...(ctx.host ? { host: ctx.host } : {}),
            isolation,
            ...(platform ? { platform } : {}),
            ...(ctx.production ? { production: ctx.production } : {}),
            isolationFixSpan: svc.isolation?.span ?? svc.span,
            related,
            what: `service ${svc.name}`,
        });
    }
    return { executions, dockerfiles };
}
function composeIsolation(v) {
    if (!v)
        return {};
    if (v.value === undefined)
        return { raw: v.raw, span: v.span };
    if (v.value.trim() === '')
        return {};
    return { value: v.value.trim().toLowerCase(), raw: v.value, span: v.span };
}
function isolationOf(word, scope) {
    if (!word)
        return {};
    const e = expandValue(word.value, scope);
    if (e.value === undefined)
        return { raw: word.value, span: word.span };
    return { value: e.value.trim().toLowerCase(), raw: e.value, span: word.span };
}
function jobHost(file, job, scope, kb, matrixSpans) {
    if (job.runsOn.length === 0)
        return undefined;
    const labels = [];
    for (const l of job.runsOn) {
        const e = expandValue(l.value, scope);
        if (e.value === undefined)
            return undefined;
        // `runs-on: ${{ matrix.os }}`: the label is written in the matrix, and that is where a fix goes.
        const key = /^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(l.value.trim())?.[1];
        const written = key !== undefined ? matrixSpans?.get(key) : undefined;
        labels.push({ value: e.value.trim(), span: written ?? l.span });
    }
    const matrix = describeMatrix(scope.matrix);
    const base = { job: { file, id: job.id }, ...(matrix ? { matrix } : {}) };
    for (const l of labels) {
        const info = kb.host(l.value);
        if (info)
            return { info, span: l.span, ...base };
    }
    const names = labels.map((l) => l.value.toLowerCase());
    const os = names.includes('windows')
        ? 'windows'
        : names.includes('linux')
            ? 'linux'
            : names.includes('macos')
                ? 'macos'
                : undefined;
    if (!os)
        return undefined;
    const info = { label: labels.map((l) => l.value).join(', '), os, kind: 'server', docker: os !== 'macos' };
    return { info, span: job.runsOnSpan ?? labels[0].span, ...base };
}
function jobProduction(job, scope) {
    if (!job.environment)
        return undefined;
    const env = expandValue(job.environment.value, scope).value;
    if (env === undefined || !PRODUCTION.test(env.trim()))
        return undefined;
    return { reason: `job '${job.id}' deploys to environment '${env.trim()}'`, span: job.environment.span };
}
function composeProduction(compose) {
    if (!PRODUCTION_PATH.test(compose.file))
        return undefined;
    return { reason: `the Compose file ${compose.file} is named for production` };
}
function hostRelated(host) {
    if (!host?.span)
        return [];
    const build = host.info.build !== undefined ? ` (Windows build ${host.info.build})` : '';
    return [{ span: host.span, message: `runs on ${host.info.label}${build}` }];
}
function stageLabel(r) {
    return r.stage.name ? `'${r.stage.name}'` : `#${r.stage.index}`;
}
function describeMatrix(matrix) {
    if (matrix.size === 0)
        return undefined;
    const parts = [...matrix].slice(0, 4).map(([k, v]) => `${k}=${v}`);
    return parts.join(', ') + (matrix.size > 4 ? ', …' : '');
}
function merge(a, b) {
    if (b.size === 0)
        return a;
    return new Map([...a, ...b]);
}
/** Repository-relative POSIX path; undefined when it leaves the tree or is absolute. */
function joinPath(dir, p) {
    const clean = p.replace(/\\/g, '/');
    if (clean.startsWith('/') || /^[a-z]:\//i.test(clean))
        return undefined;
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir.replace(/\\/g, '/') || '.', clean));
    if (joined === '..' || joined.startsWith('../'))
        return undefined;
    return joined.replace(/^\.\//, '');
}
/** `$IMAGE`, `${IMAGE}`, `$env:IMAGE` and `${{ env.IMAGE }}` name the same tag. */
function canonical(tag) {
    return tag
        .replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, '$$$1')
        .replace(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi, '$$$1')
        .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$1')
        .replace(/\$\{\{\s*(.*?)\s*\}\}/g, '$${{ $1 }}')
        .toLowerCase();
}
/** The first of each group of items with the same key, in order. */
function uniqueBy(list, key) {
    const seen = new Set();
    return list.filter((item) => {
        const k = key(item);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
const hostKey = (h) => `${h.info.label}\0${h.span?.start.line ?? ''}`;
const executionKey = (e) => [
    e.kind,
    e.image ?? e.imageRaw,
    e.span.file,
    e.span.start.line,
    e.span.start.column,
    e.host?.info.label ?? '',
    e.host?.span?.start.line ?? '',
    e.isolation.value ?? '',
    e.production?.reason ?? '',
].join('\0');
const imageKey = (i) => `${i.span.file}\0${i.span.start.line}\0${i.span.start.column}\0${i.image ?? i.raw}`;

;// CONCATENATED MODULE: ./src/parsers/yaml-located.ts
/**
 * The one adapter between the `yaml` package and isolint's located model: parsing with bounded work,
 * 1-based spans, alias and merge-key resolution, and positions inside (block) scalars.
 */


/** Limits that keep hostile YAML (alias bombs, deep nesting) to bounded work. */
const YAML_LIMITS = { maxAliasResolutions: 10_000, maxDepth: 64 };
/**
 * Parses one YAML document. Nesting deeper than {@link YAML_LIMITS}.maxDepth is refused before the document is built
 * (the `yaml` parser needs time and memory in proportion to the depth, and recursion to build it); errors are
 * collected without stack traces, which a file with an error on every byte would otherwise spend seconds on.
 */
function parseYaml(file, text) {
    const lines = new LineIndex(text);
    const deep = tooDeepAt(text, YAML_LIMITS.maxDepth);
    if (deep !== undefined)
        return { problems: [{ message: 'YAML nested too deeply', span: lines.span(file, deep, deep) }] };
    let doc;
    const stackTraceLimit = Error.stackTraceLimit;
    try {
        Error.stackTraceLimit = 0;
        // Duplicate keys are found below in one pass: yaml's own check compares every key with all earlier ones.
        doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false, prettyErrors: false, strict: true });
    }
    catch (e) {
        return { problems: [{ message: `cannot parse YAML: ${e.message}`, span: lines.span(file, 0, 0) }] };
    }
    finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    const errors = [...doc.errors, ...duplicateKeys(doc)];
    errors.sort((a, b) => a.pos[0] - b.pos[0]);
    const problems = errors.map((e) => ({
        message: /call stack/i.test(e.message) ? 'YAML nested too deeply' : cleanYamlMessage(e.message),
        span: lines.span(file, e.pos[0], Math.max(e.pos[0], e.pos[1])),
    }));
    if (problems.length > 0)
        return { problems };
    return { source: { file, text, lines, doc }, problems };
}
/** Keys that repeat an earlier scalar key of the same mapping (as yaml's `uniqueKeys` finds them), in linear time. */
function duplicateKeys(doc) {
    const out = [];
    (0,dist/* visit */.YR)(doc, {
        Map: (_key, map) => {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (!(0,dist/* isScalar */.jn)(key))
                    continue;
                if (seen.has(key.value)) {
                    const start = key.range?.[0] ?? 0;
                    out.push({ message: 'Map keys must be unique', pos: [start, start + 1] });
                }
                else
                    seen.add(key.value);
            }
        },
    });
    return out;
}
/**
 * The offset where the nesting of `text` passes `limit` levels, or undefined. A linear pass over the lexer's tokens:
 * flow collections count their brackets; block collections count the columns of the nodes that are open on the
 * current line (a line's first node, and each node after a `-` or `?` indicator). Block scalar bodies are skipped.
 */
function tooDeepAt(text, limit) {
    const open = []; // columns of the open block nodes
    let flow = 0;
    let offset = 0;
    let lineStart = 0;
    let startsNode = true; // the next content token opens a node: first on its line, or after `-` / `?`
    let blockHeader = false;
    let skipBody = false;
    for (const token of new dist/* Lexer */.JG().lex(text)) {
        const type = dist/* CST */.DB.tokenType(token);
        if (type === 'doc-mode' || type === 'flow-error-end') {
            if (type === 'flow-error-end')
                flow = 0;
            continue;
        }
        if (type === 'scalar') {
            skipBody = blockHeader; // the marker before a scalar's source: a block scalar's body is not structure
            blockHeader = false;
            continue;
        }
        const start = offset;
        offset += token.length;
        const nl = token.lastIndexOf('\n');
        if (skipBody) {
            skipBody = false;
            if (nl >= 0)
                lineStart = start + nl + 1;
            continue;
        }
        if (type === 'newline') {
            lineStart = offset;
            startsNode = true;
            continue;
        }
        if (type === 'space' || type === 'comment' || type === 'byte-order-mark' || type === 'directive-line')
            continue;
        if (type === 'doc-start' || type === 'doc-end') {
            open.length = 0;
            flow = 0;
            startsNode = true;
            continue;
        }
        if (type === 'flow-seq-start' || type === 'flow-map-start')
            flow++;
        else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0)
            flow--;
        else if (type === 'block-scalar-header')
            blockHeader = true;
        if (flow === 0 && startsNode) {
            const column = start - lineStart;
            while (open.length > 0 && open[open.length - 1] >= column)
                open.pop();
            open.push(column);
        }
        startsNode = type === 'seq-item-ind' || type === 'explicit-key-ind';
        if (open.length + flow > limit)
            return start;
        if (nl >= 0)
            lineStart = start + nl + 1;
    }
    return undefined;
}
function cleanYamlMessage(message) {
    const first = message.split('\n')[0] ?? message;
    return first.replace(/ at line \d+, column \d+:?$/, '');
}
/** Span of a node's value (for collections: their first line up to the end of the node). */
function spanOf(src, node) {
    const range = node?.range;
    if (!range)
        return src.lines.span(src.file, 0, 0);
    return src.lines.span(src.file, range[0], Math.max(range[0], range[1]));
}
/**
 * Follows aliases, counting resolutions so that an alias bomb stops with an error instead of hanging. Alias
 * targets are indexed in one pass over the document (yaml's own `Alias.resolve` walks the whole document on every
 * call, which is quadratic on files with many aliases).
 */
class Resolver {
    src;
    resolutions = 0;
    targets = new Map();
    /** Aliases whose anchor is not defined before them (yaml does not report these). */
    unknown = [];
    constructor(src) {
        this.src = src;
        const anchors = new Map();
        (0,dist/* visit */.YR)(src.doc, {
            Node: (_key, node) => {
                if ((0,dist/* isAlias */.Vj)(node)) {
                    const target = anchors.get(node.source);
                    this.targets.set(node, target);
                    if (!target)
                        this.unknown.push(node);
                }
                else if (node.anchor) {
                    anchors.set(node.anchor, node);
                }
            },
        });
    }
    deref(node) {
        let n = node;
        let hops = 0;
        while ((0,dist/* isAlias */.Vj)(n)) {
            if (++this.resolutions > YAML_LIMITS.maxAliasResolutions || ++hops > YAML_LIMITS.maxDepth) {
                throw new YamlLimitError('too many alias resolutions (alias bomb?)');
            }
            n = this.targets.get(n);
        }
        return (n ?? undefined);
    }
    /** Entries of a mapping, with `<<` merge keys expanded (explicit keys win over merged ones). */
    entries(node, depth = 0) {
        const map = this.deref(node);
        if (!(0,dist/* isMap */.jh)(map))
            return [];
        if (depth > YAML_LIMITS.maxDepth)
            throw new YamlLimitError('merge keys nested too deeply');
        const own = [];
        const merged = [];
        for (const pair of map.items) {
            const keyNode = this.deref(pair.key);
            const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : undefined;
            if (key === undefined)
                continue;
            if (key === '<<' && !((0,dist/* isScalar */.jn)(keyNode) && keyNode.type !== 'PLAIN')) {
                const value = this.deref(pair.value);
                const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
                for (const s of sources)
                    merged.push(...this.entries(s, depth + 1));
                continue;
            }
            own.push({ key, keyNode: keyNode, value: this.deref(pair.value) });
        }
        const seen = new Set(own.map((e) => e.key));
        return [...own, ...merged.filter((e) => !seen.has(e.key) && (seen.add(e.key), true))];
    }
    get(node, key) {
        return this.entries(node).find((e) => e.key === key);
    }
    items(node) {
        const seq = this.deref(node);
        if (!(0,dist/* isSeq */.oP)(seq))
            return [];
        return seq.items.map((i) => this.deref(i)).filter((i) => i !== undefined);
    }
    /** String value of a scalar (numbers and booleans as written in YAML 1.2 terms); undefined otherwise. */
    string(node) {
        const n = this.deref(node);
        if (!(0,dist/* isScalar */.jn)(n) || n.value === null || n.value === undefined)
            return undefined;
        if (typeof n.value === 'string')
            return n.value;
        if (typeof n.source === 'string' && n.type === 'PLAIN')
            return n.source;
        const v = n.value;
        return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
    }
}
class YamlLimitError extends Error {
    name = 'YamlLimitError';
}
/**
 * Maps offsets in a scalar's parsed value to source offsets, so that a word inside a `run: |` block gets its exact
 * line and column. Works for block literal and folded scalars and for plain and single-line quoted scalars; for
 * anything it cannot align (escapes in double quotes), offsets fall back to the nearest aligned segment.
 */
class ScalarMap {
    src;
    segments = [];
    constructor(src, node) {
        this.src = src;
        const value = typeof node.value === 'string' ? node.value : String(node.value);
        const range = node.range ?? [0, 0, 0];
        let srcStart = range[0];
        const srcEnd = range[1];
        if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED) {
            const nl = src.text.indexOf('\n', srcStart);
            srcStart = nl < 0 || nl >= srcEnd ? srcEnd : nl + 1;
        }
        else if (node.type === dist/* Scalar */.X5.QUOTE_DOUBLE || node.type === dist/* Scalar */.X5.QUOTE_SINGLE) {
            srcStart += 1;
        }
        let p = 0;
        let offset = srcStart;
        const body = src.text.slice(srcStart, srcEnd);
        for (const rawLine of body.split('\n')) {
            const line = rawLine.replace(/\r$/, '');
            const lead = line.length - line.trimStart().length;
            const content = line.trim();
            if (content.length > 0) {
                let at = value.indexOf(content, p);
                if (at < 0) {
                    // Escapes or folding changed the text: align the longest prefix we can find.
                    const head = content.slice(0, 8);
                    at = head ? value.indexOf(head, p) : -1;
                }
                if (at >= 0 && /^\s*$/.test(value.slice(p, at))) {
                    const length = Math.min(content.length, value.length - at);
                    this.segments.push({ valueStart: at, srcStart: offset + lead, length });
                    p = at + length;
                }
            }
            offset += rawLine.length + 1;
        }
        if (this.segments.length === 0)
            this.segments.push({ valueStart: 0, srcStart: range[0], length: 0 });
    }
    /** Source offset of a value offset. */
    offset(valueOffset) {
        let best = this.segments[0];
        for (const s of this.segments) {
            if (s.valueStart <= valueOffset)
                best = s;
            else
                break;
        }
        return best.srcStart + Math.min(valueOffset - best.valueStart, best.length);
    }
    /** Span of value offsets [start, end). */
    span(start, end) {
        const s = this.offset(start);
        const e = Math.max(s, this.offset(end - 1) + 1);
        return this.src.lines.span(this.src.file, s, e);
    }
}

;// CONCATENATED MODULE: ./src/parsers/compose.ts
/**
 * Compose files: the `services.<name>` fields isolint needs (image, isolation, platform, build), located and
 * interpolated with the variables of a `.env` file, following the Compose specification's interpolation rules.
 */


const NAME_RE = /[_a-zA-Z][_a-zA-Z0-9]*/y;
const OPERATOR_RE = /:-|:\?|:\+|-|\?|\+/y;
/** Nesting of `${A:-${B:-...}}` beyond this is treated as an invalid expression (bounded work on hostile input). */
const MAX_INTERPOLATION_DEPTH = 32;
/**
 * Interpolates a Compose value: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`,
 * `${VAR:+alt}`, `${VAR+alt}`, nested expressions in defaults and alternatives, and `$$` for a literal `$`.
 * A `$` not followed by a name or `{` is kept as is, like Compose does.
 *
 * Unlike Compose, which substitutes an empty string (with a warning) for a variable that is not set, a variable with
 * no value and no default is reported in `unresolved` and `value` is undefined, so that rules never mistake `${...}`
 * text or an empty string for an image or an isolation mode. A variable set to the empty string is a value (`''`).
 * An expression Compose rejects (`${}`, `${A/b/c}`, an unclosed `${`) is reported whole in `unresolved`.
 */
function interpolate(raw, env) {
    const unresolved = [];
    const out = compose_expand(raw, env, unresolved, 0);
    const unique = [...new Set(unresolved)];
    return unique.length > 0 ? { unresolved: unique } : { value: out, unresolved: [] };
}
function compose_expand(s, env, unresolved, depth) {
    let out = '';
    let i = 0;
    while (i < s.length) {
        const dollar = s.indexOf('$', i);
        if (dollar < 0) {
            out += s.slice(i);
            break;
        }
        out += s.slice(i, dollar);
        const next = s[dollar + 1];
        if (next === '$') {
            out += '$';
            i = dollar + 2;
        }
        else if (next === '{') {
            const close = closingBrace(s, dollar + 1);
            if (close < 0) {
                unresolved.push(s.slice(dollar));
                return out;
            }
            out += braced(s.slice(dollar + 2, close), env, unresolved, depth);
            i = close + 1;
        }
        else {
            NAME_RE.lastIndex = dollar + 1;
            const name = NAME_RE.exec(s)?.[0];
            if (name === undefined) {
                out += '$';
                i = dollar + 1;
            }
            else {
                const value = env.get(name);
                if (value === undefined)
                    unresolved.push(name);
                else
                    out += value;
                i = dollar + 1 + name.length;
            }
        }
    }
    return out;
}
/** Index of the `}` that closes the `{` at `open`, counting nested braces; -1 when it is never closed. */
function closingBrace(s, open) {
    let level = 0;
    for (let i = open; i < s.length; i++) {
        const c = s[i];
        if (c === '{')
            level++;
        else if (c === '}' && --level === 0)
            return i;
    }
    return -1;
}
/** Expands the body of `${body}`. */
function braced(body, env, unresolved, depth) {
    const invalid = () => {
        unresolved.push(`\${${body}}`);
        return '';
    };
    if (depth >= MAX_INTERPOLATION_DEPTH)
        return invalid();
    NAME_RE.lastIndex = 0;
    const name = NAME_RE.exec(body)?.[0];
    if (name === undefined)
        return invalid();
    const value = env.get(name);
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    if (body.length === name.length) {
        if (!isSet)
            unresolved.push(name);
        return value ?? '';
    }
    OPERATOR_RE.lastIndex = name.length;
    const op = OPERATOR_RE.exec(body)?.[0];
    if (op === undefined)
        return invalid();
    const arg = body.slice(name.length + op.length);
    const nested = () => compose_expand(arg, env, unresolved, depth + 1);
    switch (op) {
        case ':-':
            return nonEmpty ? value : nested();
        case '-':
            return isSet ? value : nested();
        case ':+':
            return nonEmpty ? nested() : '';
        case '+':
            return isSet ? nested() : '';
        default:
            // `:?` and `?`: Compose stops with the error message; we report the variable as unresolved.
            if (op === ':?' ? nonEmpty : isSet)
                return value ?? '';
            unresolved.push(name);
            return '';
    }
}
const DOTENV_KEY_RE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:]/;
/**
 * Parses a Compose `.env` file: `KEY=value` lines (also `export KEY=value` and the YAML-like `KEY: value` that
 * Compose accepts), `#` comment lines, blank lines, `'single'` (literal) and `"double"` quoted values (escapes
 * `\n \r \t \\ \"`, may span lines), inline comments after unquoted values when preceded by a space or tab, `KEY=` for
 * an empty value.
 * Unquoted and double-quoted values are interpolated with the variables defined above them; a value that refers to a
 * variable not defined above is left out (it would depend on the shell's environment). Malformed lines are skipped;
 * a later definition wins. Never throws.
 */
function parseDotEnv(text) {
    const env = new Map();
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let pos = 0;
    while (pos < src.length) {
        let lineEnd = src.indexOf('\n', pos);
        if (lineEnd < 0)
            lineEnd = src.length;
        const line = src.slice(pos, lineEnd).replace(/\r$/, '');
        const m = DOTENV_KEY_RE.exec(line);
        if (!m) {
            pos = lineEnd + 1;
            continue;
        }
        const key = m[1];
        const afterSep = line.slice(m[0].length);
        const rest = afterSep.replace(/^[ \t]+/, '');
        const quote = rest[0];
        if (quote === '"' || quote === "'") {
            // Quoted: may continue on the following lines; search the closing quote in the whole text.
            const open = pos + m[0].length + (afterSep.length - rest.length);
            const close = closingQuote(src, open, quote);
            if (close < 0) {
                pos = lineEnd + 1;
                continue;
            }
            const inner = src.slice(open + 1, close).replace(/\r\n/g, '\n');
            if (quote === "'")
                env.set(key, inner.replace(/\\'/g, "'"));
            else
                setInterpolated(env, key, unescapeDouble(inner));
            const after = src.indexOf('\n', close);
            pos = after < 0 ? src.length : after + 1;
            continue;
        }
        const comment = afterSep.search(/[ \t]#/);
        const value = (comment < 0 ? afterSep : afterSep.slice(0, comment)).trim();
        setInterpolated(env, key, value);
        pos = lineEnd + 1;
    }
    return env;
}
function setInterpolated(env, key, raw) {
    const { value } = interpolate(raw, env);
    if (value === undefined)
        env.delete(key);
    else
        env.set(key, value);
}
function closingQuote(s, open, quote) {
    for (let i = open + 1; i < s.length; i++) {
        const c = s[i];
        if (c === '\\')
            i++;
        else if (c === quote)
            return i;
    }
    return -1;
}
function unescapeDouble(s) {
    return s.replace(/\\(.)/gs, (_m, c) => {
        switch (c) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '$':
                return '$$';
            default:
                return c;
        }
    });
}
/** Top-level keys that mark a CI file (GitLab CI, Azure Pipelines, Kubernetes, GitHub Actions) rather than Compose. */
const NOT_COMPOSE_KEY_RE = /^(?:apiVersion|kind|jobs|steps|stages|pool|trigger|on|image)[ \t]*:/m;
/**
 * Cheap content sniff for files whose name says nothing: a top-level `services:` key holding a mapping (an indented
 * `name:` line or a `{` flow mapping), and none of the top-level keys of CI files and Kubernetes manifests.
 */
function isComposeText(text) {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (NOT_COMPOSE_KEY_RE.test(src))
        return false;
    const m = /^(["']?)services\1[ \t]*:[ \t]*(.*)$/m.exec(src);
    if (!m)
        return false;
    const inline = (m[2] ?? '').replace(/\r$/, '');
    if (inline.startsWith('{'))
        return true;
    if (inline !== '' && !inline.startsWith('#'))
        return false;
    for (const line of src.slice(m.index + m[0].length).split(/\r?\n/)) {
        const t = line.trim();
        if (t === '' || t.startsWith('#'))
            continue;
        return /^[ \t]+/.test(line) && !t.startsWith('-') && /^["']?[^\s"':][^:]*["']?[ \t]*:(?:[ \t]|$)/.test(t);
    }
    return false;
}
/**
 * Parses a Compose file into the located model: for each service, `image`, `isolation`, `platform` and `build`
 * (a string context, or a mapping with `context`, `dockerfile`, `args` as a mapping or a `K=V` list, `isolation`,
 * `target`), each interpolated with `env`. Aliases and merge keys are resolved (a value taken from an anchor keeps the
 * span where it is written); `x-` keys are ignored. YAML errors, a top level or `services` that is not a mapping, and
 * hostile input (alias bombs) become problems; this function never throws. A leading BOM is not counted in columns.
 *
 * Scalar values are the YAML values (quotes removed, numbers as written); a key with an empty or null value gives a
 * ComposeValue with `raw` `''` and no `value`. A build arg without a value (`- KEY` or `KEY:`) takes `KEY` from `env`
 * and is unresolved when `env` has no `KEY`.
 */
function parseCompose(file, text, env, envFile) {
    try {
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const parsed = parseYaml(file, body);
        if (!parsed.source) {
            const problems = parsed.problems.map((p) => /call stack/i.test(p.message) ? { ...p, message: 'YAML nested too deeply' } : p);
            return { problems: problems.filter((p, i) => i === 0 || p.message !== problems[i - 1].message) };
        }
        return new ComposeReader(parsed.source, env).read(envFile);
    }
    catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        const message = e instanceof YamlLimitError ? detail : `cannot read Compose file: ${detail}`;
        return { problems: [{ message, span: { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }] };
    }
}
class ComposeReader {
    src;
    env;
    r;
    problems = [];
    constructor(src, env) {
        this.src = src;
        this.env = env;
        this.r = new Resolver(src);
    }
    read(envFile) {
        const { src, r } = this;
        if (r.unknown.length > 0) {
            const message = (a) => `unknown anchor \`${a.source}\` (an alias must follow its anchor)`;
            return { problems: r.unknown.map((a) => ({ message: message(a), span: this.at(a) })) };
        }
        const root = r.deref(src.doc.contents);
        if (!(0,dist/* isMap */.jh)(root)) {
            const what = root === undefined || ((0,dist/* isScalar */.jn)(root) && root.value === null) ? 'is empty' : 'is not a mapping';
            const message = `Compose file ${what}: expected a mapping with \`services\``;
            return { problems: [{ message, span: this.at(root) }] };
        }
        const services = [];
        const entry = r.get(root, 'services');
        if (entry) {
            if ((0,dist/* isMap */.jh)(entry.value)) {
                for (const s of r.entries(entry.value)) {
                    if (s.key.startsWith('x-'))
                        continue;
                    const service = this.service(s);
                    if (service)
                        services.push(service);
                }
            }
            else {
                this.problem('`services` must be a mapping of service names to services', entry);
            }
        }
        const model = { kind: 'compose', file: src.file, services, ...(envFile !== undefined && { envFile }) };
        return { model, problems: this.problems };
    }
    service(entry) {
        const name = entry.key;
        if (!(0,dist/* isMap */.jh)(entry.value)) {
            this.problem(`service \`${name}\` must be a mapping`, entry);
            return undefined;
        }
        const fields = this.fields(entry.value);
        const path = `services.${name}`;
        const image = this.scalar(fields.get('image'), `${path}.image`);
        const isolation = this.scalar(fields.get('isolation'), `${path}.isolation`);
        const platform = this.scalar(fields.get('platform'), `${path}.platform`);
        const buildEntry = fields.get('build');
        const build = buildEntry ? this.build(buildEntry, `${path}.build`) : undefined;
        return {
            name,
            span: spanOf(this.src, entry.keyNode),
            ...(image && { image }),
            ...(isolation && { isolation }),
            ...(platform && { platform }),
            ...(build && { build }),
        };
    }
    build(entry, path) {
        const node = entry.value;
        const keySpan = spanOf(this.src, entry.keyNode);
        if ((0,dist/* isScalar */.jn)(node) && (node.value === null || node.value === undefined))
            return undefined;
        if (node === undefined)
            return undefined;
        if ((0,dist/* isScalar */.jn)(node)) {
            const context = this.scalar(entry, `${path}.context`);
            return { ...(context && { context }), args: new Map(), span: spanOf(this.src, node), keySpan };
        }
        if (!(0,dist/* isMap */.jh)(node)) {
            this.problem(`\`${path}\` must be a string or a mapping`, entry);
            return undefined;
        }
        const fields = this.fields(node);
        const context = this.scalar(fields.get('context'), `${path}.context`);
        const dockerfile = this.scalar(fields.get('dockerfile'), `${path}.dockerfile`);
        const isolation = this.scalar(fields.get('isolation'), `${path}.isolation`);
        const target = this.scalar(fields.get('target'), `${path}.target`);
        const argsEntry = fields.get('args');
        return {
            ...(context && { context }),
            ...(dockerfile && { dockerfile }),
            args: argsEntry ? this.args(argsEntry, `${path}.args`) : new Map(),
            ...(isolation && { isolation }),
            ...(target && { target }),
            span: spanOf(this.src, node),
            keySpan,
        };
    }
    args(entry, path) {
        const args = new Map();
        const node = entry.value;
        if ((0,dist/* isMap */.jh)(node)) {
            for (const e of this.r.entries(node)) {
                const v = this.scalar(e, `${path}.${e.key}`);
                if (v)
                    args.set(e.key, isNull(e.value) ? this.fromEnv(e.key, v) : v);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            for (const item of this.r.items(node)) {
                const text = (0,dist/* isScalar */.jn)(item) ? this.r.string(item) : undefined;
                if (text === undefined) {
                    this.problems.push({ message: `\`${path}\` items must be strings \`KEY=value\``, span: this.at(item) });
                    continue;
                }
                const { key, value } = this.listArg(item, text);
                if (key !== '')
                    args.set(key, value);
            }
        }
        else if (!isNull(node)) {
            this.problem(`\`${path}\` must be a mapping or a list`, entry);
        }
        return args;
    }
    /** A `KEY=value` list item: spans narrowed to the key and the value when the item is written on one line. */
    listArg(item, text) {
        const eq = text.indexOf('=');
        const key = (eq < 0 ? text : text.slice(0, eq)).trim();
        const whole = spanOf(this.src, item);
        const range = item.range;
        let keySpan = whole;
        let valueSpan = whole;
        if (range && (0,dist/* isScalar */.jn)(item)) {
            const start = range[0] + (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0);
            if (this.src.text.startsWith(text, start)) {
                const lines = this.src.lines;
                keySpan = lines.span(this.src.file, start, start + (eq < 0 ? text.length : eq));
                if (eq >= 0)
                    valueSpan = lines.span(this.src.file, start + eq + 1, start + text.length);
            }
        }
        if (eq < 0)
            return { key, value: this.fromEnv(key, { raw: '', unresolved: [], span: valueSpan, keySpan }) };
        const raw = text.slice(eq + 1);
        return { key, value: { raw, ...interpolate(raw, this.env), span: valueSpan, keySpan } };
    }
    /** A build arg without a value takes the variable of the same name. */
    fromEnv(key, v) {
        const value = this.env.get(key);
        return value === undefined ? { ...v, unresolved: [key] } : { ...v, value, unresolved: [] };
    }
    fields(node) {
        const fields = new Map();
        for (const e of this.r.entries(node))
            if (!fields.has(e.key))
                fields.set(e.key, e);
        return fields;
    }
    scalar(entry, path) {
        if (!entry)
            return undefined;
        const keySpan = spanOf(this.src, entry.keyNode);
        const node = entry.value;
        if (isNull(node)) {
            const range = node?.range;
            const span = range && range[1] > range[0] ? spanOf(this.src, node) : keySpan;
            return { raw: '', unresolved: [], span, keySpan };
        }
        const raw = (0,dist/* isScalar */.jn)(node) ? this.r.string(node) : undefined;
        if (raw === undefined) {
            this.problem(`\`${path}\` must be a string`, entry);
            return undefined;
        }
        return { raw, ...interpolate(raw, this.env), span: spanOf(this.src, node), keySpan };
    }
    problem(message, entry) {
        this.problems.push({ message, span: isNull(entry.value) ? this.at(entry.keyNode) : this.at(entry.value) });
    }
    at(node) {
        return spanOf(this.src, node);
    }
}
function isNull(node) {
    return node === undefined || ((0,dist/* isScalar */.jn)(node) && (node.value === null || node.value === undefined));
}

;// CONCATENATED MODULE: ./src/parsers/shell.ts
/**
 * Finds docker commands in shell scripts (`run:` steps, Makefile recipes) without running a shell: a tolerant
 * tokenizer for POSIX sh, PowerShell and cmd that keeps every word's source offsets, and a docker CLI argument
 * parser that knows which options take a value. Never throws: unterminated quotes and odd syntax end a word or a
 * command, they do not stop the scan.
 */

/**
 * Extracts the docker commands of a script. `at` maps offsets in `script` (start inclusive, end exclusive) to a
 * source span, so that a caller can place words in the file the script was taken from.
 */
function extractDockerCommands(script, dialect, at) {
    const out = [];
    for (const words of splitCommands(script, dialect)) {
        const command = recognize(words, dialect, at);
        if (command)
            out.push(command);
    }
    return out;
}
const POWERSHELL_IDIOM = /\$env:\w|\$LASTEXITCODE|\$ErrorActionPreference|\b(?:Write|Get|Set|New|Remove|Test|Out|Select|Start)-[A-Z]\w+/;
/**
 * Guesses the dialect of a script from its look, for steps whose shell and runner OS are both unknown: backtick
 * line continuations and PowerShell idioms against backslash continuations and POSIX idioms. Undefined when the
 * script gives no hint either way.
 */
function guessScriptDialect(script) {
    let ps = 0;
    let posix = 0;
    for (const raw of script.split('\n')) {
        const line = raw.trimEnd();
        if (line.endsWith('`'))
            ps += 2;
        else if (line.endsWith('\\'))
            posix += 2;
        const t = line.trim();
        if (/^(?:if|elif|while|for)\b.*;\s*(?:then|do)$|^(?:fi|done|esac|then)$|^export\s+\w+=/.test(t))
            posix++;
        if (POWERSHELL_IDIOM.test(t))
            ps++;
    }
    if (ps > posix)
        return 'powershell';
    if (posix > ps)
        return 'posix';
    return undefined;
}
/** Splits a script into simple commands (lists of words), dropping comments, operators and redirections. */
function splitCommands(script, dialect) {
    return new Tokenizer(script, dialect).run();
}
// ---------------------------------------------------------------------------------------------------------------
// Tokenizer
const BLANK = new Set([' ', '\t', '\r', '\f', '\v', '\u00a0', '\ufeff']);
const TERMINATORS = {
    posix: new Set([';', '&', '|', '(', ')', '<', '>']),
    powershell: new Set([';', '&', '|', '(', ')', '{', '}', '<', '>']),
    cmd: new Set(['&', '|', '<', '>', ')']),
};
/** Characters that may end a word or need a look (quotes, escapes, expansions); the rest are copied as they are. */
const SPECIAL = Object.fromEntries(['posix', 'powershell', 'cmd'].map((d) => [
    d,
    new Set([...BLANK, ...TERMINATORS[d], '\n', '$', '\\', "'", '"', '`', '^', '@']),
]));
class Tokenizer {
    s;
    dialect;
    i = 0;
    commands = [];
    current = [];
    heredocs = [];
    constructor(s, dialect) {
        this.s = s;
        this.dialect = dialect;
    }
    run() {
        const s = this.s;
        while (this.i < s.length) {
            const before = this.i;
            const c = s[this.i];
            if (c === '\n') {
                this.endCommand();
                this.i++;
                if (this.heredocs.length > 0)
                    this.skipHeredocs();
            }
            else if (BLANK.has(c)) {
                this.i++;
            }
            else if (!this.continuation() && !this.comment() && !this.operator()) {
                this.word();
            }
            if (this.i === before)
                this.i++; // never stall, whatever the input
        }
        this.endCommand();
        return this.commands;
    }
    endCommand() {
        if (this.current.length > 0)
            this.commands.push(this.current);
        this.current = [];
    }
    /** Offset after a line break at `j` (`\n` or `\r\n`), or -1. */
    lineBreakEnd(j) {
        if (this.s[j] === '\n')
            return j + 1;
        if (this.s[j] === '\r' && this.s[j + 1] === '\n')
            return j + 2;
        return -1;
    }
    /** Offset after a PowerShell continuation backtick at `j` (trailing blanks tolerated), or -1. */
    backtickContinuationEnd(j) {
        let k = j + 1;
        while (k < this.s.length && (this.s[k] === ' ' || this.s[k] === '\t'))
            k++;
        if (k >= this.s.length)
            return k;
        return this.lineBreakEnd(k);
    }
    continuation() {
        const c = this.s[this.i];
        let end = -1;
        if (this.dialect === 'posix' && c === '\\')
            end = this.lineBreakEnd(this.i + 1);
        else if (this.dialect === 'cmd' && c === '^')
            end = this.lineBreakEnd(this.i + 1);
        else if (this.dialect === 'powershell' && c === '`')
            end = this.backtickContinuationEnd(this.i);
        if (end < 0)
            return false;
        this.i = end;
        return true;
    }
    skipToLineEnd() {
        const nl = this.s.indexOf('\n', this.i);
        this.i = nl < 0 ? this.s.length : nl;
    }
    comment() {
        const s = this.s;
        const c = s[this.i];
        if (this.dialect === 'powershell' && c === '<' && s[this.i + 1] === '#') {
            const close = s.indexOf('#>', this.i + 2);
            this.i = close < 0 ? s.length : close + 2;
            return true;
        }
        if (c === '#' && this.dialect !== 'cmd') {
            this.skipToLineEnd();
            return true;
        }
        if (this.dialect === 'cmd' && this.current.length === 0) {
            if (s.startsWith('::', this.i) || /^rem(?:[\s]|$)/i.test(s.slice(this.i, this.i + 4))) {
                this.skipToLineEnd();
                return true;
            }
        }
        return false;
    }
    operator() {
        const s = this.s;
        const i = this.i;
        const c = s[i];
        // Operators start with one of these (or with a digit, for `2>&1`); anything else starts a word.
        if (!'<>&|;(){}@*'.includes(c) && !(c >= '0' && c <= '9'))
            return false;
        const two = s.slice(i, i + 2);
        if (this.dialect === 'posix') {
            const redirect = /^(?:\d*(?:<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)|&>>|&>)/.exec(s.slice(i, i + 8));
            if (redirect) {
                const op = redirect[0];
                this.i = i + op.length;
                if (s[this.i] === '(' && /^[<>]$/.test(op)) {
                    // Process substitution <(…) / >(…): skip it.
                    this.i = scanBalanced(s, this.i, '(', ')', this.dialect);
                    return true;
                }
                const target = this.readTarget();
                if (/<<-?$/.test(op) && !op.endsWith('<<<') && target)
                    this.heredocs.push(target.value);
                return true;
            }
            if (two === '&&' || two === '||' || two === ';;' || two === '|&' || two === ';&') {
                this.endCommand();
                this.i += 2;
                return true;
            }
            if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
                this.endCommand();
                this.i++;
                return true;
            }
            return false;
        }
        if (this.dialect === 'powershell') {
            const redirect = /^(?:[1-6*]?>>?(?:&[12])?|<)/.exec(s.slice(i, i + 5));
            if (redirect) {
                this.i = i + redirect[0].length;
                if (!redirect[0].includes('&'))
                    this.readTarget();
                return true;
            }
            if (two === '&&' || two === '||' || two === '@(' || two === '@{') {
                this.endCommand();
                this.i += 2;
                return true;
            }
            if (c === '&') {
                // `& cmd` at the start of a command (or after `$x =`) is the call operator; elsewhere `&` backgrounds
                // the pipeline.
                const lastWord = this.current[this.current.length - 1];
                if (lastWord && !/^[-+*/]?=$/.test(lastWord.value))
                    this.endCommand();
                this.i++;
                return true;
            }
            if (c === ';' || c === '|' || c === '(' || c === ')' || c === '{' || c === '}') {
                this.endCommand();
                this.i++;
                return true;
            }
            return false;
        }
        // cmd
        const redirect = /^(?:\d?>>?(?:&\d)?|\d?<(?:&\d)?)/.exec(s.slice(i, i + 5));
        if (redirect) {
            this.i = i + redirect[0].length;
            if (!redirect[0].includes('&'))
                this.readTarget();
            return true;
        }
        if (two === '&&' || two === '||') {
            this.endCommand();
            this.i += 2;
            return true;
        }
        if (c === '&' || c === '|' || c === '(' || c === ')') {
            this.endCommand();
            this.i++;
            return true;
        }
        if (c === '@' && this.current.length === 0) {
            this.i++;
            return true;
        }
        return false;
    }
    /** Reads (and drops) the target word of a redirection. */
    readTarget() {
        while (this.i < this.s.length && BLANK.has(this.s[this.i]))
            this.i++;
        if (this.i >= this.s.length || this.s[this.i] === '\n')
            return undefined;
        if (TERMINATORS[this.dialect].has(this.s[this.i]))
            return undefined;
        return this.readWord();
    }
    skipHeredocs() {
        const s = this.s;
        while (this.heredocs.length > 0) {
            const delimiter = this.heredocs.shift().trim();
            for (;;) {
                if (this.i >= s.length)
                    return;
                const nl = s.indexOf('\n', this.i);
                const lineEnd = nl < 0 ? s.length : nl;
                const line = s.slice(this.i, lineEnd).trim();
                this.i = nl < 0 ? s.length : nl + 1;
                if (line === delimiter)
                    break;
            }
        }
    }
    word() {
        const w = this.readWord();
        if (w)
            this.current.push(w);
    }
    readWord() {
        const s = this.s;
        const d = this.dialect;
        const start = this.i;
        let value = '';
        const offsets = [];
        let quoted = false;
        const push = (at) => {
            value += s[at];
            offsets.push(at);
        };
        const pushRaw = (from, to) => {
            for (let k = from; k < to && k < s.length; k++)
                push(k);
        };
        const terminators = TERMINATORS[d];
        const special = SPECIAL[d];
        while (this.i < s.length) {
            const i = this.i;
            const c = s[i];
            if (!special.has(c)) {
                // Fast path: a run of ordinary characters.
                let j = i + 1;
                while (j < s.length && !special.has(s[j]))
                    j++;
                value += s.slice(i, j);
                for (let k = i; k < j; k++)
                    offsets.push(k);
                this.i = j;
                continue;
            }
            if (c === '$' && s.startsWith('${{', i)) {
                const end = scanExpressionEnd(s, i);
                pushRaw(i, end);
                this.i = end;
                continue;
            }
            if (c === '\n' || BLANK.has(c))
                break;
            if (terminators.has(c))
                break;
            if (d === 'posix') {
                if (c === '\\') {
                    const lb = this.lineBreakEnd(i + 1);
                    if (lb >= 0)
                        this.i = lb;
                    else if (i + 1 < s.length) {
                        push(i + 1);
                        this.i = i + 2;
                    }
                    else {
                        push(i);
                        this.i = i + 1;
                    }
                    continue;
                }
                if (c === "'") {
                    quoted = true;
                    this.i = this.quoted(i + 1, "'", push, pushRaw);
                    continue;
                }
                if (c === '"') {
                    quoted = true;
                    this.i = this.quoted(i + 1, '"', push, pushRaw);
                    continue;
                }
                if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
                    const end = s[i + 1] === '(' ? scanBalanced(s, i + 1, '(', ')', d) : scanBalanced(s, i + 1, '{', '}', d);
                    pushRaw(i, end);
                    this.i = end;
                    continue;
                }
                if (c === '`') {
                    const close = s.indexOf('`', i + 1);
                    const end = close < 0 ? s.length : close + 1;
                    pushRaw(i, end);
                    this.i = end;
                    continue;
                }
            }
            else if (d === 'powershell') {
                if (c === '`') {
                    if (this.backtickContinuationEnd(i) >= 0)
                        break;
                    push(i + 1);
                    this.i = i + 2;
                    continue;
                }
                if (c === '@' && i === start && (s[i + 1] === '"' || s[i + 1] === "'")) {
                    const lb = this.lineBreakEnd(i + 2);
                    if (lb >= 0) {
                        quoted = true;
                        const closer = `\n${s[i + 1]}@`;
                        const close = s.indexOf(closer, lb - 1);
                        const bodyEnd = close < 0 ? s.length : close;
                        pushRaw(lb, bodyEnd);
                        this.i = close < 0 ? s.length : close + closer.length;
                        continue;
                    }
                }
                if (c === "'" || c === '"') {
                    quoted = true;
                    this.i = this.quoted(i + 1, c, push, pushRaw);
                    continue;
                }
                if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
                    const end = s[i + 1] === '(' ? scanBalanced(s, i + 1, '(', ')', d) : scanBalanced(s, i + 1, '{', '}', d);
                    pushRaw(i, end);
                    this.i = end;
                    continue;
                }
            }
            else {
                if (c === '^') {
                    const lb = this.lineBreakEnd(i + 1);
                    if (lb >= 0)
                        this.i = lb;
                    else if (i + 1 < s.length) {
                        push(i + 1);
                        this.i = i + 2;
                    }
                    else {
                        this.i = i + 1;
                    }
                    continue;
                }
                if (c === '"') {
                    quoted = true;
                    this.i = this.quoted(i + 1, '"', push, pushRaw);
                    continue;
                }
            }
            push(i);
            this.i = i + 1;
        }
        if (this.i === start)
            return undefined;
        return { value, start, end: this.i, offsets, quoted };
    }
    /** Reads a quoted section whose body starts at `from`; returns the offset after the closing quote. */
    quoted(from, quote, push, pushRaw) {
        const s = this.s;
        const d = this.dialect;
        let i = from;
        while (i < s.length) {
            const c = s[i];
            if (c === '$' && s.startsWith('${{', i)) {
                const end = scanExpressionEnd(s, i);
                pushRaw(i, end);
                i = end;
                continue;
            }
            if (c === quote) {
                if (d === 'powershell' && s[i + 1] === quote) {
                    push(i);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (quote === '"' && d === 'posix') {
                if (c === '\\' && i + 1 < s.length) {
                    const next = s[i + 1];
                    const lb = this.lineBreakEnd(i + 1);
                    if (lb >= 0) {
                        i = lb;
                        continue;
                    }
                    if (next === '"' || next === '\\' || next === '$' || next === '`') {
                        push(i + 1);
                        i += 2;
                        continue;
                    }
                }
                if (c === '$' && s[i + 1] === '(') {
                    const end = scanBalanced(s, i + 1, '(', ')', d);
                    pushRaw(i, end);
                    i = end;
                    continue;
                }
                if (c === '`') {
                    const close = s.indexOf('`', i + 1);
                    const end = close < 0 ? s.length : close + 1;
                    pushRaw(i, end);
                    i = end;
                    continue;
                }
            }
            if (quote === '"' && d === 'powershell') {
                if (c === '`' && i + 1 < s.length) {
                    push(i + 1);
                    i += 2;
                    continue;
                }
                if (c === '$' && s[i + 1] === '(') {
                    const end = scanBalanced(s, i + 1, '(', ')', d);
                    pushRaw(i, end);
                    i = end;
                    continue;
                }
            }
            push(i);
            i++;
        }
        return s.length;
    }
}
/**
 * Given `s[open] === openCh`, returns the offset after the matching `closeCh`, skipping quoted strings and
 * expressions; the end of the text when unbalanced.
 */
function scanBalanced(s, open, openCh, closeCh, dialect) {
    let depth = 0;
    let i = open;
    while (i < s.length) {
        const c = s[i];
        if (c === '$' && s.startsWith('${{', i)) {
            i = scanExpressionEnd(s, i);
            continue;
        }
        if (c === "'" || c === '"') {
            let j = i + 1;
            while (j < s.length && s[j] !== c) {
                if (c === '"' && ((dialect === 'posix' && s[j] === '\\') || (dialect === 'powershell' && s[j] === '`')))
                    j++;
                j++;
            }
            i = Math.min(s.length, j + 1);
            continue;
        }
        if (c === '\\' && dialect === 'posix') {
            i += 2;
            continue;
        }
        if (c === openCh)
            depth++;
        else if (c === closeCh && --depth === 0)
            return i + 1;
        i++;
    }
    return s.length;
}
// ---------------------------------------------------------------------------------------------------------------
// Docker command recognition
const POSIX_PREFIX_KEYWORDS = new Set([
    'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', '{', 'exec', 'command', 'nohup', 'builtin', 'env',
]);
/** sudo options that take a value. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
function recognize(words, dialect, at) {
    let k = 0;
    for (;;) {
        const w = words[k];
        if (!w)
            return undefined;
        const v = w.value;
        if (dialect === 'posix' && ASSIGNMENT.test(v) && w.offsets[0] === w.start) {
            k++;
            continue;
        }
        if (dialect === 'posix' && !w.quoted && POSIX_PREFIX_KEYWORDS.has(v)) {
            k++;
            continue;
        }
        if (dialect === 'powershell' && /^\$[\w:]+$/.test(v) && /^[-+*/]?=$/.test(words[k + 1]?.value ?? '')) {
            k += 2;
            continue;
        }
        if (dialect === 'powershell' && v === '.' && !w.quoted) {
            k++;
            continue;
        }
        if (dialect === 'cmd' && v.toLowerCase() === 'call') {
            k++;
            continue;
        }
        if (v === 'sudo') {
            k++;
            while (words[k]?.value.startsWith('-')) {
                const opt = words[k].value;
                k++;
                if (opt === '--')
                    break;
                if (SUDO_VALUE_OPTIONS.has(opt))
                    k++;
            }
            continue;
        }
        break;
    }
    const program = commandName(words[k].value);
    if (program === 'docker')
        return parseDocker(words, k, at);
    if (program === 'docker-compose')
        return shell_parseCompose(words, k, k + 1, at);
    return undefined;
}
/** The program a command word runs: its base name, lower-cased, without `.exe`. */
function commandName(word) {
    const base = word.split(/[\\/]/).pop() ?? word;
    return base.toLowerCase().replace(/\.exe$/, '');
}
function booleanTable(long, short, interspersed) {
    const longSet = new Set(long);
    return {
        interspersed,
        takesValue: (name) => (name.startsWith('--') ? !longSet.has(name) : !short.includes(name.slice(1))),
    };
}
function valueTable(values, interspersed) {
    const set = new Set(values);
    return { interspersed, takesValue: (name) => set.has(name) };
}
const DOCKER_GLOBAL = valueTable(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'], false);
const BUILDX_GLOBAL = valueTable(['--builder'], false);
const BUILD = booleanTable([
    '--no-cache', '--pull', '--quiet', '--rm', '--force-rm', '--compress', '--squash', '--load', '--push',
    '--disable-content-trust', '--stream', '--check', '--help', '--debug', '--sbom', '--provenance',
], 'q', true);
const RUN = booleanTable([
    '--rm', '--privileged', '--init', '--read-only', '--detach', '--interactive', '--tty', '--no-healthcheck',
    '--oom-kill-disable', '--sig-proxy', '--disable-content-trust', '--publish-all', '--quiet', '--help',
    '--use-api-socket',
], 'ditPq', false);
const PULL = booleanTable(['--all-tags', '--quiet', '--disable-content-trust', '--help'], 'aq', false);
const COMPOSE_GLOBAL = valueTable([
    '-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '--ansi', '--parallel',
    '--progress', '-c', '--context', '-H', '--host', '--log-level', '--tlscacert', '--tlscert', '--tlskey',
], false);
/** Parses options and positionals from `words[from..]`; stops at the first positional unless interspersed. */
function shell_parseArgs(words, from, table, at) {
    const options = [];
    const positionals = [];
    let j = from;
    let onlyPositionals = false;
    while (j < words.length) {
        const w = words[j];
        const v = w.value;
        if (!onlyPositionals && isOptionBundle(w)) {
            j++;
            continue;
        }
        if (onlyPositionals || !v.startsWith('-') || v === '-') {
            positionals.push({ word: w, index: j });
            j++;
            if (!table.interspersed)
                break;
            continue;
        }
        if (v === '--') {
            onlyPositionals = true;
            j++;
            continue;
        }
        if (v.startsWith('--')) {
            const eq = v.indexOf('=');
            if (eq >= 0) {
                options.push(shell_option(v.slice(0, eq), w, eq + 1, at));
                j++;
            }
            else if (table.takesValue(v) && j + 1 < words.length) {
                options.push(shell_option(v, words[j + 1], 0, at));
                j += 2;
            }
            else {
                options.push({ name: v });
                j++;
            }
            continue;
        }
        // A short option cluster: -it, -dit, -fDockerfile, -f=Dockerfile, -f Dockerfile.
        let consumedNext = false;
        for (let p = 1; p < v.length; p++) {
            const name = `-${v[p]}`;
            if (!table.takesValue(name)) {
                options.push({ name });
                continue;
            }
            if (p + 1 < v.length) {
                options.push(shell_option(name, w, v[p + 1] === '=' ? p + 2 : p + 1, at));
            }
            else if (j + 1 < words.length) {
                options.push(shell_option(name, words[j + 1], 0, at));
                consumedNext = true;
            }
            else {
                options.push({ name });
            }
            break;
        }
        j += consumedNext ? 2 : 1;
    }
    return { options, positionals };
}
/**
 * A word that is a single unquoted expression named like a set of options (`${{ inputs.docker_run_options }}`,
 * `${{ matrix.build_args }}`): it expands to options, not to the image or the context, so it is skipped.
 */
function isOptionBundle(w) {
    return (!w.quoted &&
        /^\$\{\{[^}]*\}\}$/.test(w.value) &&
        /(?:options|opts|args|flags|arguments|params)\s*\}\}$/i.test(w.value));
}
function shell_option(name, word, from, at) {
    return { name, value: subWord(word, from, at) };
}
/** The part of a word from value index `from` on, with the span of that part as written. */
function subWord(word, from, at) {
    if (from <= 0)
        return { value: word.value, span: at(word.start, word.end) };
    const start = from >= word.offsets.length ? word.end : word.offsets[from - 1] + 1;
    return { value: word.value.slice(from), span: at(Math.min(start, word.end), word.end) };
}
function last(items) {
    return items[items.length - 1];
}
function commandSpan(words, first, at) {
    return at(words[first].start, last(words).end);
}
function parseDocker(words, k, at) {
    const global = shell_parseArgs(words, k + 1, DOCKER_GLOBAL, at);
    const sub = global.positionals[0];
    if (!sub)
        return undefined;
    const name = sub.word.value;
    const next = (index) => {
        const w = words[index];
        return w ? { value: w.value, index } : undefined;
    };
    switch (name) {
        case 'build':
            return parseBuild(words, k, sub.index + 1, at);
        case 'buildx': {
            const rest = shell_parseArgs(words, sub.index + 1, BUILDX_GLOBAL, at).positionals[0];
            if (rest && (rest.word.value === 'build' || rest.word.value === 'b')) {
                return parseBuild(words, k, rest.index + 1, at);
            }
            return undefined;
        }
        case 'builder':
        case 'image': {
            const s2 = next(sub.index + 1);
            if (s2?.value === 'build')
                return parseBuild(words, k, s2.index + 1, at);
            if (name === 'image' && s2?.value === 'pull')
                return parsePull(words, k, s2.index + 1, at);
            return undefined;
        }
        case 'container': {
            const s2 = next(sub.index + 1);
            if (s2?.value === 'run' || s2?.value === 'create')
                return parseRun(s2.value, words, k, s2.index + 1, at);
            return undefined;
        }
        case 'run':
        case 'create':
            return parseRun(name, words, k, sub.index + 1, at);
        case 'pull':
            return parsePull(words, k, sub.index + 1, at);
        case 'compose':
            return shell_parseCompose(words, k, sub.index + 1, at);
        default:
            return undefined;
    }
}
function parseBuild(words, k, from, at) {
    const args = shell_parseArgs(words, from, BUILD, at);
    let file;
    let isolation;
    let platform;
    let target;
    const tags = [];
    const buildArgs = [];
    for (const o of args.options) {
        if (!o.value)
            continue;
        switch (o.name) {
            case '-f':
            case '--file':
                file = o.value;
                break;
            case '-t':
            case '--tag':
                tags.push(o.value);
                break;
            case '--build-arg':
                buildArgs.push(buildArg(o.value));
                break;
            case '--isolation':
                isolation = o.value;
                break;
            case '--platform':
                platform = o.value;
                break;
            case '--target':
                target = o.value;
                break;
        }
    }
    const ctx = args.positionals[0];
    return {
        type: 'build',
        span: commandSpan(words, k, at),
        ...(file && { file }),
        ...(ctx && { context: subWord(ctx.word, 0, at) }),
        tags,
        buildArgs,
        ...(isolation && { isolation }),
        ...(platform && { platform }),
        ...(target && { target }),
    };
}
/** `NAME=value` → name and value; `NAME` alone → no value (docker takes it from the environment). */
function buildArg(word) {
    const eq = word.value.indexOf('=');
    if (eq < 0)
        return { name: word.value, span: word.span };
    return { name: word.value.slice(0, eq), value: word.value.slice(eq + 1), span: word.span };
}
function parseRun(type, words, k, from, at) {
    const args = shell_parseArgs(words, from, RUN, at);
    let isolation;
    let platform;
    for (const o of args.options) {
        if (o.name === '--isolation' && o.value)
            isolation = o.value;
        if (o.name === '--platform' && o.value)
            platform = o.value;
    }
    const image = args.positionals[0];
    return {
        type,
        span: commandSpan(words, k, at),
        ...(image && { image: subWord(image.word, 0, at) }),
        ...(isolation && { isolation }),
        ...(platform && { platform }),
    };
}
function parsePull(words, k, from, at) {
    const args = shell_parseArgs(words, from, PULL, at);
    let platform;
    for (const o of args.options)
        if (o.name === '--platform' && o.value)
            platform = o.value;
    const image = args.positionals[0];
    return {
        type: 'pull',
        span: commandSpan(words, k, at),
        ...(image && { image: subWord(image.word, 0, at) }),
        ...(platform && { platform }),
    };
}
function shell_parseCompose(words, k, from, at) {
    const args = shell_parseArgs(words, from, COMPOSE_GLOBAL, at);
    const files = [];
    for (const o of args.options)
        if ((o.name === '-f' || o.name === '--file') && o.value)
            files.push(o.value);
    const sub = args.positionals[0];
    return {
        type: 'compose',
        span: commandSpan(words, k, at),
        files,
        ...(sub && { subcommand: sub.word.value }),
    };
}

;// CONCATENATED MODULE: ./src/parsers/workflow.ts
/**
 * GitHub Actions workflow parser: jobs with their runners, environments, matrices and env, and the docker commands
 * of each step (from `run:` scripts and `docker/build-push-action` inputs), every value with its exact span.
 */




/** GitHub runs at most 256 jobs per matrix; isolint keeps the first 256 combinations. */
const MAX_MATRIX_COMBINATIONS = 256;
/** Cross-product combinations examined before giving up (exclude can drop most of a huge product). */
const MAX_MATRIX_CANDIDATES = 100_000;
/**
 * Parses a workflow file. YAML errors, a top level that is not a mapping, a missing `jobs` mapping and YAML limits
 * (alias bombs, deep nesting) are reported as problems; this function does not throw.
 */
function parseWorkflow(file, text) {
    const parsed = parseYaml(file, text);
    const src = parsed.source;
    if (!src)
        return { problems: parsed.problems };
    try {
        return new WorkflowReader(src).read();
    }
    catch (e) {
        const message = e instanceof YamlLimitError ? e.message : `cannot read workflow: ${e instanceof Error ? e.message : String(e)}`;
        return { problems: [{ message, span: src.lines.span(file, 0, 0) }] };
    }
}
/**
 * Maps a `shell:` value as written (`bash`, `pwsh`, `bash --noprofile {0}`, `C:\\…\\bash.EXE`) to the dialect of
 * its scripts; null for programs that are not shells isolint reads (python, perl, …); undefined when the value is an
 * expression.
 */
function dialectOfShell(shell) {
    if (shell.includes('${{') || shell.trim() === '')
        return undefined;
    const exe = /^\s*(?:"([^"]+)"|([A-Za-z]:\\.*?\.exe(?=\s|$))|(\S+))/i.exec(shell);
    const path = exe?.[1] ?? exe?.[2] ?? exe?.[3] ?? '';
    const program = (path.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '');
    if (['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash'].includes(program))
        return 'posix';
    if (program === 'pwsh' || program === 'powershell')
        return 'powershell';
    return program === 'cmd' ? 'cmd' : null;
}
const BUILD_PUSH_ACTION = /^docker\/build-push-action(?:@|$)/i;
class WorkflowReader {
    src;
    r;
    constructor(src) {
        this.src = src;
        this.r = new Resolver(src);
    }
    read() {
        const { src, r } = this;
        const root = r.deref(src.doc.contents);
        if (!(0,dist/* isMap */.jh)(root)) {
            return { problems: [{ message: 'a workflow must be a mapping with a `jobs` key', span: spanOf(src, root) }] };
        }
        const jobsEntry = r.get(root, 'jobs');
        if (!jobsEntry || !(0,dist/* isMap */.jh)(jobsEntry.value)) {
            const where = jobsEntry ? (jobsEntry.value ?? jobsEntry.keyNode) : root;
            return { problems: [{ message: 'the workflow has no `jobs` mapping', span: spanOf(src, where) }] };
        }
        const env = this.env(r.get(root, 'env')?.value, { values: new Map(), spans: new Map() });
        const defaults = this.defaults(r.get(root, 'defaults')?.value, {});
        const jobs = r.entries(jobsEntry.value).map((e) => this.job(e, env, defaults));
        return { model: { kind: 'workflow', file: src.file, jobs }, problems: [] };
    }
    string(node) {
        return this.r.string(node);
    }
    located(node) {
        const value = this.string(node);
        return value === undefined ? undefined : { value, span: spanOf(this.src, node) };
    }
    env(node, base) {
        const values = new Map(base.values);
        const spans = new Map(base.spans);
        for (const e of this.r.entries(node)) {
            const v = this.string(e.value);
            if (v === undefined)
                continue;
            values.set(e.key, v);
            spans.set(e.key, spanOf(this.src, e.value));
        }
        return { values, spans };
    }
    defaults(node, base) {
        const run = this.r.get(node, 'run')?.value;
        const shell = this.string(this.r.get(run, 'shell')?.value) ?? base.shell;
        const workingDirectory = this.string(this.r.get(run, 'working-directory')?.value) ?? base.workingDirectory;
        return { ...(shell !== undefined && { shell }), ...(workingDirectory !== undefined && { workingDirectory }) };
    }
    job(entry, workflowEnv, workflowDefaults) {
        const { r, src } = this;
        const node = entry.value;
        const env = this.env(r.get(node, 'env')?.value, workflowEnv);
        const defaults = this.defaults(r.get(node, 'defaults')?.value, workflowDefaults);
        const runsOn = this.runsOn(r.get(node, 'runs-on')?.value);
        const envNode = r.get(node, 'environment')?.value;
        const environment = (0,dist/* isMap */.jh)(envNode) ? this.located(r.get(envNode, 'name')?.value) : this.located(envNode);
        const usesWorkflow = this.located(r.get(node, 'uses')?.value);
        const strategy = r.get(node, 'strategy')?.value;
        const matrix = (0,dist/* isScalar */.jn)(strategy)
            ? { combos: [], truncated: false, dynamic: true }
            : this.matrix(r.get(strategy, 'matrix')?.value);
        const combos = matrix.combos.length > 0 ? matrix.combos : [{ values: new Map(), spans: new Map() }];
        const guess = this.guessDialect(runsOn.labels, combos);
        const name = this.string(r.get(node, 'name')?.value);
        const steps = r.items(r.get(node, 'steps')?.value).map((s, i) => this.step(s, i, defaults, guess));
        return {
            id: entry.key,
            span: spanOf(src, entry.keyNode),
            ...(name !== undefined && { name }),
            runsOn: runsOn.labels,
            ...(runsOn.span && { runsOnSpan: runsOn.span }),
            ...(runsOn.group && { runsOnGroup: runsOn.group }),
            ...(environment && { environment }),
            matrix: combos.map((c) => c.values),
            matrixSpans: combos.map((c) => c.spans),
            matrixTruncated: matrix.truncated,
            matrixDynamic: matrix.dynamic,
            env: env.values,
            envSpans: env.spans,
            ...(defaults.shell !== undefined && { defaultShell: defaults.shell }),
            ...(defaults.workingDirectory !== undefined && { defaultWorkingDirectory: defaults.workingDirectory }),
            ...(usesWorkflow && { usesWorkflow }),
            steps,
        };
    }
    runsOn(node) {
        if (!node)
            return { labels: [] };
        const span = spanOf(this.src, node);
        const labelsOf = (n) => {
            if ((0,dist/* isSeq */.oP)(this.r.deref(n))) {
                return this.r.items(n).flatMap((item) => {
                    const l = this.located(item);
                    return l ? [l] : [];
                });
            }
            const one = this.located(n);
            return one ? [one] : [];
        };
        if ((0,dist/* isMap */.jh)(node)) {
            const group = this.located(this.r.get(node, 'group')?.value);
            return { labels: labelsOf(this.r.get(node, 'labels')?.value), span, ...(group && { group }) };
        }
        return { labels: labelsOf(node), span };
    }
    /**
     * The shell GitHub picks when a step names none: PowerShell when any runner label of any combination mentions
     * Windows, POSIX when the labels are all known and none does; undefined when the labels cannot be read.
     */
    guessDialect(labels, combos) {
        let unknown = false;
        for (const combo of combos) {
            for (const label of labels) {
                const expanded = expandValue(label.value, { matrix: combo.values, env: new Map() });
                const text = expanded.value ?? label.value;
                if (/windows/i.test(text))
                    return 'powershell';
                if (expanded.value === undefined && !/ubuntu|linux|macos/i.test(text))
                    unknown = true;
            }
        }
        return unknown ? undefined : 'posix';
    }
    // -------------------------------------------------------------------------------------------------------------
    // Matrix
    matrix(node) {
        const { r } = this;
        if (!node)
            return { combos: [], truncated: false, dynamic: false };
        if (!(0,dist/* isMap */.jh)(node))
            return { combos: [], truncated: false, dynamic: (0,dist/* isScalar */.jn)(node) };
        let dynamic = false;
        const vectors = [];
        let include = [];
        let exclude = [];
        for (const e of r.entries(node)) {
            if (e.key === 'include' || e.key === 'exclude') {
                if ((0,dist/* isSeq */.oP)(e.value)) {
                    if (e.key === 'include')
                        include = r.items(e.value);
                    else
                        exclude = r.items(e.value);
                }
                else if ((0,dist/* isScalar */.jn)(e.value))
                    dynamic = true;
                continue;
            }
            const values = (0,dist/* isSeq */.oP)(e.value) ? r.items(e.value).map((v) => this.matrixValue(v)) : [this.matrixValue(e.value)];
            if ((0,dist/* isScalar */.jn)(e.value) && (this.string(e.value) ?? '').includes('${{'))
                dynamic = true;
            vectors.push({ key: e.key, values });
        }
        const originalKeys = new Set(vectors.map((v) => v.key));
        const excludes = exclude.map((x) => this.matrixEntry(x));
        const originals = [];
        let truncated = false;
        if (vectors.length > 0 && vectors.every((v) => v.values.length > 0)) {
            const index = vectors.map(() => 0);
            let candidates = 0;
            for (;;) {
                const combo = { values: new Map(), spans: new Map() };
                vectors.forEach((v, i) => setValue(combo, v.key, v.values[index[i]]));
                if (!excludes.some((x) => x.size > 0 && [...x].every(([k, v]) => combo.values.get(k) === v.text))) {
                    originals.push(combo);
                }
                if (originals.length >= MAX_MATRIX_COMBINATIONS || ++candidates >= MAX_MATRIX_CANDIDATES) {
                    truncated = !isLast(index, vectors);
                    break;
                }
                if (!advance(index, vectors))
                    break;
            }
        }
        const added = [];
        for (const node of include) {
            if ((0,dist/* isScalar */.jn)(node))
                dynamic = true;
            const entry = this.matrixEntry(node);
            if (entry.size === 0)
                continue;
            const matching = originals.filter((c) => [...entry].every(([k, v]) => !originalKeys.has(k) || c.values.get(k) === v.text));
            if (matching.length > 0) {
                for (const c of matching)
                    for (const [k, v] of entry)
                        setValue(c, k, v);
            }
            else {
                const combo = { values: new Map(), spans: new Map() };
                for (const [k, v] of entry)
                    setValue(combo, k, v);
                added.push(combo);
            }
        }
        const combos = [...originals, ...added];
        if (combos.length > MAX_MATRIX_COMBINATIONS) {
            truncated = true;
            combos.length = MAX_MATRIX_COMBINATIONS;
        }
        return { combos, truncated, dynamic };
    }
    matrixEntry(node) {
        const entry = new Map();
        for (const e of this.r.entries(node))
            entry.set(e.key, this.matrixValue(e.value));
        return entry;
    }
    matrixValue(node) {
        const span = spanOf(this.src, node);
        const flat = [];
        const walk = (n, prefix, depth) => {
            if (depth > 8)
                return;
            for (const e of this.r.entries(n)) {
                const key = `${prefix}.${e.key}`;
                const s = spanOf(this.src, e.value);
                if ((0,dist/* isMap */.jh)(e.value)) {
                    flat.push([key, this.json(e.value), s]);
                    walk(e.value, key, depth + 1);
                }
                else {
                    flat.push([key, (0,dist/* isSeq */.oP)(e.value) ? this.json(e.value) : (this.string(e.value) ?? ''), s]);
                }
            }
        };
        if ((0,dist/* isMap */.jh)(node)) {
            walk(node, '', 0);
            return { text: this.json(node), flat, span };
        }
        if ((0,dist/* isSeq */.oP)(node))
            return { text: this.json(node), flat, span };
        return { text: this.string(node) ?? '', flat, span };
    }
    /** Compact JSON of a node, bounded in size (aliases count against the resolver's limits). */
    json(node) {
        let budget = 10_000;
        const walk = (n) => {
            if (--budget < 0)
                throw new YamlLimitError('matrix value too large');
            const d = this.r.deref(n);
            if ((0,dist/* isMap */.jh)(d))
                return Object.fromEntries(this.r.entries(d).map((e) => [e.key, walk(e.value)]));
            if ((0,dist/* isSeq */.oP)(d))
                return this.r.items(d).map(walk);
            if ((0,dist/* isScalar */.jn)(d))
                return d.value ?? null;
            return null;
        };
        return JSON.stringify(walk(node));
    }
    // -------------------------------------------------------------------------------------------------------------
    // Steps
    step(node, index, defaults, guess) {
        const { r, src } = this;
        const first = (0,dist/* isMap */.jh)(node) ? node.items[0]?.key : undefined;
        const span = spanOf(src, first ?? node);
        const name = this.string(r.get(node, 'name')?.value);
        const id = this.string(r.get(node, 'id')?.value);
        const uses = this.located(r.get(node, 'uses')?.value);
        const runNode = r.get(node, 'run')?.value;
        const run = this.located(runNode);
        const ownShell = this.string(r.get(node, 'shell')?.value);
        const shell = ownShell ?? defaults.shell;
        const workingDirectory = this.string(r.get(node, 'working-directory')?.value) ?? defaults.workingDirectory;
        const env = this.env(r.get(node, 'env')?.value, { values: new Map(), spans: new Map() });
        const withNode = r.get(node, 'with')?.value;
        const inputs = new Map();
        for (const e of r.entries(withNode)) {
            const l = this.located(e.value);
            if (l)
                inputs.set(e.key, l);
        }
        let commands = [];
        let dialect;
        let commandsByDialect;
        if (run && (0,dist/* isScalar */.jn)(runNode)) {
            const map = new ScalarMap(src, runNode);
            const at = (s, e) => map.span(s, e);
            const known = shell === undefined ? undefined : dialectOfShell(shell);
            if (known === undefined) {
                const posix = extractDockerCommands(run.value, 'posix', at);
                const powershell = extractDockerCommands(run.value, 'powershell', at);
                commandsByDialect = { posix, powershell };
                dialect = guess ?? guessScriptDialect(run.value) ?? 'posix';
                commands = dialect === 'powershell' ? powershell : posix;
            }
            else if (known !== null) {
                dialect = known;
                commands = extractDockerCommands(run.value, known, at);
            }
        }
        else if (uses && BUILD_PUSH_ACTION.test(uses.value)) {
            commands = [this.buildPushAction(uses, withNode)];
        }
        return {
            index,
            span,
            ...(name !== undefined && { name }),
            ...(id !== undefined && { id }),
            ...(uses && { uses }),
            ...(run && { run }),
            ...(shell !== undefined && { shell }),
            ...(workingDirectory !== undefined && { workingDirectory }),
            env: env.values,
            envSpans: env.spans,
            with: inputs,
            commands,
            ...(dialect && { dialect }),
            ...(commandsByDialect && { commandsByDialect }),
        };
    }
    /** A `docker/build-push-action` step as a build command; the words are the input values. */
    buildPushAction(uses, withNode) {
        const input = (key) => this.r.get(withNode, key)?.value;
        const one = (key) => this.inputWords(input(key), /(?!)/)[0];
        const file = one('file');
        const context = one('context');
        const platform = one('platforms');
        const target = one('target');
        const tags = this.inputWords(input('tags'), /[\n,]/);
        const buildArgs = this.inputWords(input('build-args'), /\n/).map(buildArg);
        return {
            type: 'build',
            span: uses.span,
            ...(file && { file }),
            ...(context && { context }),
            tags,
            buildArgs,
            ...(platform && { platform }),
            ...(target && { target }),
        };
    }
    /**
     * Splits an action input into words at `separator` (outside `${{ … }}`), trimming each piece; every word gets
     * the span of its own text. A list node gives one word per item.
     */
    inputWords(node, separator) {
        const n = this.r.deref(node);
        if ((0,dist/* isSeq */.oP)(n))
            return this.r.items(n).flatMap((item) => this.inputWords(item, separator));
        if (!(0,dist/* isScalar */.jn)(n))
            return [];
        const text = this.string(n);
        if (text === undefined)
            return [];
        const map = new ScalarMap(this.src, n);
        const words = [];
        const emit = (from, to) => {
            while (from < to && /\s/.test(text[from]))
                from++;
            while (to > from && /\s/.test(text[to - 1]))
                to--;
            if (to > from)
                words.push({ value: text.slice(from, to), span: map.span(from, to) });
        };
        let start = 0;
        let i = 0;
        while (i < text.length) {
            if (text.startsWith('${{', i)) {
                const close = text.indexOf('}}', i + 3);
                i = close < 0 ? text.length : close + 2;
                continue;
            }
            if (separator.test(text[i])) {
                emit(start, i);
                start = i + 1;
            }
            i++;
        }
        emit(start, text.length);
        return words;
    }
}
/** Sets a matrix value (and its flattened sub-keys) in a combination, replacing an earlier value of that key. */
function setValue(combo, key, value) {
    for (const k of [...combo.values.keys()]) {
        if (k.startsWith(`${key}.`)) {
            combo.values.delete(k);
            combo.spans.delete(k);
        }
    }
    combo.values.set(key, value.text);
    combo.spans.set(key, value.span);
    for (const [sub, text, span] of value.flat) {
        combo.values.set(key + sub, text);
        combo.spans.set(key + sub, span);
    }
}
/** Odometer step over the vectors (the last key varies fastest, as GitHub orders combinations). */
function advance(index, vectors) {
    for (let i = index.length - 1; i >= 0; i--) {
        if (++index[i] < vectors[i].values.length)
            return true;
        index[i] = 0;
    }
    return false;
}
function isLast(index, vectors) {
    return index.every((v, i) => v === vectors[i].values.length - 1);
}

;// CONCATENATED MODULE: ./src/project/load.ts
/**
 * Reads and parses files: size limit before reading, encoding checks, one parser per kind, and a cache so a
 * Dockerfile reached from three workflows is parsed once. Files referenced by other files (`-f Dockerfile.win`)
 * are loaded on demand through the same cache, inside the root only.
 */







const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** Parse problems reported per file; the rest follow from the first ones or are more of the same. */
const MAX_PROBLEMS_PER_FILE = 10;
/** The largest size limit that can be set: larger texts come near the engine's string limit (512 MiB). */
const MAX_FILE_SIZE_LIMIT = 256 * 1024 * 1024;
class ProjectLoader {
    root;
    sources = new Map();
    problems = [];
    skipped = [];
    models = new Map();
    maxFileSize;
    constructor(root, options = {}) {
        this.root = root;
        this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    }
    /** Loads a discovered file; returns its model, or undefined when it was skipped or failed to parse. */
    loadDiscovered(file) {
        return this.load(file.rel, file.kind, file.abs);
    }
    dockerfile(rel) {
        const m = this.loadReferenced(rel, 'dockerfile');
        return m?.kind === 'dockerfile' ? m : undefined;
    }
    compose(rel) {
        const m = this.loadReferenced(rel, 'compose');
        return m?.kind === 'compose' ? m : undefined;
    }
    /** Every model loaded so far (discovered and referenced), sorted by path. */
    allModels() {
        return [...this.models.values()]
            .filter((m) => m !== null)
            .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    }
    loadReferenced(rel, kind) {
        if (this.models.has(rel))
            return this.models.get(rel) ?? undefined;
        const abs = external_node_path_default().resolve(this.root, rel);
        try {
            // Never follow a reference out of the tree, also not through a link.
            if (!isInside(this.root, abs) || !isInside(this.root, (0,external_node_fs_namespaceObject.realpathSync)(abs)))
                return undefined;
            if (!(0,external_node_fs_namespaceObject.statSync)(abs).isFile())
                return undefined;
        }
        catch {
            return undefined;
        }
        return this.load(rel, kind, abs);
    }
    load(rel, kind, abs) {
        if (this.models.has(rel))
            return this.models.get(rel) ?? undefined;
        this.models.set(rel, null);
        const text = this.read(rel, abs);
        if (text === undefined)
            return undefined;
        const actualKind = kind ?? sniffKind(rel, text);
        if (!actualKind) {
            this.sources.delete(rel);
            this.skipped.push({ file: rel, reason: 'not recognised as a Dockerfile, Compose file or GitHub workflow' });
            return undefined;
        }
        const result = this.parse(rel, actualKind, text);
        // The first problems only: a file with an error on every line (or byte) must not flood the report.
        for (const p of result.problems.slice(0, MAX_PROBLEMS_PER_FILE))
            this.problems.push({ file: rel, message: p.message, span: p.span });
        if (result.model)
            this.models.set(rel, result.model);
        return result.model;
    }
    parse(rel, kind, text) {
        try {
            switch (kind) {
                case 'dockerfile':
                    return parseDockerfile(rel, text);
                case 'workflow':
                    return parseWorkflow(rel, text);
                case 'compose': {
                    const envRel = external_node_path_default().posix.join(external_node_path_default().posix.dirname(rel), '.env');
                    const envText = this.readQuietly(envRel);
                    const env = envText !== undefined ? parseDotEnv(envText) : new Map();
                    return parseCompose(rel, text, env, envText !== undefined ? envRel : undefined);
                }
            }
        }
        catch (e) {
            // Parsers report problems instead of throwing; this is the last line of defence.
            return { problems: [{ message: `cannot parse: ${e.message}`, span: new LineIndex(text).span(rel, 0, 0) }] };
        }
    }
    /** Reads and decodes a file, recording why it was skipped or why its bytes are a problem. */
    read(rel, abs) {
        const got = readBounded(abs, this.maxFileSize);
        if ('skip' in got) {
            this.skipped.push({ file: rel, reason: got.skip });
            return undefined;
        }
        const decoded = decode(got.bytes);
        if (decoded.skip) {
            this.skipped.push({ file: rel, reason: decoded.skip });
            return undefined;
        }
        const text = decoded.text;
        this.sources.set(rel, text);
        if (decoded.problem) {
            const lines = new LineIndex(text);
            this.problems.push({ file: rel, message: decoded.problem.message, span: lines.span(rel, decoded.problem.offset, decoded.problem.offset) });
            if (decoded.fatal)
                return undefined;
        }
        return text;
    }
    readQuietly(rel) {
        const abs = external_node_path_default().resolve(this.root, rel);
        try {
            if (!isInside(this.root, (0,external_node_fs_namespaceObject.realpathSync)(abs)))
                return undefined;
        }
        catch {
            return undefined;
        }
        const got = readBounded(abs, this.maxFileSize);
        if ('skip' in got)
            return undefined;
        const d = decode(got.bytes);
        return d.skip || d.fatal ? undefined : d.text;
    }
}
/**
 * Reads a regular file of at most `maxSize` bytes. The size is checked on the open file before reading, and the
 * read stops after `maxSize + 1` bytes, so a file that grows in between is never read whole either. Opening does not
 * wait for a writer (named pipes), and anything but a regular file (pipe, device, socket, folder) is not read.
 */
function readBounded(abs, maxSize) {
    let fd;
    try {
        // O_NONBLOCK: opening a named pipe must not wait for a writer (0 where the platform has no such flag).
        fd = (0,external_node_fs_namespaceObject.openSync)(abs, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        return { skip: `cannot read: ${describeError(e)}` };
    }
    try {
        const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!st.isFile())
            return { skip: `not a regular file (${fileType(st)})` };
        const tooLarge = (size) => ({
            skip: `larger than the ${formatSize(maxSize)} limit (${size})`,
        });
        // The exact size when rounding would show the limit itself (2.0 MB larger than 2.0 MB).
        if (st.size > maxSize)
            return tooLarge(formatSize(st.size) === formatSize(maxSize) ? `${st.size} bytes` : formatSize(st.size));
        // Some files report size 0 and have content (/proc): read to the end, never past the limit.
        const chunk = Buffer.allocUnsafe(Math.min(maxSize + 1, Math.max(st.size + 1, 64 * 1024)));
        const chunks = [];
        let total = 0;
        for (;;) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, chunk, 0, Math.min(chunk.length, maxSize + 1 - total), null);
            if (n === 0)
                break;
            chunks.push(Buffer.from(chunk.subarray(0, n)));
            total += n;
            if (total > maxSize)
                return tooLarge('its size changed while it was read');
        }
        return { bytes: Buffer.concat(chunks, total) };
    }
    catch (e) {
        return { skip: `cannot read: ${describeError(e)}` };
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
function fileType(st) {
    if (st.isDirectory())
        return 'a folder';
    if (st.isFIFO())
        return 'a named pipe';
    if (st.isSocket())
        return 'a socket';
    if (st.isCharacterDevice() || st.isBlockDevice())
        return 'a device';
    return 'unknown type';
}
/** UTF-8 (BOM allowed); UTF-16 and binary files are reported, invalid UTF-8 is reported and linted as decoded. */
function decode(bytes) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
        return {
            text,
            problem: { message: 'the file is encoded as UTF-16; Docker, Compose and GitHub read these files as UTF-8: save it as UTF-8', offset: 0 },
            fatal: true,
        };
    }
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0))
        return { skip: 'binary file (contains NUL bytes)' };
    try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
    }
    catch {
        const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
        const offset = Math.max(0, text.indexOf('\uFFFD'));
        return { text, problem: { message: 'the file is not valid UTF-8 (invalid bytes shown as \uFFFD); save it as UTF-8', offset } };
    }
}
function sniffKind(rel, text) {
    const byName = kindFromName(rel);
    if (byName)
        return byName;
    if (/^jobs\s*:/m.test(text) && /^(on|"on"|'on')\s*:/m.test(text))
        return 'workflow';
    if (isComposeText(text))
        return 'compose';
    if (/^\s*FROM\s+\S/im.test(text))
        return 'dockerfile';
    return undefined;
}
function formatSize(bytes) {
    if (bytes >= 1024 * 1024)
        return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
    if (bytes >= 1024)
        return `${(bytes / 1024).toFixed(1)} KB`;
    return `${bytes} bytes`;
}
function describeError(e) {
    const code = e?.code;
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return code ?? String(e);
}

;// CONCATENATED MODULE: ./src/rules/evaluate.ts
const VALID_ISOLATION = new Set(['default', 'process', 'hyperv']);
/** The effective isolation of an execution on a host; undefined when invalid or unknown. */
function effectiveIsolation(e, host, kb) {
    const v = e.isolation.value;
    if (v === undefined)
        return e.isolation.raw !== undefined ? undefined : kb.defaultIsolation(host.kind);
    if (v === 'default' || v === '')
        return kb.defaultIsolation(host.kind);
    if (v === 'process' || v === 'hyperv')
        return v;
    return undefined;
}
/** Evaluates an execution on a Windows host whose build and image builds are known; undefined otherwise. */
function evaluate(e, kb) {
    const host = e.host?.info;
    if (!host || host.os !== 'windows' || host.build === undefined || e.image === undefined)
        return undefined;
    const image = kb.image(e.image);
    if (image.hostProcess || !image.builds || image.builds.length === 0)
        return undefined;
    if (image.os !== 'windows' && image.os !== 'any')
        return undefined;
    const picked = kb.pickBuild(image.builds, host.build);
    const isolation = effectiveIsolation(e, host, kb);
    const isolationIsDefault = e.isolation.value === undefined || e.isolation.value === 'default';
    const base = { host, hostBuild: host.build, image, isolationIsDefault, ...(isolation ? { isolation } : {}) };
    if (picked === undefined)
        return { ...base, verdict: { kind: 'newer-than-host' } };
    const verdict = kb.compatibility(host.build, host.kind, picked, isolation ?? 'hyperv');
    return { ...base, picked, verdict };
}
/** `runner windows-2022` or `host 10.0.20348`, with the matrix combination when there is one. */
function describeHost(e) {
    const h = e.host;
    const what = h.span ? `runner ${h.info.label}` : `host ${h.info.label}`;
    return h.matrix ? `${what} (matrix ${h.matrix})` : what;
}
/** The isolation flag or key that fixes a mismatch for this kind of execution. */
function hypervFix(e) {
    return e.what.startsWith('service ') ? 'isolation: hyperv' : '--isolation=hyperv';
}
function buildName(kb, build) {
    const info = kb.buildInfo(build);
    return info ? `${build} (${info.name})` : String(build);
}
function imageText(e) {
    return e.image ?? e.imageRaw;
}

;// CONCATENATED MODULE: ./src/rules/container-os-mismatch/rule.ts

/** A Linux-only image on a Windows host, or a Windows image (run, or built with RUN) on a Linux host. */
const rule = {
    id: 'container-os-mismatch',
    check({ project, kb, report }) {
        for (const e of project.executions) {
            const host = e.host?.info;
            if (!host || e.image === undefined || e.kind === 'pull')
                continue;
            const image = kb.image(e.image);
            const assumed = e.host?.assumed === true;
            if (host.os === 'windows' && host.docker && image.os === 'linux' && !assumed && !/linux/i.test(e.platform ?? '')) {
                report({
                    message: `${e.what}: ${imageText(e)} is a Linux image but ${describeHost(e)} runs Windows containers only ` +
                        `("image operating system "linux" cannot be used on this platform"): run this job on a Linux runner ` +
                        `or use a Windows image`,
                    span: e.span,
                    related: e.related,
                });
            }
            else if (host.os === 'linux' && image.os === 'windows' && !image.hostProcess) {
                const build = image.builds?.length === 1 ? ` (build ${image.builds[0]})` : '';
                const tag = image.builds?.length === 1 ? kb.buildInfo(image.builds[0])?.name : undefined;
                const runner = tag === 'ltsc2025' ? 'windows-2025' : tag === 'ltsc2022' ? 'windows-2022' : 'a Windows runner';
                report({
                    message: `${e.what}: ${imageText(e)} is a Windows image${build} but ${describeHost(e)} is a Linux host, which ` +
                        `cannot start Windows containers: run this job on ${runner}`,
                    span: e.span,
                    related: e.related,
                });
            }
        }
    },
};
/* harmony default export */ const container_os_mismatch_rule = (rule);

;// CONCATENATED MODULE: ./src/rules/end-of-life-windows-image/rule.ts
/** An image of an end-of-life Windows release (the Semi-Annual Channel builds 1709 to 20H2). */
const rule_rule = {
    id: 'end-of-life-windows-image',
    check({ project, kb, report }) {
        for (const use of project.images) {
            if (use.image === undefined)
                continue;
            const image = kb.image(use.image);
            if (image.os !== 'windows' || image.builds?.length !== 1)
                continue;
            const info = kb.buildInfo(image.builds[0]);
            if (!info?.endOfLife)
                continue;
            report({
                message: `${use.image} is Windows ${info.name} (build ${info.build}), out of support since ${info.endOfLife}: it ` +
                    `gets no security fixes, no supported Windows Server runs it in process isolation and older hosts cannot ` +
                    `run it at all; move to an ltsc2022 or ltsc2025 image`,
                span: use.span,
            });
        }
    },
};
/* harmony default export */ const end_of_life_windows_image_rule = (rule_rule);

;// CONCATENATED MODULE: ./src/rules/floating-runner-label/rule.ts
/** `windows-latest` (or another moving label) on a job that builds or runs Windows containers. */
const floating_runner_label_rule_rule = {
    id: 'floating-runner-label',
    check({ project, kb, report }) {
        for (const { job, hosts, usesContainers } of project.jobs) {
            if (!usesContainers)
                continue;
            for (const host of hosts) {
                const floating = host.info.floating;
                if (!floating || host.info.os !== 'windows' || !host.span)
                    continue;
                const now = kb.host(floating.resolvesTo);
                const pinned = now?.label ?? floating.resolvesTo;
                const before = (floating.previous ?? []).map((p) => `${p.label}, build ${p.build}, until ${p.until}`);
                const moved = before.length > 0 ? `it was ${before.join('; then ')}, and is now ` : 'it is now ';
                const build = host.info.build !== undefined ? `, build ${host.info.build}` : '';
                report({
                    message: `job '${job.id}' runs Windows containers on ${host.info.label}, a label that moves between Windows ` +
                        `Server releases (${moved}${pinned}${build}); every container must match the host build, so the job ` +
                        `can break with no edit to this repository: pin ${pinned} (or the release your images target)`,
                    span: host.span,
                    fix: { span: host.span, replacement: pinned, description: `pin ${pinned}` },
                });
            }
        }
    },
};
/* harmony default export */ const floating_runner_label_rule = (floating_runner_label_rule_rule);

;// CONCATENATED MODULE: ./src/rules/image-newer-than-host/rule.ts

/** An image newer than its host: no isolation mode runs it, and the engine refuses to pull it. */
const image_newer_than_host_rule_rule = {
    id: 'image-newer-than-host',
    check({ project, kb, report }) {
        for (const e of project.executions) {
            const ev = evaluate(e, kb);
            if (!ev || ev.verdict.kind !== 'newer-than-host')
                continue;
            const tag = kb.matchingTag(ev.hostBuild, ev.host.kind);
            const builds = ev.image.builds;
            const newest = Math.max(...builds);
            const what = ev.picked !== undefined || builds.length === 1
                ? `${imageText(e)} is Windows build ${buildName(kb, ev.picked ?? builds[0])}`
                : `${imageText(e)} lists only Windows builds ${builds.map((b) => buildName(kb, b)).join(', ')}`;
            report({
                message: `${e.what}: ${what} but ${describeHost(e)} is ${buildName(kb, ev.hostBuild)}; no isolation mode runs an ` +
                    `image newer than its host and the engine refuses to pull it: use ${tag ? `an ${tag} image` : 'an older image'} ` +
                    `or a runner with build ${newest} or later`,
                span: e.span,
                related: e.related,
            });
        }
    },
};
/* harmony default export */ const image_newer_than_host_rule = (image_newer_than_host_rule_rule);

;// CONCATENATED MODULE: ./src/rules/invalid-isolation-value/rule.ts

const SUGGEST = {
    'hyper-v': 'hyperv',
    hyper_v: 'hyperv',
    'hyper v': 'hyperv',
    hyperviso: 'hyperv',
    hypervisor: 'hyperv',
    vm: 'hyperv',
    proc: 'process',
    processes: 'process',
    host: 'process',
};
/** Isolation values other than default, process and hyperv (any case). */
const invalid_isolation_value_rule_rule = {
    id: 'invalid-isolation-value',
    check({ project, report }) {
        const check = (value, span) => {
            if (value === undefined || span === undefined)
                return;
            const v = value.trim().toLowerCase();
            if (v === '' || VALID_ISOLATION.has(v))
                return;
            const suggestion = SUGGEST[v];
            const fix = suggestion && span.start.line === span.end.line && span.end.column - span.start.column === value.length
                ? { span, replacement: suggestion, description: `use ${suggestion}` }
                : undefined;
            report({
                message: `isolation '${value}' is not valid: Docker and Compose accept only default, process or hyperv (any case) ` +
                    `and reject the container otherwise${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
                span,
                ...(fix ? { fix } : {}),
            });
        };
        for (const compose of project.composeFiles) {
            for (const svc of compose.services) {
                check(svc.isolation?.value, svc.isolation?.span);
                check(svc.build?.isolation?.value, svc.build?.isolation?.span);
            }
        }
        for (const e of project.executions) {
            if (!e.what.startsWith('service '))
                check(e.isolation.raw !== undefined ? e.isolation.value : undefined, e.isolation.span);
        }
    },
};
/* harmony default export */ const invalid_isolation_value_rule = (invalid_isolation_value_rule_rule);

;// CONCATENATED MODULE: ./src/rules/parse-error/rule.ts
/** Files that could not be read as what they are; none of their containers were checked. */
const parse_error_rule_rule = {
    id: 'parse-error',
    check({ project, report }) {
        for (const p of project.problems) {
            report({ message: `${p.message}; this file was not checked`, span: p.span });
        }
    },
};
/* harmony default export */ const parse_error_rule = (parse_error_rule_rule);

;// CONCATENATED MODULE: ./src/rules/fixes.ts
/**
 * Replaces the release token (`ltsc2019`, `1809`) in the image as written with `tag`, when the token is written
 * literally on the span's single line. Undefined when the image comes from a variable.
 */
function tagFix(e, kb, build, tag) {
    const s = e.span;
    if (s.start.line !== s.end.line)
        return undefined;
    const info = kb.buildInfo(build);
    if (!info)
        return undefined;
    const raw = e.imageRaw;
    if (raw.length !== s.end.column - s.start.column)
        return undefined;
    const m = new RegExp(`(^|[-:_])(${fixes_escape(info.name)})($|[-_@])`, 'i').exec(raw);
    if (!m)
        return undefined;
    const at = m.index + m[1].length;
    const column = s.start.column + at;
    return {
        span: { file: s.file, start: { line: s.start.line, column }, end: { line: s.start.line, column: column + m[2].length } },
        replacement: tag,
        description: `use the ${tag} image`,
    };
}
function fixes_escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/rules/process-isolation-build-mismatch/rule.ts


/** Process isolation with an image build the host cannot run (older than the host's accepted range). */
const process_isolation_build_mismatch_rule_rule = {
    id: 'process-isolation-build-mismatch',
    check({ project, kb, report }) {
        for (const e of project.executions) {
            if (e.kind === 'pull')
                continue;
            const ev = evaluate(e, kb);
            if (!ev || ev.verdict.kind !== 'needs-hyperv' || ev.isolation !== 'process' || ev.picked === undefined)
                continue;
            const tag = kb.matchingTag(ev.hostBuild, ev.host.kind);
            const mode = ev.isolationIsDefault ? 'process isolation (the Windows Server default)' : 'process isolation';
            const fix = tag ? tagFix(e, kb, ev.picked, tag) : undefined;
            report({
                message: `${e.what}: ${imageText(e)} is Windows build ${buildName(kb, ev.picked)} but ${describeHost(e)} is ` +
                    `${buildName(kb, ev.hostBuild)}; ${mode} needs a build that host can run: ` +
                    `use ${tag ? `an ${tag} image` : 'an image of the host build'} or ${hypervFix(e)}`,
                span: e.span,
                related: e.related,
                ...(fix ? { fix } : {}),
            });
        }
    },
};
/* harmony default export */ const process_isolation_build_mismatch_rule = (process_isolation_build_mismatch_rule_rule);

;// CONCATENATED MODULE: ./src/rules/production-requires-hyperv/rule.ts

/** Windows containers in production must be explicitly Hyper-V isolated. */
const production_requires_hyperv_rule_rule = {
    id: 'production-requires-hyperv',
    check({ project, kb, report }) {
        for (const e of project.executions) {
            if (!e.production || e.kind !== 'run')
                continue;
            const image = e.image !== undefined ? kb.image(e.image) : undefined;
            const windows = e.host?.info.os === 'windows' || image?.os === 'windows';
            if (!windows || image?.os === 'linux' || image?.hostProcess)
                continue;
            if (e.isolation.value === 'hyperv')
                continue;
            if (e.isolation.value === undefined && e.isolation.raw !== undefined)
                continue; // unresolved: cannot tell
            if (e.isolation.value !== undefined && !VALID_ISOLATION.has(e.isolation.value))
                continue; // invalid-isolation-value
            const now = e.isolation.value === undefined || e.isolation.value === 'default'
                ? 'without explicit isolation (process isolation on Windows Server hosts)'
                : `with ${e.isolation.value} isolation`;
            report({
                message: `${e.what}: ${imageText(e)} runs in production (${e.production.reason}) ${now}; production Windows ` +
                    `containers must use Hyper-V isolation, which gives each container its own kernel: set ${hypervFix(e)}`,
                span: e.isolationFixSpan,
                related: [...(e.production.span ? [{ span: e.production.span, message: 'production because of this' }] : []), ...e.related],
            });
        }
    },
};
/* harmony default export */ const production_requires_hyperv_rule = (production_requires_hyperv_rule_rule);

;// CONCATENATED MODULE: ./src/rules/retired-runner-label/rule.ts
/** A hosted runner label GitHub no longer provides. */
const retired_runner_label_rule_rule = {
    id: 'retired-runner-label',
    check({ project, report }) {
        for (const { job, hosts } of project.jobs) {
            for (const host of hosts) {
                const retired = host.info.retired;
                if (!retired || !host.span)
                    continue;
                const matrix = host.matrix ? ` (matrix ${host.matrix})` : '';
                report({
                    message: `job '${job.id}' runs on ${host.info.label}${matrix}, retired on ${retired.on}: GitHub no longer ` +
                        `provides this runner, so the job never starts; move it to windows-2022 or windows-2025 and check its ` +
                        `Windows images against that build`,
                    span: host.span,
                });
            }
        }
    },
};
/* harmony default export */ const retired_runner_label_rule = (retired_runner_label_rule_rule);

;// CONCATENATED MODULE: ./src/rules/unknown-image-build/rule.ts

/** A container on a Windows host whose image build cannot be worked out, so its pairing goes unchecked. */
const unknown_image_build_rule_rule = {
    id: 'unknown-image-build',
    check({ project, kb, report }) {
        for (const e of project.executions) {
            const host = e.host?.info;
            // A --runner host is assumed only for Windows images; an unknown image there may well be a Linux one.
            if (!host || host.os !== 'windows' || e.kind === 'pull' || e.host?.assumed)
                continue;
            const tag = host.build !== undefined ? kb.matchingTag(host.build, host.kind) : undefined;
            const example = tag ? ` (for example -${tag})` : '';
            const hostText = host.build !== undefined ? `${describeHost(e)} (build ${host.build})` : describeHost(e);
            if (e.image === undefined) {
                const vars = e.unresolved.length > 0 ? `: ${e.unresolved.join(', ')} has no value here` : '';
                report({
                    message: `${e.what}: the image ${e.imageRaw} cannot be worked out${vars}, so its Windows build cannot be checked ` +
                        `against ${hostText}: give the variable a default or pass it where the image is built`,
                    span: e.span,
                    related: e.related,
                });
                continue;
            }
            const image = kb.image(e.image);
            if (image.hostProcess || image.os === 'linux' || (image.builds && image.builds.length > 0))
                continue;
            report({
                message: `${e.what}: the Windows build of ${e.image} is unknown (its tag names no Windows release), so it cannot be ` +
                    `checked against ${hostText}: use a tag that names the release${example}`,
                span: e.span,
                related: e.related,
            });
        }
    },
};
/* harmony default export */ const unknown_image_build_rule = (unknown_image_build_rule_rule);

;// CONCATENATED MODULE: ./src/rules/windows-image-missing-tag/rule.ts
/** An MCR Windows base image without a tag, or with `latest`, which those repositories do not publish. */
const windows_image_missing_tag_rule_rule = {
    id: 'windows-image-missing-tag',
    check({ project, kb, report }) {
        for (const use of project.images) {
            if (use.image === undefined)
                continue;
            const image = kb.image(use.image);
            if (!image.windowsBase || !image.missingTag)
                continue;
            const written = image.tag ? `has the tag '${image.tag}'` : 'has no tag, so Docker asks for latest';
            report({
                message: `${use.image} ${written}, but the Windows base images publish no latest tag and the pull fails: name ` +
                    `the Windows release of the host, for example ${image.repository}:ltsc2022 (Windows Server 2022) or ` +
                    `${image.repository}:ltsc2025 (Windows Server 2025)`,
                span: use.span,
            });
        }
    },
};
/* harmony default export */ const windows_image_missing_tag_rule = (windows_image_missing_tag_rule_rule);

;// CONCATENATED MODULE: ./src/rules/index.ts











const RULES = [
    container_os_mismatch_rule,
    end_of_life_windows_image_rule,
    floating_runner_label_rule,
    image_newer_than_host_rule,
    invalid_isolation_value_rule,
    parse_error_rule,
    process_isolation_build_mismatch_rule,
    production_requires_hyperv_rule,
    retired_runner_label_rule,
    unknown_image_build_rule,
    windows_image_missing_tag_rule,
];

;// CONCATENATED MODULE: ./src/lint.ts
/**
 * The library entry point: discover → load and parse → link → rules → sorted findings.
 * Used by the CLI and the action; no I/O beyond reading the files under the root.
 */









function lint(options) {
    const kb = options.kb ?? loadKnowledgeBase();
    const runners = options.runners ?? [];
    for (const r of runners) {
        if (!kb.host(r)) {
            throw new UsageError(`unknown runner '${r}': give a hosted runner label (windows-2022, windows-2025) or a Windows build (10.0.20348)`);
        }
    }
    const max = options.maxFileSize;
    if (max !== undefined && (!Number.isSafeInteger(max) || max <= 0 || max > MAX_FILE_SIZE_LIMIT)) {
        throw new UsageError(`max file size must be a whole number of bytes from 1 to ${MAX_FILE_SIZE_LIMIT}, got ${max}`);
    }
    const found = discover(options.root, options.paths ?? []);
    const loader = new ProjectLoader(found.root, options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {});
    for (const f of found.files)
        loader.loadDiscovered(f);
    const project = linkProject(loader.allModels(), loader.problems, loader, kb, {
        runners,
        ...(options.environment !== undefined ? { environment: options.environment } : {}),
    });
    // Referenced files may have been loaded while linking; they are part of the run (and of `files`).
    const linked = { ...project, files: loader.allModels(), problems: loader.problems };
    const lineCounts = new Map();
    for (const [file, text] of loader.sources)
        lineCounts.set(file, new LineIndex(text).lineCount);
    const { findings, crashes } = runRules({ project: linked, kb, rules: options.rules ?? RULES, lineCounts });
    return {
        findings,
        files: [...loader.sources.keys()].sort(),
        skipped: [...found.skipped, ...loader.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
        sources: loader.sources,
        crashes,
        links: project.links,
        executions: project.executions.map((e) => summarizeExecution(e, kb)),
    };
}
function summarizeExecution(e, kb) {
    const evaluation = evaluate(e, kb);
    const host = e.host?.info;
    const builds = e.image !== undefined ? kb.image(e.image).builds : undefined;
    const imageBuild = evaluation?.picked ?? (builds?.length === 1 ? builds[0] : undefined);
    // A pull starts no container, so no isolation applies to it.
    const isolation = e.kind === 'pull' ? undefined : evaluation ? evaluation.isolation : host?.os === 'windows' ? effectiveIsolation(e, host, kb) : undefined;
    return {
        kind: e.kind,
        what: e.what,
        file: e.span.file,
        line: e.span.start.line,
        image: e.image ?? e.imageRaw,
        ...(imageBuild !== undefined ? { imageBuild } : {}),
        ...(host ? { host: host.label } : {}),
        ...(host?.build !== undefined ? { hostBuild: host.build } : {}),
        ...(isolation ? { isolation } : {}),
    };
}

;// CONCATENATED MODULE: ./src/reporters/json.ts
/** Version of the JSON report format. */
const JSON_REPORT_VERSION = 1;
function toJsonFinding(f) {
    // Properties are listed one by one so the key order is fixed and no other field (e.g. `fix`) leaks out.
    return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: f.span.file,
        line: f.span.start.line,
        column: f.span.start.column,
        endLine: f.span.end.line,
        endColumn: f.span.end.column,
        related: f.related.map((r) => ({
            file: r.span.file,
            line: r.span.start.line,
            column: r.span.start.column,
            message: r.message,
        })),
    };
}
/** Renders a lint result as the JSON report: 2-space indented, trailing newline, findings in result order. */
function renderJson(result) {
    const report = {
        version: JSON_REPORT_VERSION,
        findings: result.findings.map(toJsonFinding),
        skipped: result.skipped.map((s) => ({ file: s.file, reason: s.reason })),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/reporters/sarif.ts
/**
 * The SARIF 2.1.0 report, shaped for GitHub code scanning (github/codeql-action/upload-sarif): rules from the
 * catalog, 1-based regions with exclusive end columns, relative URIs under `%SRCROOT%`, and partial fingerprints
 * so alerts follow their line when code moves. The output is deterministic: no timestamps, no absolute paths.
 */



/** The `$schema` GitHub documents for SARIF uploads. */
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The base id every artifact URI is relative to: the root of the scanned tree (the repository checkout). */
const SRCROOT = '%SRCROOT%';
/** GitHub's limit for shortDescription and fullDescription texts. */
const MAX_DESCRIPTION = 1024;
/** How sure we are that a result is a real problem; experimental rules have seen less real-world input. */
const PRECISION = { stable: 'high', experimental: 'medium', retired: 'low' };
/** GitHub shows `problem.severity` for results that are not security results. */
const PROBLEM_SEVERITY = {
    error: 'error',
    warning: 'warning',
    note: 'recommendation',
};
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** `process-isolation-build-mismatch` → `ProcessIsolationBuildMismatch`. */
function pascalCase(id) {
    return id
        .split('-')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join('');
}
/** Characters kept as they are in a path: RFC 3986 unreserved and sub-delims, `@` and `/`. `:` is encoded. */
const URI_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=@/]/;
const UTF8 = new TextEncoder();
/**
 * A POSIX relative path as a URI reference: every character that is not valid in a URI path, and `%`, `?`, `#`
 * and `:` (which would read as a scheme), is percent-encoded as UTF-8. `/` is kept.
 */
function pathToUri(path) {
    let out = '';
    for (const ch of path) {
        if (URI_SAFE.test(ch))
            out += ch;
        else
            for (const byte of UTF8.encode(ch))
                out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
/** Escapes `[`, `]` (and a backslash before them) so SARIF consumers do not read plain text as embedded links. */
function escapeMessage(text) {
    return text.replace(/\\(?=[[\]])/g, '\\\\').replace(/[[\]]/g, '\\$&');
}
/** Markdown link text and target for a source in `help.markdown`. */
function markdownLink(title, url) {
    const text = title.replace(/[\\[\]]/g, '\\$&');
    const target = url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `[${text}](${target})`;
}
function describeRule(entry) {
    const helpUri = ruleHelpUri(entry.id);
    const text = [
        entry.help,
        '',
        'Sources:',
        ...entry.sources.map((s) => `- ${s.title}: ${s.url}`),
        '',
        `Documentation: ${helpUri}`,
    ];
    const markdown = [
        entry.help,
        '',
        '**Sources**',
        '',
        ...entry.sources.map((s) => `- ${markdownLink(s.title, s.url)}`),
        '',
        `[Rule documentation](${helpUri})`,
    ];
    return {
        id: entry.id,
        name: pascalCase(entry.id),
        shortDescription: { text: truncate(entry.summary, MAX_DESCRIPTION) },
        fullDescription: { text: truncate(entry.help, MAX_DESCRIPTION) },
        help: { text: text.join('\n'), markdown: markdown.join('\n') },
        helpUri,
        defaultConfiguration: { level: entry.defaultSeverity },
        properties: {
            tags: [entry.scope, entry.type],
            precision: PRECISION[entry.stage],
            'problem.severity': PROBLEM_SEVERITY[entry.defaultSeverity],
        },
    };
}
function physicalLocation(span) {
    const artifactLocation = { uri: pathToUri(span.file), uriBaseId: SRCROOT };
    return {
        artifactLocation,
        region: {
            startLine: span.start.line,
            startColumn: span.start.column,
            endLine: span.end.line,
            endColumn: span.end.column,
        },
    };
}
/** Whitespace-normalised text of a line: trimmed, runs of whitespace collapsed to one space. */
function normaliseLine(text) {
    return text.trim().replace(/\s+/g, ' ');
}
/**
 * The fingerprint of a finding: sha256 of rule id, path and the normalised text of its first line, so it does
 * not change when lines are added above. `:n` counts identical fingerprints in the report (as codeql-action does),
 * so two findings on identical lines of one file stay two alerts.
 */
function lineHash(f, lineText) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update(`${f.ruleId}\u0000${f.span.file}\u0000${normaliseLine(lineText)}`)
        .digest('hex')
        .slice(0, 32);
}
function toResult(f, ruleIndex, fingerprint) {
    const related = f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physicalLocation(r.span),
        message: { text: escapeMessage(r.message) },
    }));
    // GitHub links related locations only when the result message embeds them as [text](id).
    const links = related.map((r) => `[${r.message.text}](${r.id})`).join('; ');
    const result = {
        ruleId: f.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: f.severity,
        message: { text: links === '' ? escapeMessage(f.message) : `${escapeMessage(f.message)} See also: ${links}.` },
        locations: [{ physicalLocation: physicalLocation(f.span) }],
    };
    if (related.length > 0)
        result.relatedLocations = related;
    result.partialFingerprints = { primaryLocationLineHash: fingerprint };
    return result;
}
/**
 * Renders a lint result as SARIF 2.1.0 for GitHub code scanning. `rules` lists every catalog entry that is not
 * retired, in catalog order; results refer to them by `ruleIndex`. Skipped files become tool notifications.
 */
function renderSarif(result, catalog) {
    const entries = [...catalog.values()].filter((e) => e.stage !== 'retired');
    const ruleIndex = new Map(entries.map((e, i) => [e.id, i]));
    const indexes = new Map();
    const lineText = (span) => {
        const source = result.sources.get(span.file);
        if (source === undefined)
            return '';
        let index = indexes.get(span.file);
        if (!index)
            indexes.set(span.file, (index = new LineIndex(source)));
        return index.lineText(span.start.line);
    };
    const seen = new Map();
    const results = result.findings.map((f) => {
        const hash = lineHash(f, lineText(f.span));
        const n = (seen.get(hash) ?? 0) + 1;
        seen.set(hash, n);
        return toResult(f, ruleIndex.get(f.ruleId), `${hash}:${n}`);
    });
    const notifications = result.skipped.map((s) => ({
        level: 'warning',
        message: { text: escapeMessage(`Skipped ${s.file}: ${s.reason}`) },
        locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(s.file), uriBaseId: SRCROOT } } }],
    }));
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: TOOL_NAME,
                        version: TOOL_VERSION,
                        semanticVersion: TOOL_VERSION,
                        informationUri: REPOSITORY_URL,
                        rules: entries.map(describeRule),
                    },
                },
                invocations: [
                    {
                        executionSuccessful: true,
                        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
                    },
                ],
                originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the scanned repository.' } } },
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/reporters/text.ts

const ANSI = {
    bold: '\u001b[1m',
    dim: '\u001b[2m',
    error: '\u001b[1;31m',
    warning: '\u001b[1;33m',
    note: '\u001b[1;36m',
    ok: '\u001b[1;32m',
};
const RESET = '\u001b[0m';
/** Invisible or terminal-controlling characters that are not C0/C1 controls: bidi marks, line separators, BOM. */
const UNSAFE_FORMAT = new Set([0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff]);
function escapeCodeUnit(c) {
    return `\\u{${c.toString(16)}}`;
}
/** Splits text into printable segments; tabs stay tabs, unsafe characters become visible escapes. */
function segments(text) {
    const out = [];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let shown;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
                out.push({ text: text.slice(i, i + 2), index: i });
                i++;
                continue;
            }
            shown = '\ufffd';
        }
        else if (c >= 0xd800 && c <= 0xdfff)
            shown = '\ufffd'; // a lone surrogate cannot be encoded
        else if (c === 9)
            shown = '\t';
        else if (c < 0x20)
            shown = String.fromCharCode(0x2400 + c); // control pictures: ␀ … ␟
        else if (c === 0x7f)
            shown = '\u2421'; // ␡
        else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || UNSAFE_FORMAT.has(c)) {
            shown = escapeCodeUnit(c);
        }
        else
            shown = text[i];
        out.push({ text: shown, index: i });
    }
    return out;
}
/** Text made safe to print: no control characters except tab. */
function visible(text) {
    return segments(text)
        .map((s) => s.text)
        .join('');
}
/**
 * The source line and an underline under columns [start, end) of it, as two strings without gutter. `end`
 * undefined underlines to the end of the line (multi-line spans). Tabs before and inside the underline are kept
 * so the carets stay aligned whatever the terminal's tab width.
 */
function underline(lineText, startColumn, endColumn) {
    const segs = segments(lineText);
    const start = startColumn - 1;
    const end = endColumn === undefined ? lineText.length : endColumn - 1;
    let pad = '';
    let marks = '';
    for (const s of segs) {
        if (s.index < start)
            pad += s.text === '\t' ? '\t' : ' '.repeat(s.text.length);
        else if (s.index < end) {
            if (s.text === '\t' && marks !== '')
                marks += '\t';
            else
                marks += (marks === '' ? '^' : '~') + '~'.repeat(s.text.length - 1);
        }
    }
    if (start > lineText.length)
        pad += ' '.repeat(start - lineText.length);
    if (marks === '')
        marks = '^';
    return [segs.map((s) => s.text).join(''), pad + marks];
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function renderFinding(f, lines, paint) {
    const { file, start, end } = f.span;
    const out = [
        `${paint('bold', `${visible(file)}:${start.line}:${start.column}`)} ${paint(f.severity, f.severity)} ` +
            `${paint('dim', f.ruleId)} ${visible(f.message)}`,
    ];
    const index = lines(file);
    if (index && start.line >= 1 && start.line <= index.lineCount) {
        const text = index.lineText(start.line);
        const [shown, marks] = underline(text, start.column, end.line === start.line ? end.column : undefined);
        const gutter = String(start.line);
        const bar = paint('dim', '|');
        out.push(`  ${paint('dim', gutter)} ${bar}${shown === '' ? '' : ` ${shown}`}`);
        out.push(`  ${' '.repeat(gutter.length)} ${bar} ${paint(f.severity, marks)}`);
    }
    for (const r of f.related) {
        const where = `${visible(r.span.file)}:${r.span.start.line}:${r.span.start.column}`;
        out.push(`  ${paint('note', 'note:')} ${where} ${visible(r.message)}`);
    }
    return out;
}
function summary(result, paint) {
    const files = plural(result.files.length, 'file');
    if (result.findings.length === 0)
        return paint('ok', `No problems found in ${files}.`);
    const count = (s) => result.findings.filter((f) => f.severity === s).length;
    const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
    const text = `${plural(result.findings.length, 'problem')} ` +
        `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}) in ${files}`;
    return paint(errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'note', text);
}
/** Renders a lint result for people: findings with code frames, a summary line and the skipped files. */
function renderText(result, options = {}) {
    const paint = options.color ? (style, text) => `${ANSI[style]}${text}${RESET}` : (_style, text) => text;
    const cache = new Map();
    const lines = (file) => {
        let index = cache.get(file);
        if (!index) {
            const source = result.sources.get(file);
            if (source === undefined)
                return undefined;
            index = new LineIndex(source);
            cache.set(file, index);
        }
        return index;
    };
    const out = [];
    for (const f of result.findings)
        out.push(...renderFinding(f, lines, paint), '');
    out.push(summary(result, paint));
    for (const s of result.skipped)
        out.push(`${paint('dim', 'skipped:')} ${visible(s.file)}: ${visible(s.reason)}`);
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/log-safe.ts
/**
 * Output that a CI runner reads as a log stays a log: GitHub Actions takes a line whose trimmed text starts with
 * `::name` as a workflow command (`::add-mask::`, `::error::`, `::stop-commands::`), and the legacy `##[name]` form
 * anywhere in a line. The CLI's output carries repository text (file names, image names, source lines), so what it
 * prints to standard output and standard error goes through these functions. Pure.
 */
const ZWSP = '\u200b';
/**
 * Plain text: a line that starts with `::` (after blanks) gets a zero-width space in front, and `##[` is broken up
 * wherever it occurs. Invisible in a terminal and in the log.
 */
function neutralizeLines(text) {
    return text
        .split('\n')
        .map((line) => (/^\s*::/.test(line) ? `${ZWSP}${line}` : line))
        .join('\n')
        .replace(/##\[/g, `#${ZWSP}#[`);
}
/**
 * JSON text (the JSON and SARIF reports): `##[` becomes `#\u0023[`, the same string for every JSON reader. A line of
 * JSON.stringify output never starts with `::` (string values cannot hold a raw line break).
 */
function neutralizeJson(json) {
    return json.replace(/##\[/g, '#\\u0023[');
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The command line: argv → lint → report → exit code.
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error, 3 internal error.
 */














const USAGE = `Usage: isolint [options] [paths...]

Checks Dockerfiles, Compose files and GitHub workflows against the rules of Windows container isolation.
Paths are files or folders (default: .). Findings are reported relative to --root (default: the one folder given,
else the current folder).

Options:
  --runner LABEL|BUILD     host to check files against when no workflow says where they run
                           (windows-2022, windows-2025, 10.0.20348); repeatable
  --environment NAME       deployment environment; "production" requires Hyper-V isolation everywhere
  --format text|json|sarif output format (default: text)
  --output FILE            write the report to FILE instead of standard output
  --fail-on LEVEL          error|warning|note|none: exit 1 on findings at or above LEVEL (default: error)
  --root DIR               repository root: paths are relative to it and nothing outside it is read
  --max-file-size BYTES    skip larger files with a note (default: 2097152, at most 268435456)
  --list-rules             print the rules and exit
  --no-color               plain text output
  --version                print the version
  -h, --help               print this help

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage error, 3 internal error.`;
function main_main(argv, io) {
    try {
        return run(argv, io);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.stderr(neutralizeLines(`isolint: ${e.message}\nRun 'isolint --help' for usage.\n`));
            return 2;
        }
        const err = e instanceof Error ? e : new Error(String(e));
        io.stderr(neutralizeLines(`isolint: internal error: ${err.message}\nThis is a bug in isolint; please report it with the stack below.\n${err.stack ?? ''}\n`));
        return 3;
    }
}
function run(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: negativeValues(argv),
            allowPositionals: true,
            strict: true,
            options: {
                runner: { type: 'string', multiple: true },
                environment: { type: 'string' },
                format: { type: 'string' },
                output: { type: 'string' },
                'fail-on': { type: 'string' },
                root: { type: 'string' },
                'max-file-size': { type: 'string' },
                'list-rules': { type: 'boolean' },
                'no-color': { type: 'boolean' },
                version: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (e) {
        throw new UsageError(e.message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(USAGE + '\n');
        return 0;
    }
    if (values.version) {
        io.stdout(`isolint ${TOOL_VERSION}\n`);
        return 0;
    }
    const catalog = loadCatalog();
    if (values['list-rules']) {
        const width = Math.max(...[...catalog.keys()].map((k) => k.length));
        for (const e of catalog.values()) {
            if (e.stage !== 'retired')
                io.stdout(`${e.id.padEnd(width)}  ${e.defaultSeverity.padEnd(7)}  ${e.summary}\n`);
        }
        return 0;
    }
    const format = oneOf('--format', values.format ?? 'text', ['text', 'json', 'sarif']);
    const failOn = oneOf('--fail-on', values['fail-on'] ?? 'error', ['error', 'warning', 'note', 'none']);
    const maxFileSize = values['max-file-size'] !== undefined ? positiveInt('--max-file-size', values['max-file-size'], MAX_FILE_SIZE_LIMIT) : undefined;
    const root = external_node_path_default().resolve(io.cwd, values.root ?? defaultRoot(io.cwd, positionals));
    const paths = positionals.map((p) => {
        const abs = external_node_path_default().resolve(io.cwd, p);
        try {
            (0,external_node_fs_namespaceObject.statSync)(abs);
        }
        catch (e) {
            // As given (not found, permission denied): discovery would name the absolute path.
            throw new UsageError(pathError(p, e));
        }
        return abs;
    });
    const result = lint({
        root,
        paths,
        runners: values.runner ?? [],
        ...(values.environment !== undefined ? { environment: values.environment } : {}),
        ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    });
    const report = format === 'json'
        ? renderJson(result)
        : format === 'sarif'
            ? renderSarif(result, catalog)
            : renderText(result, { color: io.color && !values['no-color'] && values.output === undefined });
    if (values.output !== undefined) {
        try {
            (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_default().resolve(io.cwd, values.output), report);
        }
        catch (e) {
            throw new UsageError(`cannot write ${values.output}: ${e.message}`);
        }
    }
    else {
        // Standard output may be a CI log that reads workflow commands; the report file is written as is.
        io.stdout(format === 'text' ? neutralizeLines(report) : neutralizeJson(report));
    }
    if (result.crashes.length > 0) {
        // The other rules' findings were reported above; a crashed rule still fails the run as an internal error.
        for (const c of result.crashes) {
            io.stderr(neutralizeLines(`isolint: internal error in rule ${c.ruleId}: ${c.error.message}\n${c.error.stack ?? ''}\n`));
        }
        return 3;
    }
    return result.findings.some((f) => atLeast(f.severity, failOn)) ? 1 : 0;
}
/** Options that take a value. */
const VALUE_OPTIONS = new Set(['--runner', '--environment', '--format', '--output', '--fail-on', '--root', '--max-file-size']);
/**
 * `--max-file-size -1` as `--max-file-size=-1`: a negative number is a value, never an option, so that the value's
 * check can say what is wrong with it (parseArgs would call it an ambiguous option).
 */
function negativeValues(argv) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--')
            return [...out, ...argv.slice(i)];
        const next = argv[i + 1];
        if (VALUE_OPTIONS.has(a) && next !== undefined && /^-\d/.test(next)) {
            out.push(`${a}=${next}`);
            i++;
        }
        else
            out.push(a);
    }
    return out;
}
/** One folder given: it is the root (a repository checked out elsewhere). Otherwise the current folder. */
function defaultRoot(cwd, positionals) {
    if (positionals.length !== 1)
        return cwd;
    const p = external_node_path_default().resolve(cwd, positionals[0]);
    try {
        return (0,external_node_fs_namespaceObject.statSync)(p).isDirectory() ? p : cwd;
    }
    catch {
        return cwd; // not found: discovery reports it
    }
}
function oneOf(flag, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got '${value}'`);
}
function positiveInt(flag, value, max) {
    if (!/^\d+$/.test(value) || Number(value) <= 0 || Number(value) > max) {
        throw new UsageError(`${flag} must be a whole number of bytes from 1 to ${max}, got '${value}'`);
    }
    return Number(value);
}

;// CONCATENATED MODULE: ./src/cli/index.ts

process.exitCode = main_main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
});

