import * as fs from 'fs';
import * as path from 'path';
import { fileIdentity, FileIdentity, OutputExistsError, sameIdentity, writeOutputFile } from '../xlsx/node/outputFile';
import { FileProblem, fileProblemOf, isFileProblem, isSystemError, outputProblem } from './systemErrors';

/**
 * The one rule for every file the command line writes (`score --out`, `report --docx`, `sample`,
 * `consolidate --out`): never the input (compared by identity: links, hard links, another case of
 * the name), never an existing file unless --force, never a folder, always in a folder that exists;
 * then written all or nothing (src/xlsx/node/outputFile.ts), every failure one sentence naming the file.
 */

export interface OutputTarget {
  /** The name as the user typed it, for messages. */
  shown: string;
  /** The option that named it, for messages ("--out", "--docx"; "" for sample's own argument). */
  option: string;
  /** The kind of file, for the "is a folder" message (".xlsx", ".docx"). */
  ext: string;
  identity: FileIdentity;
  /** Whether the write may replace a file of that name (--force, or the tool's own earlier output). */
  replace: boolean;
}

export interface CheckOptions {
  option: string;
  ext: string;
  /** The files the output must never be (as the user named them). */
  inputs: string[];
  /** --force: an existing file (not an input) may be replaced. */
  force: boolean;
  /** An existing target that may be replaced without --force (consolidate: its own earlier output). */
  mayReplace?: (target: string) => Promise<boolean>;
  /** The sentence for an existing target (default: it exists; add --force). */
  existsKey?: 'outExists' | 'outExistsNotConsolidation';
}

/** Checks `target` before anything is read or computed, so a wrong name fails at once. */
export async function checkOutputTarget(target: string, options: CheckOptions): Promise<OutputTarget> {
  const identity = fileIdentity(target);
  const result: OutputTarget = { shown: target, option: options.option, ext: options.ext, identity: identity, replace: options.force };
  if (identity.exists && identity.isDirectory) throw outputProblem('outIsFolder', { path: target, ext: options.ext });
  for (const input of options.inputs) {
    if (sameIdentity(identity, fileIdentity(input))) throw outputProblem('outIsInput', { option: options.option, path: target, input: input });
  }
  if (!identity.exists) {
    const dir = path.dirname(path.resolve(target));
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw outputProblem('outFolderMissing', { dir: path.dirname(target) === '.' ? dir : path.dirname(target), path: target });
      if (code === 'ENOTDIR') throw outputProblem('outParentNotFolder', { dir: path.dirname(target), path: target });
      throw isSystemError(error) ? fileProblemOf(error, 'write', target) : error;
    }
    if (!stat.isDirectory()) throw outputProblem('outParentNotFolder', { dir: path.dirname(target), path: target });
  } else if (!options.force) {
    if (!(options.mayReplace && (await options.mayReplace(target)))) throw outputProblem(options.existsKey || 'outExists', { path: target });
    result.replace = true;
  }
  return result;
}

/**
 * Writes the bytes to a checked target: replacing only where the check allowed it (--force, or
 * the tool's own earlier output); a file that appeared since the check is not replaced. Every
 * failure becomes one FileProblem naming the target.
 */
export async function writeCheckedOutput(target: OutputTarget, bytes: Uint8Array): Promise<void> {
  try {
    await writeOutputFile(target.shown, bytes, { overwrite: target.replace });
  } catch (error) {
    throw writeFailure(target.shown, error);
  }
}

/** A failure while writing `shown` as one sentence naming it. */
export function writeFailure(shown: string, error: unknown): FileProblem {
  if (isFileProblem(error)) return error;
  if (error instanceof OutputExistsError) return outputProblem('outExists', { path: shown });
  if (isSystemError(error)) return fileProblemOf(error, 'write', shown);
  return outputProblem('cannotWrite', { path: shown, reason: error instanceof Error ? error.message : String(error) });
}
