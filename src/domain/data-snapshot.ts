/** Which data a report was computed from: every report states it, so two runs can be told apart. */
export type DataSnapshot = {
  readonly vulnsCommit: string;
  readonly vulnsCommitDate: string;
  /** The newest release date in the release data. */
  readonly releasesAsOf: string | null;
  /** Published records in the index. */
  readonly records: number;
};
