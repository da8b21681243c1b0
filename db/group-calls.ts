/**
 * Group commit for one statement: a call made while the statement is already running waits, and
 * every call that waited runs in the next statement together (up to `maxGroup` at once). A call
 * made while none runs starts one at once, so a quiet process waits for nothing; under load, one
 * round trip serves many calls, which saves this process a socket write (the largest cost of a
 * statement here) and the server a parse and a commit per call.
 *
 * `run` gets the calls' inputs in the order they were made and returns one output per input, in
 * the same order. When a group's statement fails (none of it happened), each of its calls is run
 * again alone, one after another in the order they were made, so one call whose input the
 * statement refuses fails only itself; during an outage each fails with its own error. Calls of
 * other groups are not affected.
 */
export function groupCalls<Input, Output>(
  run: (inputs: Input[]) => Promise<Output[]>,
  options: { maxGroup?: number } = {},
): (input: Input) => Promise<Output> {
  const { maxGroup = 500 } = options;
  type Waiting = { input: Input; resolve(output: Output): void; reject(error: unknown): void };
  let waiting: Waiting[] = [];
  let running = false;
  const runChecked = async (inputs: Input[]): Promise<Output[]> => {
    const outputs = await run(inputs);
    if (outputs.length !== inputs.length)
      throw new Error(`a group of ${inputs.length} calls got ${outputs.length} outputs`);
    return outputs;
  };

  async function runGroups(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.slice(0, maxGroup);
        waiting = waiting.slice(group.length);
        try {
          const outputs = await runChecked(group.map((call) => call.input));
          for (const [i, call] of group.entries()) call.resolve(outputs[i] as Output);
        } catch (error) {
          if (group.length === 1) group[0]?.reject(error);
          // One after another, in the order made: what a call's statement reads (the inbox's
          // pending rows) includes every earlier call's, as it would have in the group.
          else
            for (const call of group) {
              try {
                const [output] = await runChecked([call.input]);
                call.resolve(output as Output);
              } catch (alone) {
                call.reject(alone);
              }
            }
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
