/** The parts of `@secvisogram/csaf-validator-lib` (plain JavaScript, no types of its own) the tests use. */
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  type Message = { message: string; instancePath: string };
  type TestResult = { name: string; isValid: boolean; errors: Message[]; warnings: Message[]; infos: Message[] };
  type DocumentTest = (doc: unknown) => unknown;
  export default function validateStrict(
    tests: readonly DocumentTest[],
    document: unknown,
  ): Promise<{ isValid: boolean; tests: TestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0: (doc: unknown) => unknown;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, (doc: unknown) => unknown>;
  export = tests;
}
