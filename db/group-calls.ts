/**
 * Group commit for one statement: a call made while the statement is already running waits, and
 * every call that waited runs in the next statement together (up to `maxGroup` at once). A call
 * made while none runs starts one at once, so a quiet process waits for nothing; under load, one
 * round trip serves many calls, which saves this process a socket write (the largest cost of a
 * statement here) and the server a parse and a commit per call.
 *
 * `run` gets the calls' inputs in the order they were made and returns one output per input, in
 * the same order. When it throws, every call of that group is rejected with its error (the group
 * was one statement: none of it happened); calls of other groups are not affected.
 */
export function groupCalls<Input, Output>(
  run: (inputs: Input[]) => Promise<Output[]>,
  options: { maxGroup?: number } = {},
): (input: Input) => Promise<Output> {
  const { maxGroup = 500 } = options;
  type Waiting = { input: Input; resolve(output: Output): void; reject(error: unknown): void };
  let waiting: Waiting[] = [];
  let running = false;

  async function runGroups(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.slice(0, maxGroup);
        waiting = waiting.slice(group.length);
        try {
          const outputs = await run(group.map((call) => call.input));
          if (outputs.length !== group.length)
            throw new Error(`a group of ${group.length} calls got ${outputs.length} outputs`);
          for (const [i, call] of group.entries()) call.resolve(outputs[i] as Output);
        } catch (error) {
          for (const call of group) call.reject(error);
        }
      }
    } finally {
      running = false;
    }
  }

  return (input) =>
    new Promise<Output>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!running) void runGroups();
    });
}
