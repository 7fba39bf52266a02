// `stet push`: publishes the archive's new commits to the remote branch. When another run pushed
// first, this run's versions are replayed on top as whole-file writes of what was fetched (or
// dropped, to be fetched again), never merged; nothing is ever force-pushed.

import { UsageError } from "../errors.ts";
import { GitRepository } from "../git/repository.ts";
import { pushArchive } from "../publish/push-archive.ts";
import { systemClock } from "../system-clock.ts";

export interface PushCommandOptions {
  repo: string;
  remote: string;
  /** Default: the branch checked out in the repository. */
  branch?: string;
  attempts?: string;
}

export async function pushCommand(options: PushCommandOptions): Promise<number> {
  const git = await GitRepository.open(options.repo, { forWriting: true });
  const attempts = Number(options.attempts ?? "5");
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
    throw new UsageError(`--attempts ${options.attempts}: not a whole number from 1 to 20`);
  }
  const branch = options.branch ?? ((await git.currentBranch()) as string);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const report = await pushArchive({
    git,
    remote: options.remote,
    branch,
    attempts,
    clock: systemClock,
    log,
  });
  const dropped =
    report.dropped.length === 0
      ? ""
      : `, ${report.dropped.length} dropped (fetched again next run)`;
  log(
    `pushed ${report.pushed} ${report.pushed === 1 ? "commit" : "commits"} to ${options.remote}/${branch}` +
      (report.replayed > 0 ? ` (${report.replayed} replayed on top of newer commits)` : "") +
      dropped,
  );
  return 0;
}
